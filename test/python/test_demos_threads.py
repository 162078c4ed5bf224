"""The threads chapter's demos and those beyond the tutorial, traced for real, show their lessons.

Thread tracing, threading locks, sync signals and pool tasks are being added to the tracer:
each test asserts its lesson from the prints always, and from those events once traced.
"""

import unittest

from demorun import DB, SUCCESS, DemoCase, demo, max_overlap, print_spans, prints, traced
from tracerun import lock_holds


class ThreadDemoTest(DemoCase):
    # Threads -------------------------------------------------------------------------

    def test_thread_start_two_ways_in_one_process(self):
        trace = demo("thread_start.py", "--time-scale", "0.05")
        self.ok(trace)
        self.assertEqual(len(trace.kind("hello")), 1, "threads live in the main process")
        ends = prints(trace, "visit end")
        self.assertEqual(len(ends), 2)
        self.assertEqual(len({p[2] for p in ends}), 2, "printed by two threads")
        if traced("threads"):
            self.assertEqual({e["name"] for e in trace.kind("thread.begin")}, {"alice", "bob"})

    def test_thread_daemon_lives_until_the_non_daemon_ends(self):
        trace = demo("thread_daemon.py", "--time-scale", "0.1")
        self.ok(trace)
        self.assertEqual(len(prints(trace, "end123")), 1, "not killed at the main code's end")
        self.assertLess(trace.kind("main.done")[0]["t"], prints(trace, "end123")[0][0])
        self.assertFalse(any(e.get("abandoned") for e in trace.kind("thread.end")))

    def test_thread_daemon_slower_than_the_rest_is_abandoned(self):
        trace = demo("thread_daemon.py", "--time-scale", "0.1", "--daemon-secs", "5")
        self.ok(trace)
        self.assertEqual(prints(trace, "end123"), [])
        self.assertEqual(len(prints(trace, "end456")), 1)
        if traced("threads"):
            abandoned = [e["name"] for e in trace.kind("thread.end") if e.get("abandoned")]
            self.assertEqual(abandoned, ["foo"])

    def test_thread_lock_serialises_the_decrements(self):
        trace = demo("thread_lock.py", "--threads", "10", "--time-scale", "0.1")
        self.ok(trace)
        self.assertEqual(prints(trace, "n =")[0][3].strip(), "n = 0")
        if traced("tlocks"):
            holds = lock_holds(trace)
            self.assertEqual(len(holds), 10)
            self.assertEqual(max_overlap(holds), 1)

    def test_thread_queue_blocks_when_full_or_empty(self):
        trace = demo("thread_queue.py", "--items", "50", "--maxsize", "2")
        self.ok(trace)
        self.assertEqual(len(trace.kind("queue.put")), 51)
        self.assertEqual(len(trace.kind("queue.get")), 51)
        self.assertEqual({e["kind"] for e in trace.kind("queue.put")}, {"queue.Queue"})
        self.assertGreater(len(trace.kind("queue.block")), 0)
        self.assertLessEqual(max(e.get("size", 0) for e in trace.kind("queue.put")), 2)

    def test_thread_ticket_race_oversells(self):
        trace = demo("thread_ticket_race.py", "--clients", "20", files=DB)
        self.ok(trace)
        self.assertGreater(len(prints(trace, SUCCESS)), 1)

    # Beyond --------------------------------------------------------------------------

    def test_deadlock_cycle_ends_by_timeout(self):
        trace = demo("deadlock.py", "--timeout", "0.5", "--time-scale", "0.2")
        self.ok(trace)
        self.assertEqual(len(prints(trace, "worker-1 gave up on lock_b")), 1)
        self.assertEqual(len(prints(trace, "worker-2 holds both locks")), 1)
        if not traced("tlocks"):
            return
        fails = trace.kind("lock.fail")
        self.assertEqual([e["label"] for e in fails], ["lock_b"])
        waits = {(e["tid"], e["label"]) for e in trace.kind("lock.wait")}
        self.assertEqual({w[1] for w in waits}, {"lock_a", "lock_b"}, "each waits for the other's")
        # At the failure, worker-1 held lock_a and worker-2 held lock_b: the cycle.
        t_fail = fails[0]["t"]
        held = {(e["tid"], e["label"]) for e in trace.kind("lock.acquired") if e["t"] < t_fail}
        self.assertEqual(len(held), 2)
        self.assertEqual({tid for tid, _ in held}, {tid for tid, _ in waits})
        self.assertEqual({label for _, label in held}, {"lock_a", "lock_b"})

    def test_cpu_threads_vs_processes_marks_both_durations(self):
        trace = demo("cpu_threads_vs_processes.py", "--workers", "2", "--count", "200000")
        self.ok(trace)
        labels = [e["label"] for e in trace.kind("mark")]
        self.assertTrue(labels[0].startswith("threads took "), labels)
        self.assertTrue(labels[1].startswith("processes took "), labels)
        self.assertEqual(len(trace.kind("proc.begin")), 2)
        if traced("threads"):
            self.assertEqual(len(trace.kind("thread.begin")), 2)

    def test_pool_map_spreads_tasks_over_few_workers(self):
        trace = demo("pool_map.py", "--tasks", "8", "--processes", "3", "--time-scale", "0.1")
        self.ok(trace)
        self.assertIn("results: [0, 1, 4, 9, 16, 25, 36, 49]", trace.texts())
        self.assertLessEqual(len({p[1] for p in prints(trace, "squares")}), 3, "at most 3 workers")
        if traced("tasks"):
            self.assertEqual(len(trace.kind("task.begin")), 8)

    def test_semaphore_limits_concurrency(self):
        trace = demo("semaphore_limit.py", "--workers", "6", "--limit", "2", "--time-scale", "0.1")
        self.ok(trace)
        inside = print_spans(trace, "is in", "leaves")
        self.assertEqual(len(inside), 6)
        self.assertEqual(max_overlap(inside), 2, "never more than 2 inside at once")
        if traced("tlocks"):
            holds = lock_holds(trace)
            self.assertEqual(len(holds), 6)
            self.assertEqual(max_overlap(holds), 2)
            self.assertGreater(len(trace.kind("lock.wait")), 0)

    def test_event_then_condition(self):
        trace = demo("event_condition.py", "--time-scale", "0.1")
        self.ok(trace)
        t_set = prints(trace, "main sets the start signal")[0][0]
        self.assertEqual(len(prints(trace, " runs")), 3)
        self.assertTrue(all(p[0] > t_set for p in prints(trace, " runs")))
        made, took = prints(trace, "made item"), prints(trace, "took item")
        self.assertEqual(len(took), 3)
        self.assertTrue(all(m[0] < t[0] for m, t in zip(made, took)), "taken after made")
        if traced("signals"):
            signals = sorted(trace.kind("sync.signal"), key=lambda e: e["t"])
            ops = [(e["kind"], e["op"]) for e in signals]
            self.assertEqual(ops[0], ("Event", "set"))
            self.assertEqual(ops.count(("Condition", "notify")), 3)

    def test_barrier_releases_all_after_the_last_arrival(self):
        trace = demo("barrier.py", "--parties", "3", "--time-scale", "0.1")
        self.ok(trace)
        last_arrival = prints(trace, "arrives")[-1][0]
        self.assertEqual(len(prints(trace, "goes on")), 3)
        self.assertTrue(all(p[0] > last_arrival for p in prints(trace, "goes on")))
        if traced("tlocks"):
            self.assertEqual([e["kind"] for e in trace.kind("lock.acquired")], ["Barrier"] * 3)


if __name__ == "__main__":
    unittest.main()
