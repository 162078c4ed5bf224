"""SIGTERM always reaches a traced child, even one blocked in C when it arrives."""

import os
import unittest

from tracerun import FIXTURES, run_traced

PROGRAM = os.path.join(FIXTURES, "programs", "daemon_blocked_reader.py")


class SigtermTest(unittest.TestCase):
    def test_blocked_daemon_is_killed_every_time(self):
        for i in range(40):
            trace = run_traced([PROGRAM], timeout=15)
            self.assertEqual(trace.code, 0, "run %d: %r" % (i, trace.stderr[-300:]))
            self.assertEqual(trace.texts(), "main done\n")
            child = trace.kind("proc.spawn")[0]["child"]
            self.assertEqual([e["why"] for e in trace.kind("proc.kill")], ["daemon"])
            if trace.kind("proc.begin", child):
                self.assertEqual([e.get("sig") for e in trace.kind("proc.end", child)], [15],
                                 "run %d: the handler ran and reported the signal" % i)


if __name__ == "__main__":
    unittest.main()
