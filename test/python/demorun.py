"""Helpers for the demo tests: run a catalogue demo under the tracer, read its prints and holds."""

import os
import unittest

from tracerun import SCENARIOS, TempDir, run_traced

DB = {"db.txt": '{"count": 1}'}
SUCCESS = "购票成功"
PROBE = """
import threading
from multiprocessing import Pool
lock = threading.Lock()
with lock:
    pass
e = threading.Event()
e.set()
t = threading.Thread(target=print)
t.start()
t.join()
if __name__ == '__main__':
    with Pool(1) as pool:
        pool.map(abs, [1])
"""
# What the tracer traces here: thread tracing, threading locks, sync signals and pool tasks are
# being added; a demo's test asserts its lesson from prints always, and from those events
# only once they are traced.
_traced = {}


def traced(capability):
    """Whether the tracer traces `capability`: threads, tlocks, signals or tasks (probed once)."""
    if not _traced:
        with TempDir({"probe.py": PROBE}) as cwd:
            trace = run_traced([os.path.join(cwd, "probe.py")], cwd=cwd, timeout=60)
        _traced["threads"] = bool(trace.kind("thread.begin"))
        _traced["tlocks"] = any(e["kind"] == "Lock" for e in trace.kind("lock.acquired"))
        _traced["signals"] = bool(trace.kind("sync.signal"))
        _traced["tasks"] = bool(trace.kind("task.begin"))
    return _traced[capability]


def demo(script, *args, files=None):
    """Run a demo script under the tracer in a fresh temp dir; returns the Trace."""
    with TempDir(files) as cwd:
        return run_traced([os.path.join(SCENARIOS, script), *map(str, args)], cwd=cwd, timeout=60)


def prints(trace, needle=None):
    """(t, pid, tid, text) of every print, in time order."""
    outs = [(e["t"], e["pid"], e["tid"], e["text"]) for e in trace.kind("out") if e["stream"] == "out"]
    return sorted(o for o in outs if needle is None or needle in o[3])


def print_spans(trace, start, end):
    """(t_start, t_end, tid) per thread, from its first `start` print to its first `end` print."""
    firsts = {}
    for t, _, tid, text in prints(trace):
        for which in (start, end):
            if which in text:
                firsts.setdefault((tid, which), t)
    return [(firsts[(tid, start)], firsts[(tid, end)], tid)
            for (tid, which) in list(firsts) if which == start and (tid, end) in firsts]


def max_overlap(holds):
    """Largest number of holds open at one instant."""
    points = sorted([(a, 1) for a, _, _ in holds] + [(b, -1) for _, b, _ in holds])
    depth = best = 0
    for _, d in points:
        depth += d
        best = max(best, depth)
    return best


class DemoCase(unittest.TestCase):
    """Base of the demo tests."""

    def ok(self, trace):
        self.assertEqual(trace.code, 0, trace.stderr.decode(errors="replace")[-2000:])
        self.assertEqual(trace.output, b"", "no bytes outside frames")
