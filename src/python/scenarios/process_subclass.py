"""Start processes with a Process subclass (tutorial 一.1, method two).

start() calls run() in the new process. Four processes print, sleep a random 1-4 s and
print again; the main code prints right after starting them.

    python process_subclass.py [--seed N] [--time-scale S]
"""

import argparse
import random
import time
from multiprocessing import Process


class Visitor(Process):
    def __init__(self, name, seed, time_scale):
        super().__init__()
        self.name = name
        self.seed = seed
        self.time_scale = time_scale

    def run(self):
        rng = random.Random('%s-%s' % (self.seed, self.name))
        print('%s visiting' % self.name)
        time.sleep(rng.randrange(1, 5) * self.time_scale)
        print('%s visit end' % self.name)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=1, help='random seed for the sleep times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    p1 = Visitor('alice', args.seed, args.time_scale)
    p2 = Visitor('bob', args.seed, args.time_scale)
    p3 = Visitor('carol', args.seed, args.time_scale)
    p4 = Visitor('dave', args.seed, args.time_scale)

    p1.start()  # start() calls run()
    p2.start()
    p3.start()
    p4.start()
    print('main thread')
