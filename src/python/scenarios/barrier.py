"""A Barrier (beyond the tutorial): nobody goes on until all have arrived.

`--parties` threads prepare for a random 0.5-2.5 s, then wait at the Barrier; the last
to arrive releases them all at the same moment.

    python barrier.py [--parties N] [--seed N] [--time-scale S]
"""

import argparse
import random
import threading
import time


def work(barrier, prepare, time_scale):
    name = threading.current_thread().name
    print('%s prepares' % name)
    time.sleep(prepare * time_scale)
    print('%s arrives at the barrier' % name)
    barrier.wait()
    print('%s goes on' % name)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--parties', type=int, default=4, help='threads meeting at the barrier')
    parser.add_argument('--seed', type=int, default=1, help='random seed for the prepare times')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    rng = random.Random(args.seed)
    barrier = threading.Barrier(args.parties)
    threads = [threading.Thread(target=work, args=(barrier, rng.uniform(0.5, 2.5), args.time_scale),
                                name='party-%d' % (i + 1)) for i in range(args.parties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
