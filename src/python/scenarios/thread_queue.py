"""queue.Queue between threads (threads chapter): a producer puts, a consumer gets.

The same writer/reader as the process Queue demo, with threads and the thread-safe
queue.Queue. The producer puts `--items` numbers, then None to stop the consumer.

    python thread_queue.py [--items N] [--maxsize N] [--put-delay S]
"""

import argparse
import queue
import threading
import time


def write(q, items, put_delay):
    for i in range(items):
        q.put(i)
        if put_delay:
            time.sleep(put_delay)
        print(i, 'put')
    q.put(None)


def read(q):
    while True:
        i = q.get()
        if i is None:
            break
        print(i, 'read')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--items', type=int, default=100, help='numbers the producer puts')
    parser.add_argument('--maxsize', type=int, default=10, help='queue bound')
    parser.add_argument('--put-delay', type=float, default=0.0, help='sleep after each put')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    q = queue.Queue(args.maxsize)
    wt = threading.Thread(target=write, args=(q, args.items, args.put_delay), name='producer')
    rt = threading.Thread(target=read, args=(q,), name='consumer')
    wt.start()
    rt.start()
    rt.join()
