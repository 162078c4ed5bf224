"""Deadlock by lock-order inversion, ended by acquire timeouts (beyond the tutorial).

Two threads need both locks. worker-1 takes lock_a then lock_b; worker-2 takes lock_b
then lock_a. Each holds its first lock while it waits for the other: a cycle, so neither
can go on. Instead of hanging forever, worker-1 gives up after `--timeout` seconds and
releases lock_a; worker-2 (which waits 1.5 times as long) then gets it and finishes.
Fix: take the locks in one global order.

    python deadlock.py [--timeout S] [--time-scale S]
"""

import argparse
import threading
import time


def worker(first, second, names, timeout, time_scale):
    name = threading.current_thread().name
    with first:
        print('%s holds %s' % (name, names[0]))
        time.sleep(0.5 * time_scale)  # gives the other thread time to take its first lock
        print('%s waits for %s' % (name, names[1]))
        if second.acquire(timeout=timeout):
            print('%s holds both locks' % name)
            second.release()
        else:
            print('%s gave up on %s after %.1f s: deadlock' % (name, names[1], timeout))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--timeout', type=float, default=2.0, help='acquire timeout in seconds')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleep')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    lock_a = threading.Lock()
    lock_b = threading.Lock()
    t1 = threading.Thread(target=worker, name='worker-1',
                          args=(lock_a, lock_b, ('lock_a', 'lock_b'), args.timeout, args.time_scale))
    t2 = threading.Thread(target=worker, name='worker-2',
                          args=(lock_b, lock_a, ('lock_b', 'lock_a'), args.timeout * 1.5, args.time_scale))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
