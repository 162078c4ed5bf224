"""threading.Lock (threads chapter): 100 threads decrement one shared number safely.

Each thread takes the lock, reads n, sleeps 0.1 s, writes n - 1 and releases it. The
threads run one at a time inside the lock, so n ends at 0 (without the lock it would
end at 99: every thread read 100).

    python thread_lock.py [--threads N] [--time-scale S]
"""

import argparse
import threading
import time

n = 100


def work(lock, time_scale):
    global n
    lock.acquire()
    temp = n
    time.sleep(0.1 * time_scale)
    n = temp - 1
    lock.release()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--threads', type=int, default=100, help='threads (tutorial: 100)')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleep')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    n = args.threads
    lock = threading.Lock()
    threads = []
    for i in range(args.threads):
        t = threading.Thread(target=work, args=(lock, args.time_scale))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print('n =', n)
