"""Concurrent printing without a lock (tutorial 一.4): fast, but the prints interleave.

Three processes each print "running", sleep 2 s and print "done"; all run at once, so
their lines share the terminal in whatever order they come.

    python print_without_lock.py [--workers N] [--time-scale S]
"""

import argparse
import os
import time
from multiprocessing import Process


def work(time_scale):
    print('%s is running' % os.getpid())
    time.sleep(2 * time_scale)
    print('%s is done' % os.getpid())


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workers', type=int, default=3, help='processes (tutorial: 3)')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleep')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    for i in range(args.workers):
        p = Process(target=work, args=(args.time_scale,))
        p.start()
