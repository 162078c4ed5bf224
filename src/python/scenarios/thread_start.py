"""Two ways to start a thread (threads chapter): a target function, or a Thread subclass.

Like the two ways to start a process, but the threads live inside the main process and
start much faster. Each prints, sleeps a random 1-4 s and prints again.

    python thread_start.py [--seed N] [--time-scale S]
"""

import argparse
import random
import time
from threading import Thread


def visit(name, seed, time_scale):
    rng = random.Random('%s-%s' % (seed, name))
    print('%s visiting' % name)
    time.sleep(rng.randrange(1, 5) * time_scale)
    print('%s visit end' % name)


class Visitor(Thread):
    def __init__(self, name, seed, time_scale):
        super().__init__()
        self.name = name
        self.seed = seed
        self.time_scale = time_scale

    def run(self):  # start() calls run() in the new thread
        visit(self.name, self.seed, self.time_scale)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=1, help='random seed for the sleep times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    t1 = Thread(target=visit, args=('alice', args.seed, args.time_scale), name='alice')
    t2 = Visitor('bob', args.seed, args.time_scale)
    t1.start()
    t2.start()
    print('main thread')
