"""The tracer's bytecode is cached beside it even when the program runs with
PYTHONDONTWRITEBYTECODE (as the extension runs user code): spawn children and later runs
start without compiling it, and the user's own folders still get no __pycache__."""

import os
import shutil
import sys
import unittest

from tracerun import TRACER_PATH, TempDir, run_traced

PROGRAM = """\
import multiprocessing as mp
import helper


def work(q):
    q.put(helper.VALUE)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    p = mp.Process(target=work, args=(q,))
    p.start()
    print(q.get())
    p.join()
"""


class BytecodeCacheTest(unittest.TestCase):
    def test_tracer_cached_user_code_not(self):
        with TempDir() as tmp:
            tracer = os.path.join(tmp, "tracer")
            shutil.copytree(os.path.join(TRACER_PATH, "swimlane_tracer"),
                            os.path.join(tracer, "swimlane_tracer"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            user = os.path.join(tmp, "user")
            os.mkdir(user)
            with open(os.path.join(user, "prog.py"), "w") as f:
                f.write(PROGRAM)
            with open(os.path.join(user, "helper.py"), "w") as f:
                f.write("VALUE = 42\n")
            env = {"PYTHONPATH": tracer, "PYTHONDONTWRITEBYTECODE": "1"}
            trace = run_traced([os.path.join(user, "prog.py")], cwd=user, env=env)
            self.assertEqual(trace.code, 0, trace.stderr)
            self.assertEqual(trace.texts(), "42\n")
            self.assertEqual(len(trace.kind("proc.begin")), 1)  # the spawn child was traced
            tag = sys.implementation.cache_tag
            sources = sorted(n[:-3] for n in os.listdir(os.path.join(tracer, "swimlane_tracer"))
                             if n.endswith(".py"))
            cache = os.path.join(tracer, "swimlane_tracer", "__pycache__")
            cached = sorted(n.split(".")[0] for n in os.listdir(cache) if tag in n)
            self.assertEqual(cached, sources)
            self.assertFalse(os.path.exists(os.path.join(user, "__pycache__")))
            # A second run finds the cache as it is (nothing rewritten).
            stamps = {n: os.stat(os.path.join(cache, n)).st_mtime_ns for n in os.listdir(cache)}
            again = run_traced([os.path.join(user, "prog.py")], cwd=user, env=env)
            self.assertEqual(again.texts(), "42\n")
            self.assertEqual(
                {n: os.stat(os.path.join(cache, n)).st_mtime_ns for n in os.listdir(cache)},
                stamps)


if __name__ == "__main__":
    unittest.main()
