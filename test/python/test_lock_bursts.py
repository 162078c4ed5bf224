"""lock.burst (protocol 1.1): runs of short uncontended holds become one event, and nothing
else changes: holds that last, contended acquires and delivery stay as they were."""

import json
import os
import select
import signal
import subprocess
import sys
import time
import unittest

from tracerun import FIXTURES, RS, TRACER_PATH, TempDir, run_traced

PROG = os.path.join(FIXTURES, "programs", "lock_bursts.py")
N = 3000


def holds_of(trace, label):
    """(number of holds, events) of one lock: single acquired/release pairs plus burst counts."""
    ev = [e for e in trace.events if e["k"].startswith("lock.") and e["label"] == label]
    singles = [e for e in ev if e["k"] == "lock.acquired"]
    releases = [e for e in ev if e["k"] == "lock.release"]
    bursts = [e for e in ev if e["k"] == "lock.burst"]
    return len(singles), len(releases), sum(e["count"] for e in bursts), ev


class LockBurstTest(unittest.TestCase):
    def test_loops_become_bursts_and_nothing_is_lost(self):
        trace = run_traced([PROG, str(N)])
        self.assertEqual(trace.code, 3, trace.stderr)
        self.assertEqual(trace.texts(), "done\n")
        main = trace.main_pid()
        # multiprocessing.Lock: N loop holds + the hold across the sleep.
        acq, rel, in_bursts, ev = holds_of(trace, "lock")
        self.assertEqual(acq, rel)
        self.assertEqual(acq + in_bursts, N + 1, "every hold counted once")
        self.assertGreater(in_bursts, N // 2)
        self.assertEqual({(e["kind"], e["pid"], e["tid"]) for e in ev}, {("Lock", main, main)})
        self.assertEqual(len({e["id"] for e in ev}), 1)
        # The hold across the sleep is a lone acquired/release pair around the sleep, and
        # its acquired frame is written before the sleep (a blocking call flushes).
        sleep = trace.kind("sleep")[0]
        before = [e for e in ev if e["t"] < sleep["t"]]
        self.assertEqual(before[-1]["k"], "lock.acquired")
        self.assertEqual(before[-1]["waited"], 0)
        after = [e for e in ev if e["t"] > sleep["t"]]
        self.assertEqual([e["k"] for e in after], ["lock.release"])
        self.assertLess(trace.events.index(before[-1]), trace.events.index(sleep))
        for e in ev:
            if e["k"] == "lock.burst":
                self.assertTrue(e["count"] >= 2 and 0 < e["held"] <= e["last"] - e["t"], e)
        # RLock: re-entering reports nothing, so N holds in all.
        acq, rel, in_bursts, ev = holds_of(trace, "rlock")
        self.assertEqual((acq, rel, acq + in_bursts), (acq, acq, N))
        self.assertEqual({e["kind"] for e in ev}, {"RLock"})
        # Contended: the second worker waits, then acquires with its wait, as before.
        acq, rel, in_bursts, ev = holds_of(trace, "gate")
        self.assertEqual((acq, rel, in_bursts), (2, 2, 0))
        waits = [e for e in ev if e["k"] == "lock.wait"]
        self.assertEqual(len(waits), 1)
        waited = [e for e in ev if e["k"] == "lock.acquired" and e["tid"] == waits[0]["tid"]]
        self.assertGreater(waited[0]["waited"], 10_000_000)
        # Stream order stays time order per thread, bursts included.
        last = {}
        for e in trace.events:
            if e["k"].startswith("lock."):
                self.assertGreaterEqual(e["t"], last.get(e["tid"], 0), e)
                last[e["tid"]] = e.get("last", e["t"])

    def test_bursts_are_delivered_while_the_program_runs(self):
        # After the loops the program spins without events or blocking calls: only the
        # ~20 ms flusher can deliver the bursts, and it must, before the program goes on.
        with TempDir() as tmp:
            flag = os.path.join(tmp, "go")
            env = dict(os.environ, PYTHONPATH=TRACER_PATH, PYTHONIOENCODING="utf-8")
            proc = subprocess.Popen([sys.executable, "-m", "swimlane_tracer", PROG, str(N), flag],
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            try:
                seen, data = self.read_until_counted(proc, 2 * N, deadline=time.monotonic() + 15)
                self.assertEqual(seen, 2 * N, "all loop holds delivered before the flag")
                self.assertIsNone(proc.poll(), "the program was still spinning")
                open(flag, "w").close()
                out, _ = proc.communicate(timeout=30)
                self.assertEqual(proc.returncode, 3)
                self.assertIn(b'"text":"done\\n"', data + out)
            finally:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    @staticmethod
    def read_until_counted(proc, want, deadline):
        data = b""
        seen = 0
        fd = proc.stdout.fileno()
        while seen < want and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
            seen = 0
            for frame in data.split(RS)[1:]:
                body, nl, _ = frame.partition(b"\n")
                if nl:
                    e = json.loads(body)
                    if e["k"] == "lock.burst":
                        seen += e["count"]
                    elif e["k"] == "lock.acquired":
                        seen += 1
        return seen, data


if __name__ == "__main__":
    unittest.main()
