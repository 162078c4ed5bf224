"""The tutorial's nine programs, unchanged (quotes straightened), traced vs untraced.

Transparency: same exit code and the same output text, order aside (pids and the ticket
race's outcome vary between any two runs, so those are compared after normalising).
Lessons: each program's point shows in its events.
"""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import unittest

from tracerun import FIXTURES, TRACER_PATH, TempDir, Trace, lock_holds, run_traced, run_untraced

TUTORIAL = os.path.join(FIXTURES, "tutorial")
DB = '{"count":1}'


def both(name, files=None):
    """Run a tutorial program traced and untraced at the same time, each in a fresh dir."""
    path = os.path.join(TUTORIAL, name)
    result = {}

    def go(key, fn):
        with TempDir(files or {}) as cwd:
            result[key] = fn([path], cwd=cwd, timeout=120, env={"PYTHONUNBUFFERED": "1"})

    threads = [threading.Thread(target=go, args=("traced", run_traced)),
               threading.Thread(target=go, args=("plain", run_untraced))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result["traced"], result["plain"]


def lines(text, normalise=False):
    """Sorted lines of text, digits optionally normalised (pids differ between runs)."""
    if normalise:
        text = re.sub(r"\d+", "N", text)
    return sorted(line for line in text.splitlines() if line)


def leftover(pieces, text):
    """Remove each traced print from the untraced text once; what remains besides newlines
    was printed untraced but not traced. Untraced prints from processes at once can tear
    lines ("打印错乱"), so the pieces are matched as substrings, longest first."""
    for piece in sorted(pieces, key=len, reverse=True):
        if piece not in text:
            return "missing: %r" % piece
        text = text.replace(piece, "", 1)
    return text.replace("\n", "")


class TutorialTest(unittest.TestCase):
    def same(self, name, normalise=False, files=None):
        """Traced and untraced print the same pieces (order aside) and exit alike.

        Prints of daemons killed at the main code's end are left out: whether a daemon gets
        to print before it is killed is a race in any two runs (the tutorial: 可能会有)."""
        trace, (out, err, code) = both(name, files)
        self.assertEqual(trace.code, code, trace.stderr)
        self.assertEqual(trace.output, b"", "every byte came as an event")
        killed = {e["child"] for e in trace.kind("proc.kill")}
        pieces = [e["text"].rstrip("\n") for e in trace.kind("out")
                  if e["stream"] == "out" and e["pid"] not in killed]
        untraced = out.decode()
        for e in trace.kind("out"):
            if e["pid"] in killed:
                untraced = untraced.replace(e["text"].rstrip("\n"), "", 1)
        if normalise:
            pieces = [re.sub(r"\d+", "N", p) for p in pieces]
            untraced = re.sub(r"\d+", "N", untraced)
        rest = leftover(pieces, untraced)
        if killed:  # the untraced daemon may have printed what the traced one did not
            rest = re.sub(r"\d+|[a-zA-Z -]+", "", rest)
        self.assertEqual(rest, "", "same printed text, order aside")
        self.assertEqual(trace.texts("err"), err.decode())
        return trace

    def test_start_with_function(self):
        trace = self.same("start_with_function.py")
        self.assertEqual(sorted(e["target"] for e in trace.kind("proc.spawn")), ["piao"] * 4)
        self.assertEqual(len(trace.kind("proc.end")), 5)

    def test_start_with_subclass(self):
        trace = self.same("start_with_subclass.py")
        names = sorted(e["name"] for e in trace.kind("proc.begin"))
        self.assertEqual(names, ["alex", "egon", "wupeiqi", "yuanhao"])
        self.assertEqual({e["target"] for e in trace.kind("proc.spawn")}, {"Piao.run"})

    def test_daemon_subclass(self):
        trace = self.same("daemon_subclass.py", normalise=True)
        kill = trace.kind("proc.kill")
        self.assertEqual([(e["why"], e["sig"]) for e in kill], [("daemon", 15)])
        self.assertNotIn("piao end", trace.texts())

    def test_daemon_main_done(self):
        trace = self.same("daemon_main_done.py")
        self.assertEqual([e["why"] for e in trace.kind("proc.kill")], ["daemon"])
        self.assertNotIn("end123", trace.texts())

    def test_print_without_lock(self):
        trace = self.same("print_without_lock.py", normalise=True)
        sleeps = sorted((e["t"], e["pid"]) for e in trace.kind("sleep"))
        ends = {e["pid"]: e["t"] for e in trace.kind("sleep.end")}
        self.assertEqual(len(sleeps), 3)
        # All three sleep at once: concurrent.
        self.assertLess(sleeps[-1][0], ends[sleeps[0][1]])

    def test_print_with_lock(self):
        trace = self.same("print_with_lock.py", normalise=True)
        holds = lock_holds(trace)
        self.assertEqual(len(holds), 3)
        for a, b in zip(holds, holds[1:]):
            self.assertLessEqual(a[1], b[0], "serial: holds never overlap")
        # In time order (frames of different processes arrive in any order), each worker's
        # two prints are adjacent: the lock made them serial.
        text = "".join(e["text"] for e in sorted(trace.kind("out"), key=lambda e: e["t"]))
        for pid in {e["pid"] for e in trace.kind("proc.begin")}:
            self.assertIn("%d is running\n%d is done" % (pid, pid), text)

    def test_ticket_without_lock_oversells(self):
        trace, (out, _, code) = both("ticket_without_lock.py", {"db.txt": DB})
        self.assertEqual(trace.code, code)
        # Who sees which count is a race in any run: both print only the program's messages.
        allowed = {"\x1b[43m%s\x1b[0m" % m for m in ("剩余票数1", "剩余票数0", "购票成功")}
        self.assertLessEqual(set(lines(trace.texts())), allowed)
        self.assertLessEqual(set(re.findall(r"\x1b\[43m.*?\x1b\[0m", out.decode())), allowed)
        # A client can also crash reading db.txt while another rewrites it (empty file:
        # JSONDecodeError) — part of the same race; every client either printed or raised.
        crashed = {e["pid"] for e in trace.kind("exc") if e["type"] == "JSONDecodeError"}
        printed = {e["pid"] for e in trace.kind("out") if "剩余票数" in e["text"]}
        self.assertEqual(printed | crashed, {e["pid"] for e in trace.kind("proc.begin")})
        sold = trace.texts().count("购票成功")
        self.assertGreater(sold, 1, "without a lock, more tickets are sold than exist")
        # The lost update: every buyer read count 1 and wrote count 0, none saw another's write.
        writes = trace.kind("io.write")
        self.assertEqual(len(writes), sold)
        for w in writes:
            self.assertIn('"count": 0', w["preview"])
            reads = [r["preview"] for r in trace.kind("io.read", w["pid"])]
            self.assertEqual(reads[-1], '{"count": 1}', "the buyer's get() read a stale count")
        self.assertEqual(len(trace.kind("proc.begin")), 100)

    def test_queue_endless_streams_until_stopped(self):
        path = os.path.join(TUTORIAL, "queue_endless.py")
        env = dict(os.environ, PYTHONPATH=TRACER_PATH, PYTHONIOENCODING="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "swimlane_tracer", path], env=env,
                                stdout=subprocess.PIPE, start_new_session=True)
        chunks = []
        reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()))
        reader.start()
        time.sleep(3)
        os.killpg(proc.pid, signal.SIGTERM)
        time.sleep(0.5)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        reader.join(10)
        proc.wait(10)
        raw = b"".join(chunks)
        # Frames may be cut at the kill; keep whole ones.
        raw = raw[: raw.rfind(b"\n") + 1]
        trace = Trace(raw, b"", proc.returncode)
        self.assertEqual(len(trace.kind("proc.begin")), 2)
        self.assertGreater(trace.texts().count(" read\n"), 100, "the reader got items live")
        self.assertGreater(trace.texts().count("<multiprocessing.queues.Queue"), 100)


if __name__ == "__main__":
    unittest.main()
