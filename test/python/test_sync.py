"""Synchronisation facts on real traced processes, fact by fact (who, what, which object, in
which order): threading's Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event and
Barrier; the standard library's own objects stay silent; the ticket race with and without
a Lock; the uncontended Lock fast path loses nothing. multiprocessing's objects: test_sync_mp.py."""

import unittest

from synctrace import SYNC, A, F, R, W, prog, signal, steps, sync_events
from tracerun import lock_holds, run_traced, run_untraced


class ThreadingPrimitivesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.trace = run_traced([prog("sync_threading.py")])
        cls.main = next(e["tid"] for e in cls.trace.events if e["k"] == "hello")
        cls.child = {e["name"]: e["child"] for e in cls.trace.kind("thread.start")}

    def obj(self, label, kind):
        events = sync_events(self.trace, label)
        self.assertTrue(events, label)
        self.assertEqual({e["kind"] for e in events}, {kind})
        self.assertEqual(len({e["id"] for e in events}), 1, "one object, one id")
        self.assertRegex(events[0]["id"], r"^%d-\d+$" % self.trace.main_pid())
        return events

    def test_lock(self):
        ev = self.obj("lock", "Lock")
        self.assertEqual(steps(ev, self.main), [A, R])
        self.assertEqual(steps(ev, self.child["contender"]), [F, W, F, W, A, R])
        mine = [e for e in ev if e["tid"] == self.child["contender"]]
        self.assertEqual(mine[0]["waited"], 0, "non-blocking: failed at once")
        self.assertGreaterEqual(mine[2]["waited"], 45e6, "timed out after ~50 ms")
        self.assertGreater(mine[4]["waited"], 100e6, "waited for main's release")
        self.assertTrue(mine[1]["src"][0].endswith("sync_threading.py"))
        main_release = [e for e in ev if e["tid"] == self.main][1]
        self.assertLessEqual(main_release["t"], mine[4]["t"])
        self.assertIn("lock [False, False, 'held'] False", self.trace.texts())

    def test_rlock_reports_one_hold(self):
        self.assertEqual(steps(self.obj("rlock", "RLock"), self.main), [A, R])

    def test_semaphores(self):
        ev = self.obj("sem", "Semaphore")
        self.assertEqual(steps(ev, self.main), [A, A, R, R])
        self.assertEqual(steps(ev, self.child["third"]), [F, W, A, R])
        self.assertEqual(steps(self.obj("bounded", "BoundedSemaphore"), self.main), [A, R],
                         "the release that raised ValueError reports nothing")

    def test_condition(self):
        ev = self.obj("cond", "Condition")
        self.assertEqual(steps(ev, self.child["consumer"]), [W, A])
        self.assertEqual(steps(ev, self.main), [signal("notify"), W, F, signal("notify_all")])
        notify, woken = ev[[e["k"] for e in ev].index("sync.signal")], \
            [e for e in ev if e["tid"] == self.child["consumer"]][1]
        self.assertEqual(notify["n"], 1)
        self.assertLess(notify["t"], woken["t"])
        self.assertGreater(woken["waited"], 100e6)
        self.assertEqual([e["n"] for e in ev if e.get("op") == "notify_all"], [0])

    def test_condition_with_a_user_lock(self):
        guard, ready = self.obj("guard", "Lock"), self.obj("ready", "Condition")
        waiter = self.child["waiter"]
        both = [e for e in sync_events(self.trace) if e["label"] in ("guard", "ready")]
        self.assertEqual([(e["k"], e["label"]) for e in both if e["tid"] == waiter], [
            ("lock.acquired", "guard"), ("lock.wait", "ready"), ("lock.release", "guard"),
            ("lock.acquired", "guard"), ("lock.acquired", "ready"), ("lock.release", "guard")])
        self.assertEqual(steps(guard, self.main), [A, R])
        self.assertEqual(steps(ready, self.main), [signal("notify")])
        guard_holds = self.holds_of(guard[0]["id"])
        self.assertEqual(len(guard_holds), 3)
        for (a0, a1), (b0, b1) in zip(guard_holds, guard_holds[1:]):
            self.assertLessEqual(a1, b0, "holds of the condition's lock never overlap")

    def holds_of(self, lock_id):
        events = [e for e in self.trace.events if e.get("id") == lock_id]
        opened, holds = {}, []
        for e in sorted(events, key=lambda e: e["t"]):
            if e["k"] == "lock.acquired":
                opened[e["tid"]] = e["t"]
            elif e["k"] == "lock.release":
                holds.append((opened.pop(e["tid"]), e["t"]))
        return sorted(holds)

    def test_event(self):
        ev = self.obj("ev", "Event")
        self.assertEqual(steps(ev, self.child["watcher"]), [W, A])
        self.assertEqual(steps(ev, self.main), [signal("set"), A, signal("clear"), W, F])
        main = [e for e in ev if e["tid"] == self.main]
        self.assertEqual(main[1]["waited"], 0, "already set: did not block")
        woken = [e for e in ev if e["tid"] == self.child["watcher"]][1]
        self.assertLess(main[0]["t"], woken["t"])

    def test_barrier(self):
        gate = self.obj("gate", "Barrier")
        for party in ("party0", "party1"):
            self.assertEqual(steps(gate, self.child[party]), [W, A])
        self.assertEqual(steps(gate, self.main), [A], "the last to arrive does not wait")
        broken = self.obj("broken", "Barrier")
        self.assertEqual(steps(broken, self.child["stuck"]), [W, F])
        self.assertEqual(steps(broken, self.main), [signal("abort"), signal("reset")])

    def test_only_the_programs_objects(self):
        labels = {e["label"] for e in sync_events(self.trace)}
        self.assertEqual(labels, {"lock", "rlock", "sem", "bounded", "cond", "guard", "ready",
                                  "ev", "gate", "broken"})
        ids = {e["id"] for e in sync_events(self.trace)}
        self.assertEqual(len(ids), len(labels))

    def test_transparent(self):
        out, err, code = run_untraced([prog("sync_threading.py")])
        self.assertEqual((self.trace.texts(), self.trace.texts("err"), self.trace.code),
                         (out.decode(), err.decode(), code))


class StdlibObjectsTest(unittest.TestCase):
    def test_queue_logging_pool_timer_are_silent(self):
        trace = run_traced([prog("sync_internal.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertEqual([(e["k"], e["label"]) for e in sync_events(trace)],
                         [("lock.acquired", "mine"), ("lock.release", "mine")])
        out, err, code = run_untraced([prog("sync_internal.py")])
        self.assertEqual((trace.texts(), trace.texts("err"), code), (out.decode(), err.decode(), 0))


class TicketRaceTest(unittest.TestCase):
    def test_without_lock_tickets_are_oversold(self):
        trace = run_traced([prog("sync_ticket_race.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertEqual(sync_events(trace), [])
        sold = int(trace.texts().split()[-3])
        self.assertGreater(sold, 1, "the race shows")
        self.assertEqual(len(trace.kind("thread.begin")), 10)

    def test_with_lock_holds_never_overlap(self):
        trace = run_traced([prog("sync_ticket_race.py"), "--lock"])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertTrue(trace.texts().endswith("sold 1 left 0\n"), trace.texts())
        ev = sync_events(trace, "lock")
        self.assertEqual(len({e["id"] for e in ev}), 1)
        counts = {k: sum(e["k"] == k for e in ev) for k in SYNC}
        self.assertEqual(counts, {"lock.wait": 9, "lock.acquired": 10, "lock.release": 10,
                                  "lock.fail": 0, "sync.signal": 0})
        holds = lock_holds(trace)
        self.assertEqual(len(holds), 10)
        for (a0, a1, _), (b0, b1, _) in zip(holds, holds[1:]):
            self.assertLessEqual(a1, b0, "holds never overlap")
        buyers = {e["child"] for e in trace.kind("thread.start")}
        self.assertEqual({e["tid"] for e in ev}, buyers, "each buyer held it once")
        out, _, code = run_untraced([prog("sync_ticket_race.py"), "--lock"])
        self.assertEqual((sorted(trace.texts().splitlines()), code),
                         (sorted(out.decode().splitlines()), 0))


class FastPathTest(unittest.TestCase):
    def test_uncontended_loop_loses_nothing(self):
        n, rounds = 2000, 3
        trace = run_traced([prog("threads_lock_loop.py"), str(n), str(rounds)])
        self.assertEqual(trace.code, 0, trace.stderr)
        pairs = 2 * (n // 10 + rounds * n)
        bursts = trace.kind("lock.burst")
        singles = len(trace.kind("lock.acquired"))
        self.assertEqual(len(trace.kind("lock.release")), singles)
        self.assertEqual(singles + sum(e["count"] for e in bursts), pairs, "every hold counted")
        self.assertGreater(sum(e["count"] for e in bursts), pairs // 2, "mostly bursts")
        last = 0
        for e in trace.events:
            if e["k"].startswith("lock."):
                self.assertGreaterEqual(e["t"], last, "in order")
                last = e.get("last", e["t"])
        for e in bursts:
            self.assertGreaterEqual(e["count"], 2)
            self.assertTrue(0 < e["held"] <= e["last"] - e["t"], e)
            self.assertEqual((e["kind"], e["tid"]), ("Lock", trace.main_pid()))
        self.assertEqual(len(lock_holds(trace)), singles + len(bursts))
        self.assertIn("ratio", trace.texts())


if __name__ == "__main__":
    unittest.main()
