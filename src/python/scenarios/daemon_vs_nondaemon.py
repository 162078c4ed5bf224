"""Daemon vs non-daemon: the main code ends, the daemon is killed, the other runs on (一.2).

foo is a daemon (prints 123, sleeps 1 s, would print end123); bar is not (prints 456,
sleeps 3 s, prints end456). When the main code prints "main-------" it is finished: foo
is terminated, perhaps after printing 123, while bar runs to its end.

    python daemon_vs_nondaemon.py [--time-scale S]
"""

import argparse
import time
from multiprocessing import Process


def foo(time_scale):
    print(123)
    time.sleep(1 * time_scale)
    print('end123')


def bar(time_scale):
    print(456)
    time.sleep(3 * time_scale)
    print('end456')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    p1 = Process(target=foo, args=(args.time_scale,), name='foo')
    p2 = Process(target=bar, args=(args.time_scale,), name='bar')

    p1.daemon = True
    p1.start()
    p2.start()
    # After this line the main code is finished: the daemon foo is terminated.
    print('main-------')
