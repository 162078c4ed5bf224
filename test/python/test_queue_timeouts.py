"""queue.timeout (protocol 1.1): a blocked put/get that times out ends its block."""

import os
import unittest

from tracerun import FIXTURES, run_traced, run_untraced

PROG = os.path.join(FIXTURES, "programs", "queue_timeouts.py")


class QueueTimeoutTest(unittest.TestCase):
    def test_each_block_ends_with_put_get_or_timeout(self):
        trace = run_traced([PROG])
        self.assertEqual(trace.code, 0, trace.stderr)
        out, err, code = run_untraced([PROG])
        self.assertEqual((trace.texts(), code), (out.decode(), 0), "output as untraced")
        main = trace.main_pid()
        ev = [e for e in trace.events if e["k"].startswith("queue.")]
        steps = [(e["label"], e["k"], e.get("op")) for e in ev if e["tid"] == main]
        self.assertEqual(steps, [
            ("tq", "queue.block", "get"), ("tq", "queue.timeout", "get"),
            ("tq", "queue.put", None),
            ("tq", "queue.block", "put"), ("tq", "queue.timeout", "put"),
            ("mq", "queue.block", "get"), ("mq", "queue.timeout", "get"),
            ("mq", "queue.put", None),
            ("mq", "queue.block", "put"), ("mq", "queue.timeout", "put"),
            ("mq", "queue.get", None),
            ("late", "queue.block", "get"), ("late", "queue.get", None)])
        src = os.path.realpath(PROG)
        for block, end in zip(ev, ev[1:]):
            if end["k"] != "queue.timeout":
                continue
            self.assertEqual((block["k"], block["id"], block["op"]),
                             ("queue.block", end["id"], end["op"]))
            self.assertEqual(end["waited"], end["t"] - block["t"])
            self.assertGreaterEqual(end["waited"], 40_000_000, "timeout=0.05 s")
            self.assertEqual(os.path.realpath(end["src"][0]), src)
            self.assertEqual(end["kind"], "queue.Queue" if end["label"] == "tq" else "Queue")
        # The item that timed out was never put: only "a" went in (and out) of each queue.
        puts = [e for e in ev if e["k"] == "queue.put"]
        self.assertEqual([(e["label"], e["size"]) for e in puts if e["label"] != "late"],
                         [("tq", 1), ("mq", 1)])


if __name__ == "__main__":
    unittest.main()
