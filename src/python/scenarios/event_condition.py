"""Event and Condition signalling (beyond the tutorial).

Part 1, Event: `--waiters` threads wait for a start signal; the main thread sets the
Event after 1 s and they all go at once.
Part 2, Condition: a consumer waits on a Condition until the producer has made an item
and notified it, `--items` times.

    python event_condition.py [--waiters N] [--items N] [--time-scale S]
"""

import argparse
import threading
import time


def runner(start, time_scale):
    name = threading.current_thread().name
    print('%s waits for the start signal' % name)
    start.wait()
    print('%s runs' % name)
    time.sleep(0.2 * time_scale)


def producer(cond, stock, items, time_scale):
    for i in range(items):
        time.sleep(0.3 * time_scale)  # making an item takes a while
        with cond:
            stock.append(i)
            print('made item %d' % i)
            cond.notify()


def consumer(cond, stock, items):
    for _ in range(items):
        with cond:
            while not stock:
                cond.wait()
            print('took item %d' % stock.pop(0))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--waiters', type=int, default=3, help='threads waiting on the Event')
    parser.add_argument('--items', type=int, default=3, help='items handed over by Condition')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the sleeps')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    start = threading.Event()
    runners = [threading.Thread(target=runner, args=(start, args.time_scale),
                                name='runner-%d' % (i + 1)) for i in range(args.waiters)]
    for t in runners:
        t.start()
    time.sleep(1 * args.time_scale)
    print('main sets the start signal')
    start.set()
    for t in runners:
        t.join()

    cond = threading.Condition()
    stock = []
    c = threading.Thread(target=consumer, args=(cond, stock, args.items), name='consumer')
    p = threading.Thread(target=producer, args=(cond, stock, args.items, args.time_scale),
                         name='producer')
    c.start()
    p.start()
    p.join()
    c.join()
