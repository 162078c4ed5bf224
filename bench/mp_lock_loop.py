"""Benchmark program: a tight multiprocessing.Lock acquire + release loop.

Run plain (untraced) and under `python -m swimlane_tracer` (traced) by scripts/bench.mjs.
The loop is timed inside the program with perf_counter, so interpreter start-up and the
tracer's import are excluded. It runs ROUNDS timed loops of N iterations and writes the
nanoseconds per iteration of each loop (wall, and CPU time of the process, which machine
load hardly changes) to OUT as JSON (never to stdout or stderr: under
the tracer those become trace events). Standard library only.

usage: python3 bench/mp_lock_loop.py N ROUNDS OUT
"""

import json
import sys
import time
from multiprocessing import Lock


def loop(lock, n):
    """(wall ns, CPU ns of the whole process: the tracer's writer thread too) per iteration."""
    acquire = lock.acquire
    release = lock.release
    c0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    for _ in range(n):
        acquire()
        release()
    t1 = time.perf_counter_ns()
    return (t1 - t0) / n, (time.process_time_ns() - c0) / n


if __name__ == "__main__":
    n, rounds, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    lock = Lock()
    loop(lock, max(n // 10, 1))  # warm-up
    per_iter = [loop(lock, n) for _ in range(rounds)]
    with open(out, "w") as f:
        json.dump({"n": n, "ns_per_iter": [w for w, _ in per_iter],
                   "cpu_ns_per_iter": [c for _, c in per_iter]}, f)
