"""Tracebacks read as untraced: no tracer frame (a child's run(), open(), json.load, pool
tasks, queue.get, threads) in what the program prints or in `exc` events, and no changed
type, message, path or chained exception."""

import os
import unittest

from tracerun import FIXTURES, TempDir, run_traced, run_untraced

PROG = os.path.join(FIXTURES, "programs", "tracebacks.py")


class TracebackTest(unittest.TestCase):
    def test_failing_children_print_as_untraced(self):
        with TempDir() as cwd:
            trace = run_traced([PROG], cwd=cwd)
            out, err, code = run_untraced([PROG], cwd=cwd)
        self.assertEqual((trace.code, code), (1, 1))
        self.assertEqual(trace.texts(), out.decode())
        traced_err = trace.texts("err")
        self.assertNotIn("swimlane_tracer", traced_err)
        self.assertIn("FileNotFoundError", traced_err)
        self.assertIn("RemoteTraceback", traced_err)
        # Same lines (order aside: processes and threads may print in another order).
        self.assertEqual(sorted(traced_err.splitlines()), sorted(err.decode().splitlines()))
        excs = trace.kind("exc")
        self.assertEqual(sorted(e["type"] for e in excs),
                         ["Empty", "FileNotFoundError", "FileNotFoundError", "JSONDecodeError"])
        for e in excs:
            self.assertTrue(e["tb"], e)
            for line in e["tb"]:
                self.assertNotIn("swimlane_tracer", line)
                self.assertTrue(line.startswith(os.path.realpath(PROG)) or
                                line.startswith(PROG), line)

    def test_module_run_prints_runpy_frames_as_python_m_does(self):
        # `python -m mod` shows two <frozen runpy> frames above the module's own; so must
        # `python -m swimlane_tracer -m mod` (and none of the tracer's).
        cwd = os.path.join(FIXTURES, "programs")
        trace = run_traced(["-m", "raise_in_module"], cwd=cwd)
        out, err, code = run_untraced(["-m", "raise_in_module"], cwd=cwd)
        self.assertEqual((trace.code, code), (1, 1))
        self.assertEqual(trace.texts(), out.decode())
        self.assertIn("_run_module_as_main", err.decode())  # runpy's frames, as python shows them
        self.assertEqual(trace.texts("err"), err.decode())
        self.assertIn("KeyError: 'missing-7'", trace.texts("err"))


if __name__ == "__main__":
    unittest.main()
