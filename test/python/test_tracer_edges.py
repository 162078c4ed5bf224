"""Edges of transparency and delivery: -m MODULE, direct stdout writes, os._exit, SIGKILL,
a closed fd 1."""

import os
import unittest

from tracerun import FIXTURES, run_traced, run_untraced

PROGRAMS = os.path.join(FIXTURES, "programs")


def prog(name):
    return os.path.join(PROGRAMS, name)


class EdgeTest(unittest.TestCase):
    def test_run_module_with_dash_m(self):
        trace = run_traced(["-m", "modpkg.runme", "x", "y"], cwd=PROGRAMS)
        out, err, code = run_untraced(["-m", "modpkg.runme", "x", "y"], cwd=PROGRAMS)
        self.assertEqual(trace.code, code, trace.stderr)
        self.assertEqual(sorted(trace.texts().splitlines()), sorted(out.decode().splitlines()))
        self.assertIn("argv ['x', 'y']", trace.texts())
        self.assertEqual(len(trace.kind("proc.begin")), 1)
        self.assertEqual(trace.kind("proc.spawn")[0]["target"], "hello")

    def test_direct_stdout_and_stderr_writes(self):
        trace = run_traced([prog("direct_stdout.py")])
        out, err, code = run_untraced([prog("direct_stdout.py")])
        self.assertEqual(trace.code, code)
        self.assertEqual(trace.texts().encode(), out)
        self.assertEqual(trace.texts("err").encode(), err)
        texts = [e["text"] for e in trace.kind("out") if e["stream"] == "out"]
        self.assertIn("part one, part two\n", texts, "one line is one event")
        self.assertIn("no newline at the end", texts, "flush emits a partial line")
        self.assertEqual(texts[-1], "tail", "the unfinished last line is emitted at exit")

    def test_os_exit_loses_nothing(self):
        trace = run_traced([prog("os_exit.py")])
        self.assertEqual(trace.code, 5)
        self.assertIn("child says bye", trace.texts())
        self.assertIn("child exit code 7", trace.texts())
        self.assertEqual(len(trace.kind("main.done")), 0, "os._exit left before the end")

    def test_child_killed_by_sigkill(self):
        trace = run_traced([prog("killed_child.py")])
        self.assertEqual(trace.code, 0)
        child = trace.kind("proc.begin")[0]["pid"]
        self.assertIn("sleeping", "".join(e["text"] for e in trace.kind("out", child)))
        self.assertEqual(trace.kind("proc.end", child), [], "SIGKILL gives no chance to report")
        self.assertIn("child exit code -9", trace.texts())
        self.assertEqual(len(trace.kind("proc.end", trace.main_pid())), 1)

    def test_program_that_closes_fd_1(self):
        trace = run_traced([prog("closes_stdout.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertIn("before close", trace.texts())
        self.assertIn("child prints after fd 1 was closed", trace.texts())
        self.assertIn("main done", trace.texts("err"))
        self.assertEqual(len(trace.kind("proc.end")), 2)


if __name__ == "__main__":
    unittest.main()
