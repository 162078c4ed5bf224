"""Labels follow conditional expressions, chained assignments and attributes."""

import os
import unittest

from tracerun import FIXTURES, run_traced

PROG = os.path.join(FIXTURES, "programs", "labels_conditional.py")


class LabelTest(unittest.TestCase):
    def test_labels(self):
        trace = run_traced([PROG])
        self.assertEqual(trace.code, 0, trace.stderr)
        seen = sorted({(e["kind"], e["label"]) for e in trace.events
                       if e["k"] in ("lock.acquired", "lock.burst", "queue.put")})
        self.assertEqual(seen, [
            ("Lock", "cond_lock"),  # threading.Lock() if use else None
            ("Lock", "first"),  # first = second = threading.Lock()
            ("Lock", "mp_lock"),  # multiprocessing.Lock() if use else None
            ("Lock", "plain"),
            ("Lock", "self.guard"),  # self.guard = threading.Lock() if use else None
            ("RLock", "local_lock"),  # None if not use else threading.RLock(), in a function
            ("queue.Queue", "jobs"),  # queue.Queue() if use else None
        ])


if __name__ == "__main__":
    unittest.main()
