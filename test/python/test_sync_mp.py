"""Synchronisation facts on real traced processes, multiprocessing's side: its Condition, Event
and Barrier under fork and spawn with the same ids in every process (their own locks and
semaphores report nothing), and a threading Lock used in a forked child."""

import unittest

from synctrace import A, W, prog, signal, steps, sync_events
from tracerun import run_traced, run_untraced


class MultiprocessingSyncTest(unittest.TestCase):
    def check(self, method):
        trace = run_traced([prog("sync_mp.py"), method])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertIn("exit codes [0, 0] set True", trace.texts())
        main = trace.main_pid()
        ev = sync_events(trace)
        self.assertEqual({e["kind"] for e in ev}, {"Condition", "Event", "Barrier"},
                         "their own locks and semaphores report nothing")
        ids = {}
        for e in ev:
            ids.setdefault(e["label"], set()).add(e["id"])
        self.assertEqual(sorted(ids), ["cond", "ev", "gate"])
        for label, one in ids.items():
            self.assertEqual(len(one), 1, "%s has one id in every process" % label)
            self.assertRegex(next(iter(one)), r"^%d-\d+$" % main)
        children = {e["pid"] for e in trace.kind("proc.begin")}
        self.assertEqual(len(children), 2)
        self.assertEqual(steps([e for e in ev if e["pid"] == main and e["label"] != "gate"],
                               main), [signal("notify_all"), signal("set")])
        self.assertEqual([e["n"] for e in ev if e.get("op") == "notify_all"], [2])
        notify = next(e for e in ev if e.get("op") == "notify_all")
        setting = next(e for e in ev if e.get("op") == "set")
        for pid in children:
            mine = [e for e in ev if e["pid"] == pid]
            gate = steps([e for e in mine if e["label"] == "gate"], pid)
            self.assertIn(gate, ([W, A], [A]))
            self.assertEqual(steps([e for e in mine if e["label"] == "cond"], pid), [W, A])
            self.assertEqual(steps([e for e in mine if e["label"] == "ev"], pid), [W, A])
            woken = [e for e in mine if e["k"] == "lock.acquired"]
            self.assertLess(notify["t"], woken[1]["t"])
            self.assertLess(setting["t"], woken[2]["t"])
        out, err, code = run_untraced([prog("sync_mp.py"), method])
        # Untraced, the children's prints may tear into each other: compare the characters.
        self.assertEqual((sorted(trace.texts()), code), (sorted(out.decode()), 0))

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_threading_lock_in_a_forked_child(self):
        trace = run_traced([prog("sync_fork_threadlock.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        ev = sync_events(trace, "guard")
        child = trace.kind("proc.begin")[0]["pid"]
        self.assertEqual(len({e["id"] for e in ev}), 1)
        self.assertEqual([(e["k"], e["pid"]) for e in ev], [
            ("lock.acquired", trace.main_pid()), ("lock.release", trace.main_pid()),
            ("lock.acquired", child), ("lock.release", child)])
        self.assertEqual({e["tid"] for e in ev if e["pid"] == child}, {child},
                         "the child's own thread id, not the parent's")


if __name__ == "__main__":
    unittest.main()
