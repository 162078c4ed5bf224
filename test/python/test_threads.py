"""Thread facts on real traced processes: thread.start/begin/end per thread, daemon threads
abandoned at exit, exceptions escaping run(), ThreadPoolExecutor tasks; and transparency
(output text, stderr and exit codes equal to untraced runs)."""

import os
import re
import unittest

from tracerun import FIXTURES, run_traced, run_untraced

PROGRAMS = os.path.join(FIXTURES, "programs")


def prog(name):
    return os.path.join(PROGRAMS, name)


def main_tid(trace):
    return next(e["tid"] for e in trace.events if e["k"] == "hello" and e["main"])


def of_tid(trace, tid, kinds=None):
    """Events of one thread, in stream order (optionally only some kinds)."""
    return [e for e in trace.events if e["tid"] == tid and (kinds is None or e["k"] in kinds)]


class LifecycleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.trace = run_traced([prog("threads_lifecycle.py")])

    def test_start_begin_end_per_thread(self):
        trace, main = self.trace, main_tid(self.trace)
        self.assertEqual(trace.code, 0, trace.stderr)
        starts = {e["name"]: e for e in trace.kind("thread.start")}
        self.assertEqual(sorted(starts), ["greeter", "sub"])
        self.assertEqual(starts["greeter"]["target"], "greet")
        self.assertEqual(starts["sub"]["target"], "Worker.run")
        for name, start in starts.items():
            self.assertEqual(start["tid"], main, "thread.start is emitted by the starter")
            self.assertFalse(start["daemon"])
            child = start["child"]
            self.assertNotEqual(child, main)
            life = of_tid(trace, child, ("thread.begin", "thread.end"))
            self.assertEqual([(e["k"], e["name"]) for e in life],
                             [("thread.begin", name), ("thread.end", name)])
            self.assertFalse(life[0]["daemon"])
            self.assertNotIn("abandoned", life[1])
            self.assertLessEqual(start["t"], life[0]["t"], "start is stamped at start()")
            self.assertLess(life[0]["t"], life[1]["t"])
        greeter_end = of_tid(trace, starts["greeter"]["child"], ("thread.end",))[0]
        self.assertLess(greeter_end["t"], starts["sub"]["t"], "greeter was joined first")

    def test_prints_are_on_their_threads(self):
        trace = self.trace
        child = {e["name"]: e["child"] for e in trace.kind("thread.start")}
        texts = {e["text"]: e["tid"] for e in trace.kind("out")}
        self.assertEqual(texts["greet 1 greeter\n"], child["greeter"])
        self.assertEqual(texts["worker sub daemon False\n"], child["sub"])
        tids = {e["tid"] for e in trace.events}
        self.assertEqual(tids, {main_tid(trace)} | set(child.values()), "no thread added")

    def test_transparent(self):
        out, err, code = run_untraced([prog("threads_lifecycle.py")])
        self.assertEqual((self.trace.texts(), self.trace.texts("err"), self.trace.code),
                         (out.decode(), err.decode(), code))
        self.assertIn("enumerate ['MainThread']", out.decode())


class DaemonTest(unittest.TestCase):
    def test_daemon_thread_abandoned_at_exit(self):
        trace = run_traced([prog("threads_daemon.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        main = main_tid(trace)
        child = {e["name"]: e["child"] for e in trace.kind("thread.start")}
        self.assertTrue(next(e for e in trace.kind("thread.start")
                             if e["name"] == "forever")["daemon"])
        forever_end = [e for e in trace.kind("thread.end") if e["tid"] == child["forever"]]
        self.assertEqual(len(forever_end), 1)
        self.assertEqual((forever_end[0]["name"], forever_end[0].get("abandoned")),
                         ("forever", True))
        short_end = [e for e in trace.kind("thread.end") if e["tid"] == child["short"]]
        self.assertEqual(len(short_end), 1)
        self.assertNotIn("abandoned", short_end[0])
        done = trace.kind("main.done")[0]["t"]
        proc_end = trace.kind("proc.end")[0]
        self.assertEqual(proc_end["tid"], main)
        # Reported at exit: after the main code and the non-daemon thread ended, before
        # the process's end, and after the events the daemon itself emitted meanwhile.
        self.assertLess(done, forever_end[0]["t"])
        self.assertLess(short_end[0]["t"], forever_end[0]["t"])
        self.assertLessEqual(forever_end[0]["t"], proc_end["t"])
        events = trace.events
        self.assertLess(events.index(forever_end[0]), events.index(proc_end))
        slept = [e for e in trace.kind("sleep") if e["tid"] == child["forever"]]
        self.assertGreaterEqual(len(slept), 2, "the daemon ran meanwhile")
        out, err, code = run_untraced([prog("threads_daemon.py")])
        self.assertEqual((trace.texts(), trace.texts("err"), trace.code),
                         (out.decode(), err.decode(), code))
        self.assertEqual(out.decode(), "main done\nshort done\n")


class DaemonInChildTest(unittest.TestCase):
    def check(self, method):
        trace = run_traced([prog("threads_daemon_in_child.py"), method])
        self.assertEqual(trace.code, 0, trace.stderr)
        child = trace.kind("proc.begin")[0]["pid"]
        start = trace.kind("thread.start", child)
        self.assertEqual([(e["name"], e["daemon"], e["tid"]) for e in start],
                         [("spinner", True, child)])
        ends = trace.kind("thread.end")
        self.assertEqual([(e["pid"], e["tid"], e.get("abandoned")) for e in ends],
                         [(child, start[0]["child"], True)], "abandoned at the child's end")
        proc_end = trace.kind("proc.end", child)[0]
        self.assertLessEqual(ends[0]["t"], proc_end["t"])
        self.assertLess(trace.events.index(ends[0]), trace.events.index(proc_end))
        self.assertEqual(trace.texts(), "child work done\nchild exit 0\n")

    def test_fork(self):
        self.check("fork")

    def test_spawn(self):
        self.check("spawn")

    def test_forkserver(self):
        self.check("forkserver")


class ExceptionTest(unittest.TestCase):
    def test_exception_in_thread(self):
        trace = run_traced([prog("threads_exception.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        child = {e["name"]: e["child"] for e in trace.kind("thread.start")}
        excs = trace.kind("exc")
        self.assertEqual([e["tid"] for e in excs], [child["boomer"], child["boomer2"]])
        for e in excs:
            self.assertEqual((e["type"], e["msg"]), ("ValueError", "bad thread"))
            self.assertTrue(e["src"][0].endswith("threads_exception.py"))
            self.assertTrue(e["tb"][-1].endswith(" in boom"), e["tb"])
        for name in ("boomer", "boomer2", "quitter"):
            life = of_tid(trace, child[name], ("thread.begin", "exc", "thread.end"))
            expect = ["thread.begin", "exc", "thread.end"] if name != "quitter" else \
                ["thread.begin", "thread.end"]  # SystemExit in a thread is silent
            self.assertEqual([e["k"] for e in life], expect, name)
        out, err, code = run_untraced([prog("threads_exception.py")])
        self.assertEqual((trace.texts(), trace.texts("err"), trace.code),
                         (out.decode(), err.decode(), code))
        self.assertIn("Exception in thread boomer:", err.decode())
        self.assertIn("hook saw [('ValueError', 'boomer2'), ('SystemExit', 'quitter')]",
                      out.decode())


class ThreadPoolTest(unittest.TestCase):
    def test_tasks_on_pool_threads(self):
        trace = run_traced([prog("threads_pool.py")])
        self.assertEqual(trace.code, 0, trace.stderr)
        pid = trace.main_pid()
        names = {e["child"]: e["name"] for e in trace.kind("thread.start")}
        begins, ends = trace.kind("task.begin"), trace.kind("task.end")
        self.assertEqual(len(begins), 8)
        self.assertEqual(sorted(e["func"] for e in begins), ["abs"] * 3 + ["square"] * 5)
        ids = [e["task"] for e in begins]
        self.assertEqual(len(set(ids)), 8)
        for task in ids:
            self.assertRegex(task, r"^%d-t\d+$" % pid)
        for b in begins:
            end = [e for e in ends if e["task"] == b["task"]]
            self.assertEqual(len(end), 1)
            self.assertEqual(end[0]["tid"], b["tid"], "a task ends on its thread")
            self.assertLessEqual(b["t"], end[0]["t"])
            name = names[b["tid"]]
            expect = r"^pool_\d$" if b["func"] == "square" else r"^ThreadPoolExecutor-\d+_\d$"
            self.assertTrue(re.match(expect, name), name)
        failed = [e for e in ends if not e["ok"]]
        self.assertEqual(len(failed), 1)
        self.assertEqual(next(b["func"] for b in begins if b["task"] == failed[0]["task"]),
                         "square")
        out, err, code = run_untraced([prog("threads_pool.py")])
        self.assertEqual((trace.texts(), trace.texts("err"), trace.code),
                         (out.decode(), err.decode(), code))
        self.assertIn("raised KeyError(3)", out.decode())


if __name__ == "__main__":
    unittest.main()
