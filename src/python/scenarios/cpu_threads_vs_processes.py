"""CPU-bound work on threads vs processes (beyond the tutorial): the GIL.

The same pure-Python counting loop runs `--workers` times, first on threads, then on
processes. Threads take turns holding the GIL, so they are no faster than one worker
after another; processes each have their own interpreter and run in parallel on
several cores. The main code prints and marks both durations and the speed-up.

    python cpu_threads_vs_processes.py [--workers N] [--count N]
"""

import argparse
import os
import time
from multiprocessing import Process
from threading import Thread

try:
    from swimlane_tracer import mark
except ImportError:  # not traced
    def mark(label, **data):
        pass


def count_down(n):
    while n > 0:
        n -= 1


def timed(kind, workers, count):
    started = time.perf_counter()
    runners = [kind(target=count_down, args=(count,), name='%s-%d' % (kind.__name__.lower(), i + 1))
               for i in range(workers)]
    for r in runners:
        r.start()
    for r in runners:
        r.join()
    return time.perf_counter() - started


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workers', type=int, default=4, help='threads, then processes')
    parser.add_argument('--count', type=int, default=10000000, help='loop iterations per worker')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    print('%d CPUs' % (os.cpu_count() or 1))
    threads = timed(Thread, args.workers, args.count)
    print('threads took %.3f s' % threads)
    mark('threads took %.3f s' % threads, secs=threads)
    processes = timed(Process, args.workers, args.count)
    print('processes took %.3f s' % processes)
    mark('processes took %.3f s' % processes, secs=processes)
    print('speed-up of processes over threads: %.1fx' % (threads / processes))
