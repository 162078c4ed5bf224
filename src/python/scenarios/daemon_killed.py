"""A daemon process is killed when the main code ends (tutorial 一.2).

The daemon prints, sleeps a random 1-2 s and would print again, but the main code ends
right after starting it, so the daemon is terminated before its second print.

    python daemon_killed.py [--seed N] [--time-scale S]
"""

import argparse
import random
import time
from multiprocessing import Process


class Visitor(Process):
    # As in the tutorial, name is set before Process.__init__, which then resets it.
    def __init__(self, name, seed, time_scale):
        self.name = name
        self.seed = seed
        self.time_scale = time_scale
        super().__init__()

    def run(self):
        rng = random.Random('%s-%s' % (self.seed, self.name))
        print('%s is visiting' % self.name)
        time.sleep(rng.randrange(1, 3) * self.time_scale)
        print('%s is visit end' % self.name)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=1, help='random seed for the sleep time')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleep')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    p = Visitor('alice', args.seed, args.time_scale)
    # Must be set before start(): p may not start children and ends with the main code.
    p.daemon = True
    p.start()
    print('main')
