"""Daemon threads (threads chapter): a daemon thread ends with its process, not the main code.

foo is a daemon thread (prints 123, sleeps 1 s, prints end123); bar is not (prints 456,
sleeps 3 s, prints end456). Unlike a daemon process, foo is not killed when the main code
ends: the process lives on until every non-daemon thread (bar) is done, so foo finishes.
Make foo sleep longer than bar (--daemon-secs 5) and it is abandoned at exit.

    python thread_daemon.py [--daemon-secs S] [--time-scale S]
"""

import argparse
import time
from threading import Thread


def foo(secs, time_scale):
    print(123)
    time.sleep(secs * time_scale)
    print('end123')


def bar(time_scale):
    print(456)
    time.sleep(3 * time_scale)
    print('end456')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--daemon-secs', type=float, default=1.0, help="foo's sleep (tutorial: 1)")
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    t1 = Thread(target=foo, args=(args.daemon_secs, args.time_scale), name='foo')
    t2 = Thread(target=bar, args=(args.time_scale,), name='bar')

    t1.daemon = True
    t1.start()
    t2.start()
    print('main-------')
