"""A Semaphore limits concurrent workers (beyond the tutorial).

`--workers` threads all want in, but the Semaphore lets only `--limit` run at once;
the rest wait until one leaves. Each stays a random 1-3 s.

    python semaphore_limit.py [--workers N] [--limit N] [--seed N] [--time-scale S]
"""

import argparse
import random
import threading
import time


def work(sm, stay, time_scale):
    with sm:
        print('%s is in' % threading.current_thread().name)
        time.sleep(stay * time_scale)
        print('%s leaves' % threading.current_thread().name)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workers', type=int, default=10, help='threads that want in')
    parser.add_argument('--limit', type=int, default=3, help='at most this many at once')
    parser.add_argument('--seed', type=int, default=1, help='random seed for the stay times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    rng = random.Random(args.seed)
    sm = threading.Semaphore(args.limit)
    threads = [threading.Thread(target=work, args=(sm, rng.randint(1, 3), args.time_scale),
                                name='worker-%d' % (i + 1)) for i in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
