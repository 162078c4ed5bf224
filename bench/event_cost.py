"""Benchmark: the tracer's cost per event against a bare os.write of the same bytes.

Measured in ONE process, on fd 1, which the caller (scripts/bench.mjs) makes a pipe that
it drains and discards, as the extension host does. Rounds interleave:
  bare: os.write(fd, frame) once per event, `frame` being a real lock.acquired frame as
        the tracer formats it;
  ours: the tracer's own Emitter.emit("lock.acquired", body) per event, flushes included
        (it batches frames into writes of at most 4096 bytes).
The same pair is measured on /dev/null for comparison. Per-round ratio = ours / bare;
the result is the median ratio. Standard library only.

usage: python3 bench/event_cost.py --events N --rounds R --json OUT
"""

import argparse
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src", "python"))

from swimlane_tracer._emit import Emitter, q  # noqa: E402


def lock_body():
    """The members _sync_patch adds to an uncontended lock.acquired event."""
    return ',"id":%s,"kind":"Lock","label":%s,"waited":0' % (q("%d-1" % os.getpid()), q("lock"))


def real_frame(body):
    """One lock.acquired frame exactly as the tracer writes it (captured from a pipe)."""
    r, w = os.pipe()
    try:
        em = Emitter(w)
        em.emit("lock.acquired", body)
        em.flush()
        em.enabled = False  # its background flusher exits on its next wake-up
        return os.read(r, 65536)
    finally:
        os.close(r)
        os.close(w)


def bare(fd, frame, n):
    write = os.write
    t0 = time.perf_counter_ns()
    for _ in range(n):
        write(fd, frame)
    return time.perf_counter_ns() - t0


def ours(em, body, n):
    emit = em.emit
    t0 = time.perf_counter_ns()
    for _ in range(n):
        emit("lock.acquired", body)
    em.flush()
    return time.perf_counter_ns() - t0


def measure(fd, em, frame, body, n, rounds):
    """Interleaved rounds (ABBA order); returns (median ratio, median bare ns, median ours ns)."""
    bare(fd, frame, n // 10 or 1)  # warm-up
    ours(em, body, n // 10 or 1)
    ratios, b_ns, o_ns = [], [], []
    for i in range(rounds):
        if i % 2 == 0:
            b, o = bare(fd, frame, n), ours(em, body, n)
        else:
            o, b = ours(em, body, n), bare(fd, frame, n)
        ratios.append(o / b)
        b_ns.append(b / n)
        o_ns.append(o / n)
    return statistics.median(ratios), statistics.median(b_ns), statistics.median(o_ns)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=200000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", required=True)
    args = ap.parse_args()

    body = lock_body()
    frame = real_frame(body)
    pipe_fd = os.dup(1)  # the caller's drained pipe
    null_fd = os.open(os.devnull, os.O_WRONLY)
    result = {"frame_bytes": len(frame), "events": args.events, "rounds": args.rounds}
    try:
        for name, fd in (("pipe", pipe_fd), ("devnull", null_fd)):
            em = Emitter(fd)
            ratio, b, o = measure(fd, em, frame, body, args.events, args.rounds)
            em.enabled = False
            result[name] = {"ratio": ratio, "bare_ns": b, "ours_ns": o}
    finally:
        os.close(null_fd)
    with open(args.json, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
