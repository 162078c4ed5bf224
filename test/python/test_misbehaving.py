"""Programs that misbehave still give a complete trace: fd 1 redirected or closed before
children start (fork, spawn, forkserver), raw os.fork, os._exit in a child and in the main, and a main process
that kills itself with SIGKILL."""

import os
import signal
import subprocess
import sys
import unittest

from tracerun import FIXTURES, TRACER_PATH, Trace, run_traced

PROGRAMS = os.path.join(FIXTURES, "programs")


def prog(name):
    return os.path.join(PROGRAMS, name)


def run_until_main_exits(args, timeout=60):
    """Run traced; once the main process is gone, kill its group (orphans hold stdout)."""
    env = dict(os.environ, PYTHONPATH=TRACER_PATH, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "swimlane_tracer", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        proc.wait(timeout)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    out, err = proc.communicate()
    return Trace(out, err, proc.returncode)


class MisbehavingTest(unittest.TestCase):
    def test_fd_1_redirected_before_fork_and_spawn_children(self):
        trace = run_traced([prog("redirects_stdout.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        texts = trace.texts()
        for line in ("before redirect", "child fork prints", "child spawn prints"):
            self.assertIn(line, texts)
        names = sorted(e["name"] for e in trace.kind("proc.begin"))
        self.assertEqual(names, ["ForkProcess-1", "SpawnProcess-2"])
        self.assertEqual(len(trace.kind("proc.end")), 3, "every process reported its end")
        self.assertNotIn("main done", texts, "prints to the redirected fd 1 went there")

    def test_fd_1_closed_before_children_of_every_start_method(self):
        trace = run_traced([prog("closes_stdout_children.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        for method in ("fork", "spawn", "forkserver"):
            self.assertIn("child by %s prints" % method, trace.texts())
        self.assertEqual(sorted(e["name"] for e in trace.kind("proc.begin")),
                         ["fork", "forkserver", "spawn"])
        self.assertEqual(len(trace.kind("proc.end")), 4)
        self.assertIn("main done", trace.texts("err"))

    def test_all_fds_closed_before_a_spawn_child(self):
        trace = run_traced([prog("closes_all_fds.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        self.assertIn("spawned child prints", trace.texts())
        self.assertEqual(len(trace.kind("proc.begin")), 1)

    def test_raw_os_fork_child_is_a_process_of_the_trace(self):
        trace = run_traced([prog("raw_fork.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        main = trace.main_pid()
        spawn = trace.kind("proc.spawn", main)
        self.assertEqual([e["name"] for e in spawn], ["os.fork"])
        child = spawn[0]["child"]
        self.assertEqual(trace.kind("proc.begin", child)[0]["ppid"], main)
        self.assertEqual([e["code"] for e in trace.kind("proc.end", child)], [3])
        self.assertIn("forked child %d says hi" % child, trace.texts())
        self.assertIn("parent saw exit 3", trace.texts())

    def test_os_exit_reports_the_end_of_child_and_main(self):
        trace = run_traced([prog("os_exit.py")])
        self.assertEqual(trace.code, 5)
        child = trace.kind("proc.spawn")[0]["child"]
        self.assertEqual([e["code"] for e in trace.kind("proc.end", child)], [7])
        self.assertEqual([e["code"] for e in trace.kind("proc.end", trace.main_pid())], [5])

    def test_main_killed_by_sigkill_keeps_what_it_wrote(self):
        trace = run_until_main_exits([prog("kills_itself.py")])
        self.assertEqual(trace.code, -signal.SIGKILL)
        main = trace.main_pid()
        self.assertIn("about to die", trace.texts())
        self.assertEqual(trace.kind("proc.end", main), [], "SIGKILL gives no chance to report")
        self.assertEqual(len(trace.kind("proc.spawn", main)), 1)


if __name__ == "__main__":
    unittest.main()
