"""A daemon process may not start children (tutorial 一.2, rule two).

The daemon tries to start a child process; multiprocessing refuses with
"AssertionError: daemonic processes are not allowed to have children". The main code
joins the daemon so it lives long enough to try.

    python daemon_child.py [--time-scale S]
"""

import argparse
import time
from multiprocessing import Process


def child(time_scale):
    print('child is running')
    time.sleep(0.5 * time_scale)


def parent(time_scale):
    print('daemon is running')
    time.sleep(0.5 * time_scale)
    c = Process(target=child, args=(time_scale,), name='child')
    c.start()  # AssertionError: daemonic processes are not allowed to have children
    c.join()
    print('daemon never gets here')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    p = Process(target=parent, args=(args.time_scale,), name='daemon')
    p.daemon = True
    p.start()
    p.join()
    print('main: the daemon exited with code %s' % p.exitcode)
