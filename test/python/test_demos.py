"""The tutorial's process demos, traced for real with small parameters, show their lessons."""

import os
import signal
import subprocess
import sys
import time
import unittest

from demorun import DB, SUCCESS, DemoCase, demo, max_overlap, prints
from tracerun import SCENARIOS, TRACER_PATH, TempDir, lock_holds


class ProcessDemoTest(DemoCase):
    # Processes -----------------------------------------------------------------------

    def test_process_function_start_does_not_wait_and_seed_repeats(self):
        trace = demo("process_function.py", "--time-scale", "0.3", "--seed", "7")
        self.ok(trace)
        self.assertEqual(len(trace.kind("proc.begin")), 4)
        main_print = prints(trace, "main thread")[0][0]
        self.assertLess(main_print, prints(trace, "visit end")[0][0])
        again = demo("process_function.py", "--time-scale", "0.3", "--seed", "7")
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


if __name__ == "__main__":
    unittest.main()
