"""Printing serialised with a Lock (tutorial 一.4): no interleaving, but one at a time.

Each process takes the lock, prints "running", sleeps 2 s, prints "done" and releases
it: concurrency becomes serial, slower, but the output is never mixed.

    python print_with_lock.py [--workers N] [--time-scale S]
"""

import argparse
import os
import time
from multiprocessing import Lock, Process


def work(lock, time_scale):
    lock.acquire()
    print('%s is running' % os.getpid())
    time.sleep(2 * time_scale)
    print('%s is done' % os.getpid())
    lock.release()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workers', type=int, default=3, help='processes (tutorial: 3)')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleep')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    lock = Lock()
    for i in range(args.workers):
        p = Process(target=work, args=(lock, args.time_scale))
        p.start()
