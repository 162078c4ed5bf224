"""Helpers for the synchronisation tests (test_sync.py, test_sync_mp.py): the sync events of a
trace, one thread's steps, and the fixture programs they run."""

import os

from tracerun import FIXTURES

PROGRAMS = os.path.join(FIXTURES, "programs")
SYNC = ("lock.wait", "lock.acquired", "lock.release", "lock.fail", "sync.signal")


def prog(name):
    return os.path.join(PROGRAMS, name)


def sync_events(trace, label=None):
    return [e for e in trace.events if e["k"] in SYNC and (label is None or e["label"] == label)]


def steps(events, tid):
    """(kind, op) of one thread's events, in stream order."""
    return [(e["k"], e.get("op")) for e in events if e["tid"] == tid]


W, A, R, F = ("lock.wait", None), ("lock.acquired", None), ("lock.release", None), \
    ("lock.fail", None)


def signal(op):
    return ("sync.signal", op)
