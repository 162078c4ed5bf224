"""`with Pool():` terminates its workers at the end: a traced run must never hang there."""

import os
import unittest

from tracerun import FIXTURES, run_traced

PROGRAM = os.path.join(FIXTURES, "programs", "pool_with_block.py")


class PoolTerminateTest(unittest.TestCase):
    def test_with_pool_ends_every_time(self):
        for i in range(60):
            trace = run_traced([PROGRAM], timeout=20)
            self.assertEqual(trace.code, 0, "run %d: %r" % (i, trace.stderr[-500:]))
            self.assertEqual(trace.texts(), "2470\n")
            self.assertEqual(len(trace.kind("task.begin")), len(trace.kind("task.end")))
            kills = trace.kind("proc.kill")
            self.assertEqual({e["why"] for e in kills} - {"terminate"}, set())


if __name__ == "__main__":
    unittest.main()
