"""Processes talk through a Queue (tutorial 一.3): a writer puts, a reader gets.

The queue holds at most 10000 items. The writer puts `--items` numbers, the reader gets
and prints them. With `--endless` both loop forever as in the tutorial (stop the run);
otherwise the writer puts a final None and the reader stops when it gets it.

    python queue_producer_consumer.py [--items N] [--maxsize N] [--put-delay S] [--endless]
"""

import argparse
import time
from multiprocessing import Process, Queue


def write(q, items, put_delay):
    for i in range(items):
        q.put(i)
        if put_delay:
            time.sleep(put_delay)
        print(i, 'put')
    q.put(None)  # tells the reader to stop (not in --endless mode)


def read(q):
    while True:
        i = q.get()
        if i is None:
            break
        print(i, 'read')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--items', type=int, default=1000, help='numbers the writer puts')
    parser.add_argument('--maxsize', type=int, default=10000, help='queue bound (tutorial: 10000)')
    parser.add_argument('--put-delay', type=float, default=0.0, help='sleep after each put')
    parser.add_argument('--endless', action='store_true', help='loop forever, as the tutorial')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    items = 1000000000 if args.endless else args.items
    q = Queue(args.maxsize)
    wp = Process(target=write, args=(q, items, args.put_delay), name='writer')
    rp = Process(target=read, args=(q,), name='reader')
    wp.start()
    rp.start()
    rp.join()
