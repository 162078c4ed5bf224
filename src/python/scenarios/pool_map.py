"""Pool.map (beyond the tutorial): a fixed set of worker processes shares many tasks.

A Pool of `--processes` workers squares `--tasks` numbers; each task sleeps a random
0.1-0.5 s. map() hands tasks to whichever worker is free and returns the results in
order.

    python pool_map.py [--processes N] [--tasks N] [--seed N] [--time-scale S]
"""

import argparse
import os
import random
import time
from multiprocessing import Pool


def square(job):
    x, delay = job
    time.sleep(delay)
    print('%s squares %s' % (os.getpid(), x))
    return x * x


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--processes', type=int, default=4, help='worker processes')
    parser.add_argument('--tasks', type=int, default=12, help='numbers to square')
    parser.add_argument('--seed', type=int, default=1, help='random seed for the task times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    rng = random.Random(args.seed)
    jobs = [(x, rng.uniform(0.1, 0.5) * args.time_scale) for x in range(args.tasks)]
    pool = Pool(args.processes)
    results = pool.map(square, jobs)
    pool.close()  # no more tasks: the workers exit once the queue is drained
    pool.join()
    print('results:', results)
