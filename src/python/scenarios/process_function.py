"""Start processes with a function (tutorial 一.1, method one).

Four processes run the same function; each prints, sleeps a random 1-4 s and prints
again. The main code prints right after starting them: it does not wait for them.

    python process_function.py [--seed N] [--time-scale S]
"""

import argparse
import random
import time
from multiprocessing import Process


def visit(name, seed, time_scale):
    rng = random.Random('%s-%s' % (seed, name))  # seeded per process: a run can be repeated
    print('%s visiting' % name)
    time.sleep(rng.randrange(1, 5) * time_scale)
    print('%s visit end' % name)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=1, help='random seed for the sleep times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    extra = (args.seed, args.time_scale)
    p1 = Process(target=visit, args=('alice',) + extra)  # the trailing comma is required
    p2 = Process(target=visit, args=('bob',) + extra)
    p3 = Process(target=visit, args=('carol',) + extra)
    p4 = Process(target=visit, args=('dave',) + extra)

    p1.start()
    p2.start()
    p3.start()
    p4.start()
    print('main thread')
