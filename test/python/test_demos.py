"""Every demo of the catalogue, traced for real with small parameters, shows its lesson."""

import os
import signal
import subprocess
import sys
import time
import unittest

from tracerun import SCENARIOS, TRACER_PATH, TempDir, lock_holds, run_traced

DB = {"db.txt": '{"count": 1}'}
SUCCESS = "购票成功"


def demo(script, *args, files=None):
    """Run a demo script under the tracer in a fresh temp dir; returns the Trace."""
    with TempDir(files) as cwd:
        return run_traced([os.path.join(SCENARIOS, script), *map(str, args)], cwd=cwd, timeout=60)


def prints(trace, needle=None):
    """(t, pid, tid, text) of every print, in time order."""
    outs = [(e["t"], e["pid"], e["tid"], e["text"]) for e in trace.kind("out") if e["stream"] == "out"]
    return sorted(o for o in outs if needle is None or needle in o[3])


def max_overlap(holds):
    """Largest number of holds open at one instant."""
    points = sorted([(a, 1) for a, _, _ in holds] + [(b, -1) for _, b, _ in holds])
    depth = best = 0
    for _, d in points:
        depth += d
        best = max(best, depth)
    return best


class DemoTest(unittest.TestCase):
    def ok(self, trace):
        self.assertEqual(trace.code, 0, trace.stderr.decode(errors="replace")[-2000:])
        self.assertEqual(trace.output, b"", "no bytes outside frames")

    # Processes -----------------------------------------------------------------------

    def test_process_function_start_does_not_wait_and_seed_repeats(self):
        trace = demo("process_function.py", "--time-scale", "0.05", "--seed", "7")
        self.ok(trace)
        self.assertEqual(len(trace.kind("proc.begin")), 4)
        main_print = prints(trace, "main thread")[0][0]
        self.assertLess(main_print, prints(trace, "visit end")[0][0])
        again = demo("process_function.py", "--time-scale", "0.05", "--seed", "7")
        secs = lambda t: sorted(e["secs"] for e in t.kind("sleep"))
        self.assertEqual(secs(trace), secs(again), "same seed, same sleeps")

    def test_process_subclass_runs_run_in_each_child(self):
        trace = demo("process_subclass.py", "--time-scale", "0.05")
        self.ok(trace)
        self.assertEqual({e["name"] for e in trace.kind("proc.begin")}, {"alice", "bob", "carol", "dave"})
        self.assertEqual(len(prints(trace, "visit end")), 4)

    def test_daemon_killed_before_its_second_print(self):
        trace = demo("daemon_killed.py")
        self.ok(trace)
        kills = trace.kind("proc.kill")
        self.assertEqual([k["why"] for k in kills], ["daemon"])
        self.assertEqual(prints(trace, "visit end"), [])
        self.assertLessEqual(trace.kind("main.done")[0]["t"], kills[0]["t"])

    def test_daemon_vs_non_daemon(self):
        trace = demo("daemon_vs_nondaemon.py", "--time-scale", "0.2")
        self.ok(trace)
        spawned = {e["name"]: e["child"] for e in trace.kind("proc.spawn")}
        self.assertEqual([k["child"] for k in trace.kind("proc.kill")], [spawned["foo"]])
        self.assertEqual(prints(trace, "end123"), [])
        self.assertEqual([p[1] for p in prints(trace, "end456")], [spawned["bar"]])

    def test_daemon_may_not_start_children(self):
        trace = demo("daemon_child.py", "--time-scale", "0.1")
        self.ok(trace)
        exc = trace.kind("exc")
        self.assertEqual([e["type"] for e in exc], ["AssertionError"])
        self.assertIn("daemonic processes are not allowed to have children", exc[0]["msg"])
        self.assertEqual(prints(trace, "child is running"), [])
        self.assertEqual(len(prints(trace, "exited with code 1")), 1)

    def test_queue_writer_reader(self):
        trace = demo("queue_producer_consumer.py", "--items", "200")
        self.ok(trace)
        puts, gets = trace.kind("queue.put"), trace.kind("queue.get")
        self.assertEqual(len(puts), 201, "200 numbers and the final None")
        self.assertEqual({e["item"] for e in puts}, {e["item"] for e in gets})
        self.assertEqual({e["label"] for e in puts}, {"q"})
        reads = [p[3].split()[0] for p in prints(trace, "read")]
        self.assertEqual(reads, [str(i) for i in range(200)])

    def test_queue_endless_runs_until_stopped(self):
        env = dict(os.environ, PYTHONPATH=TRACER_PATH)
        with TempDir() as cwd:
            script = os.path.join(SCENARIOS, "queue_producer_consumer.py")
            proc = subprocess.Popen([sys.executable, "-m", "swimlane_tracer", script, "--endless"],
                                    cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                time.sleep(1.5)
                self.assertIsNone(proc.poll(), "--endless keeps running")
            finally:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def test_print_without_lock_runs_all_at_once(self):
        trace = demo("print_without_lock.py", "--time-scale", "0.1")
        self.ok(trace)
        running = prints(trace, "is running")
        done = prints(trace, "is done")
        self.assertEqual((len(running), len(done)), (3, 3))
        self.assertLess(running[-1][0], done[0][0], "all start before any is done")
        self.assertEqual(trace.kind("lock.acquired"), [])

    def test_print_with_lock_is_serial(self):
        trace = demo("print_with_lock.py", "--time-scale", "0.1")
        self.ok(trace)
        holds = lock_holds(trace)
        self.assertEqual(len(holds), 3)
        self.assertEqual(max_overlap(holds), 1, "holds never overlap")
        for t0, t1, pid in holds:
            mine = [p for p in prints(trace) if p[1] == pid]
            self.assertEqual(len(mine), 2)
            self.assertTrue(all(t0 <= p[0] <= t1 for p in mine), "prints inside the hold")

    def test_ticket_race_without_lock_oversells(self):
        trace = demo("ticket_without_lock.py", "--clients", "20", files=DB)
        self.ok(trace)
        self.assertGreater(len(prints(trace, SUCCESS)), 1, "one ticket sold more than once")
        self.assertEqual(trace.kind("lock.acquired"), [])

    # Threads -------------------------------------------------------------------------

    def test_thread_start_two_ways_in_one_process(self):
        trace = demo("thread_start.py", "--time-scale", "0.05")
        self.ok(trace)
        self.assertEqual(len(trace.kind("hello")), 1, "threads live in the main process")
        self.assertEqual({e["name"] for e in trace.kind("thread.begin")}, {"alice", "bob"})
        self.assertEqual(len(prints(trace, "visit end")), 2)

    def test_thread_daemon_lives_until_the_non_daemon_ends(self):
        trace = demo("thread_daemon.py", "--time-scale", "0.1")
        self.ok(trace)
        self.assertEqual(len(prints(trace, "end123")), 1, "not killed at the main code's end")
        self.assertFalse(any(e.get("abandoned") for e in trace.kind("thread.end")))

    def test_thread_daemon_slower_than_the_rest_is_abandoned(self):
        trace = demo("thread_daemon.py", "--time-scale", "0.1", "--daemon-secs", "5")
        self.ok(trace)
        self.assertEqual(prints(trace, "end123"), [])
        abandoned = [e["name"] for e in trace.kind("thread.end") if e.get("abandoned")]
        self.assertEqual(abandoned, ["foo"])

    def test_thread_lock_serialises_the_decrements(self):
        trace = demo("thread_lock.py", "--threads", "10", "--time-scale", "0.1")
        self.ok(trace)
        holds = lock_holds(trace)
        self.assertEqual(len(holds), 10)
        self.assertEqual(max_overlap(holds), 1)
        self.assertEqual(prints(trace, "n =")[0][3].strip(), "n = 0")

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
        self.assertEqual(len(prints(trace, "holds both locks")), 1)

    def test_cpu_threads_vs_processes_marks_both_durations(self):
        trace = demo("cpu_threads_vs_processes.py", "--workers", "2", "--count", "200000")
        self.ok(trace)
        labels = [e["label"] for e in trace.kind("mark")]
        self.assertTrue(labels[0].startswith("threads took "), labels)
        self.assertTrue(labels[1].startswith("processes took "), labels)
        self.assertEqual(len(trace.kind("thread.begin")), 2)
        self.assertEqual(len(trace.kind("proc.begin")), 2)

    def test_pool_map_spreads_tasks_over_few_workers(self):
        trace = demo("pool_map.py", "--tasks", "8", "--processes", "3", "--time-scale", "0.1")
        self.ok(trace)
        tasks = trace.kind("task.begin")
        self.assertEqual(len(tasks), 8)
        self.assertLessEqual(len({e["pid"] for e in tasks}), 3)
        self.assertIn("results: [0, 1, 4, 9, 16, 25, 36, 49]", trace.texts())

    def test_semaphore_limits_concurrency(self):
        trace = demo("semaphore_limit.py", "--workers", "6", "--limit", "2", "--time-scale", "0.1")
        self.ok(trace)
        holds = lock_holds(trace)
        self.assertEqual(len(holds), 6)
        self.assertEqual(max_overlap(holds), 2)
        self.assertGreater(len(trace.kind("lock.wait")), 0)

    def test_event_then_condition(self):
        trace = demo("event_condition.py", "--time-scale", "0.1")
        self.ok(trace)
        ops = [(e["kind"], e["op"]) for e in sorted(trace.kind("sync.signal"), key=lambda e: e["t"])]
        self.assertEqual(ops[0], ("Event", "set"))
        self.assertEqual(ops.count(("Condition", "notify")), 3)
        t_set = sorted(trace.kind("sync.signal"), key=lambda e: e["t"])[0]["t"]
        self.assertTrue(all(p[0] > t_set for p in prints(trace, " runs")))
        self.assertEqual(len(prints(trace, "took item")), 3)

    def test_barrier_releases_all_after_the_last_arrival(self):
        trace = demo("barrier.py", "--parties", "3", "--time-scale", "0.1")
        self.ok(trace)
        last_arrival = prints(trace, "arrives")[-1][0]
        self.assertTrue(all(p[0] > last_arrival for p in prints(trace, "goes on")))
        self.assertEqual([e["kind"] for e in trace.kind("lock.acquired")], ["Barrier"] * 3)


if __name__ == "__main__":
    unittest.main()
