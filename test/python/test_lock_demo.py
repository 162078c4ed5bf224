"""The Lock Demo and the tutorial's ticket program with a Lock, traced for real."""

import json
import os
import unittest

from tracerun import FIXTURES, SCENARIOS, TempDir, lock_holds, run_traced

DB = '{"count": 1}'
SUCCESS = "购票成功"


class LockDemoTest(unittest.TestCase):
    def check_ticket_run(self, trace, clients, cwd):
        self.assertEqual(trace.code, 0, trace.stderr.decode(errors="replace"))
        self.assertEqual(trace.output, b"", "no bytes outside frames")
        main = trace.main_pid()
        pids = {e["pid"] for e in trace.kind("hello")}
        self.assertEqual(len(pids), clients + 1, "one process per client plus main")
        children = pids - {main}
        self.assertEqual({e["pid"] for e in trace.kind("proc.begin")}, children)
        self.assertEqual({e["pid"] for e in trace.kind("proc.end")}, pids)
        self.assertEqual({e["child"] for e in trace.kind("proc.spawn", main)}, children)
        # search() reads db.txt without the lock (as in the tutorial): a client that reads it
        # while the buyer rewrites it sees an empty file and dies of JSONDecodeError. Every
        # other process ends with 0, and every client either printed the count or died so.
        crashed = {e["pid"] for e in trace.kind("exc") if e["type"] == "JSONDecodeError"}
        self.assertTrue(all(e["code"] == (1 if e["pid"] in crashed else 0)
                            for e in trace.kind("proc.end")))
        buyers = [e["pid"] for e in trace.kind("out") if SUCCESS in e["text"]]
        self.assertEqual(len(buyers), 1, "exactly one client buys")
        searched = {e["pid"] for e in trace.kind("out") if "剩余票数" in e["text"]}
        self.assertEqual(searched | crashed, children)
        self.assertLessEqual(len(crashed), clients // 4)
        with open(os.path.join(cwd, "db.txt")) as f:
            self.assertEqual(json.load(f)["count"], 0)
        # The lock serialises get(): holds never overlap, every client held it once.
        holds = lock_holds(trace)
        self.assertEqual(sorted(h[2] for h in holds), sorted(children - crashed))
        for (a0, a1, pa), (b0, b1, pb) in zip(holds, holds[1:]):
            self.assertLessEqual(a1, b0, "holds of %d and %d overlap" % (pa, pb))
        ids = {e["id"] for e in trace.kind("lock.acquired")}
        self.assertEqual(len(ids), 1, "one lock object, same id in every process")
        self.assertEqual({e["label"] for e in trace.kind("lock.acquired")}, {"lock"})
        # The buyer slept 0.1 s then 0.2 s while holding the lock.
        buyer_sleeps = trace.kind("sleep", buyers[0])
        self.assertEqual(len(buyer_sleeps), 2)
        self.assertEqual(len(trace.kind("main.done", main)), 1)
        return holds

    def test_lock_demo_scenario(self):
        with TempDir({"db.txt": DB}) as cwd:
            script = os.path.join(SCENARIOS, "lock_demo.py")
            trace = run_traced([script, "--clients", "20", "--time-scale", "0.1"], cwd=cwd)
            self.check_ticket_run(trace, 20, cwd)
            waits = trace.kind("lock.wait")
            self.assertGreater(len(waits), 0, "clients queue for the lock")
            for e in trace.kind("lock.acquired"):
                self.assertGreaterEqual(e["waited"], 0)

    def test_tutorial_program_unchanged_100_clients(self):
        with TempDir({"db.txt": '{"count":1}'}) as cwd:
            trace = run_traced([os.path.join(FIXTURES, "tutorial", "ticket_with_lock.py")],
                               cwd=cwd, timeout=180)
            holds = self.check_ticket_run(trace, 100, cwd)
            self.assertGreaterEqual(len(holds), 75)


if __name__ == "__main__":
    unittest.main()
