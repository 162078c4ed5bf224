"""Tracer facts on real processes: daemons, start methods, exceptions, exit codes, output."""

import glob
import os
import shutil
import subprocess
import sys
import unittest

from tracerun import FIXTURES, TRACER_PATH, TempDir, run_traced, run_untraced

PROGRAMS = os.path.join(FIXTURES, "programs")
TUTORIAL = os.path.join(FIXTURES, "tutorial")


def prog(name):
    return os.path.join(PROGRAMS, name)


class DaemonTest(unittest.TestCase):
    def test_daemon_killed_when_main_code_ends(self):
        trace = run_traced([os.path.join(TUTORIAL, "daemon_main_done.py")])
        self.assertEqual(trace.code, 0)
        main = trace.main_pid()
        spawns = {e["name"]: e for e in trace.kind("proc.spawn", main)}
        daemon, other = spawns["Process-1"], spawns["Process-2"]
        self.assertTrue(daemon["daemon"])
        self.assertFalse(other["daemon"])
        done = trace.kind("main.done", main)[0]["t"]
        kill = trace.kind("proc.kill", main)
        self.assertEqual([(e["child"], e["sig"], e["why"]) for e in kill],
                         [(daemon["child"], 15, "daemon")], "main killed the daemon")
        self.assertGreaterEqual(kill[0]["t"], done, "after the main code finished")
        # The daemon may be killed before it ran any Python (the tutorial says "可能会有"):
        # when it did begin, its end records the signal.
        if trace.kind("proc.begin", daemon["child"]):
            end = trace.kind("proc.end", daemon["child"])
            self.assertEqual([e.get("sig") for e in end], [15])
        daemon_text = "".join(e["text"] for e in trace.kind("out", daemon["child"]))
        self.assertNotIn("end123", daemon_text)
        other_text = "".join(e["text"] for e in trace.kind("out", other["child"]))
        self.assertEqual(other_text, "456\nend456\n")
        self.assertEqual(trace.kind("proc.end", other["child"])[0]["code"], 0)


class StartMethodTest(unittest.TestCase):
    def check(self, method):
        trace = run_traced([prog("join_lock.py")], tracer_args=["--start-method", method])
        self.assertEqual(trace.code, 0, trace.stderr)
        hello = trace.kind("hello")
        self.assertTrue(all(e["method"] == method for e in hello), hello)
        children = {e["pid"] for e in trace.kind("proc.begin")}
        self.assertEqual(len(children), 4)
        self.assertEqual({e["name"] for e in trace.kind("proc.begin")}, {"w0", "w1", "w2", "w3"})
        self.assertEqual({e["pid"] for e in trace.kind("proc.end") if e["code"] == 0},
                         children | {trace.main_pid()})
        ids = {e["id"] for e in trace.kind("lock.acquired")}
        self.assertEqual(len(ids), 1, "the lock has one id in every process")
        self.assertEqual({e["label"] for e in trace.kind("lock.acquired")}, {"lock"})
        self.assertIn("exit codes [0, 0, 0, 0]", trace.texts())

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_forkserver(self):
        self.check("forkserver")


class ExceptionTest(unittest.TestCase):
    def test_child_exception_and_exit_code(self):
        trace = run_traced([prog("child_raises.py")])
        self.assertEqual(trace.code, 3)
        exc = trace.kind("exc")
        self.assertEqual(len(exc), 1)
        self.assertEqual(exc[0]["type"], "ValueError")
        self.assertEqual(exc[0]["msg"], "bad ticket")
        self.assertTrue(exc[0]["src"][0].endswith("child_raises.py"))
        child = exc[0]["pid"]
        self.assertEqual(trace.kind("proc.end", child)[0]["code"], 1)
        self.assertIn("ValueError: bad ticket", trace.texts("err"))
        self.assertEqual(trace.kind("proc.end", trace.main_pid())[0]["code"], 3)
        self.assertIn("child exit code 1", trace.texts())

    def test_main_exception_matches_untraced(self):
        trace = run_traced([prog("main_raises.py")])
        out, err, code = run_untraced([prog("main_raises.py")])
        self.assertEqual(trace.code, code)
        self.assertEqual(trace.code, 1)
        self.assertEqual(trace.texts("err"), err.decode())
        self.assertNotIn("swimlane_tracer", trace.texts("err"))
        self.assertEqual(trace.kind("exc")[0]["type"], "KeyError")
        self.assertEqual(len(trace.kind("main.done")), 1)


class OutputTest(unittest.TestCase):
    def test_ten_megabytes_of_output_survive_exactly(self):
        trace = run_traced([prog("big_output.py")], timeout=300)
        out, _, code = run_untraced([prog("big_output.py")], timeout=300)
        self.assertEqual(trace.code, code)
        self.assertEqual(trace.texts().encode("utf-8"), out)
        frames = trace.raw.split(b"\x1e")[1:]
        self.assertLessEqual(max(len(f) + 1 for f in frames), 4096)

    def test_mark_api(self):
        trace = run_traced([prog("marks.py")])
        marks = trace.kind("mark")
        self.assertEqual(marks[0]["label"], "phase one")
        self.assertEqual(marks[0]["data"], {"step": 1})
        out, _, code = run_untraced([prog("marks.py")])
        self.assertEqual((out, code), (b"done\n", 0))

    def test_missing_script_is_a_clear_error(self):
        trace = run_traced(["/nonexistent/nope.py"])
        self.assertEqual(trace.code, 2)
        self.assertIn(b"can't open file", trace.stderr)


def find_python39():
    """A working Python 3.9 (PATH or pyenv), or None."""
    candidates = [shutil.which("python3.9")] + sorted(glob.glob(
        os.path.expanduser("~/.pyenv/versions/3.9*/bin/python3.9")))
    for python in filter(None, candidates):
        check = subprocess.run([python, "-c", "import sys; sys.exit(sys.version_info[:2] != (3, 9))"],
                               capture_output=True)
        if check.returncode == 0:
            return python
    return None


PYTHON39 = find_python39()


@unittest.skipUnless(PYTHON39, "no Python 3.9 on this machine")
class OldestPythonTest(unittest.TestCase):
    def test_lock_program_on_python_3_9(self):
        python = PYTHON39
        trace = run_traced([prog("join_lock.py")], python=python)
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertEqual(len(trace.kind("proc.begin")), 4)
        self.assertEqual({e["label"] for e in trace.kind("lock.acquired")}, {"lock"})


if __name__ == "__main__":
    unittest.main()
