"""Benchmark workload for the host pipeline rows (bench/rows/host.mjs), run under the tracer.

Emits a realistic mix of events through the tracer's own Emitter (real frame formatting,
buffering and writes): 4 thread lanes (thread.start/begin first), then per thread and round
lock.wait, lock.acquired, lock.release (with a colour per lock), sleep, sleep.end,
queue.put, queue.get and a print. Standard library only.

    python -m swimlane_tracer bench/host_workload.py --events N [--rate R] [--probe-ms P]

--events   how many mix events to emit (0: until killed)
--rate     events per second (0: as fast as possible); paced in 10 ms slices
--cat FILE replace this process by `cat FILE`: a stream recorded from this workload (stdout
           redirected to FILE), for the upper bound without Python formatting
--probe-ms every P ms emit a `mark` whose label is "probe <t>", t being the emit time
           (time.monotonic_ns, the clock of the event's own `t`), for event -> pixel
"""

import argparse
import os
import time

import swimlane_tracer

THREADS = 4
LOCKS = 3


def mix(em, pid):
    """The frames of one round, as (kind, body, tid) with bodies pre-formatted."""
    q = swimlane_tracer.q
    out = []
    for i in range(THREADS):
        tid = pid * 10 + i
        lk = i % LOCKS
        lock = ',"id":%s,"kind":"Lock","label":%s' % (q("%d-%d" % (pid, lk)), q("lock%d" % lk))
        queue = ',"id":%s,"kind":"Queue","label":"jobs"' % q("%d-q" % pid)
        out += [
            ("lock.wait", lock, tid),
            ("lock.acquired", lock + ',"waited":1200', tid),
            ("lock.release", lock, tid),
            ("sleep", ',"secs":0.001', tid),
            ("sleep.end", "", tid),
            ("queue.put", queue + ',"item":"%d-%d","size":1' % (pid, i), tid),
            ("queue.get", queue + ',"item":"%d-%d","size":0,"waited":0' % (pid, i), tid),
            ("out", ',"stream":"out","text":"worker %d did a job\\n"' % i, tid),
        ]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--rate", type=float, default=0)
    ap.add_argument("--probe-ms", type=float, default=0)
    ap.add_argument("--cat", help="replace this process by `cat FILE` (a recorded stream)")
    args = ap.parse_args()
    em = swimlane_tracer._state.emitter
    if em is None:
        raise SystemExit("run me under the tracer: python -m swimlane_tracer " + __file__)
    if args.cat:
        em.enabled = False
        del em.buf[:]  # this process's own hello: the recording has one
        os.execvp("cat", ["cat", args.cat])
    pid = os.getpid()
    q = swimlane_tracer.q
    for i in range(THREADS):
        tid = pid * 10 + i
        name = ',"name":"worker-%d","daemon":false' % i
        em.emit("thread.start", ',"child":%d%s,"target":"work"' % (tid, name))
        em.emit("thread.begin", name, tid=tid)
    frames = mix(em, pid)
    emit = em.emit
    now = time.monotonic_ns
    total = args.events or float("inf")
    slice_n = max(1, int(args.rate / 100)) if args.rate else 4096
    probe_ns = int(args.probe_ms * 1e6)
    next_probe = now() + probe_ns if probe_ns else float("inf")
    t_start = now()
    sent = 0
    while sent < total:
        n = 0
        while n < slice_n:
            for kind, body, tid in frames:
                emit(kind, body, None, tid)
            n += len(frames)
        sent += n
        t = now()
        if t >= next_probe:
            emit("mark", ',"label":%s' % q("probe %d" % t), t)
            next_probe = t + probe_ns
        if args.rate:
            due = t_start + int(sent / args.rate * 1e9)
            if due > t:
                time.sleep((due - t) / 1e9)  # the tracer's sleep: emits sleep/sleep.end
    em.flush()


if __name__ == "__main__":
    main()
