"""The ticket race with threads (threads chapter): threads share db.txt and oversell too.

The tutorial's ticket purchase without a Lock, with threads instead of processes. Each
client thread reads db.txt, waits the simulated delays and writes it back; with no lock
the read-modify-write interleaves and the one ticket is sold many times.

Run in a fresh working directory holding db.txt = {"count": 1}:
    python thread_ticket_race.py [--clients N] [--time-scale S]
"""

import argparse
import json
import threading
import time

TIME_SCALE = 1.0


def search():
    dic = json.load(open('db.txt'))
    print('\033[43m剩余票数%s\033[0m' % dic['count'])


def get():
    dic = json.load(open('db.txt'))
    time.sleep(0.1 * TIME_SCALE)  # simulated network delay when reading
    if dic['count'] > 0:
        dic['count'] -= 1
        time.sleep(0.2 * TIME_SCALE)  # simulated network delay when writing
        json.dump(dic, open('db.txt', 'w'))
        print('\033[43m购票成功\033[0m')


def task():
    search()
    get()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--clients', type=int, default=100, help='client threads (tutorial: 100)')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the delays')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    TIME_SCALE = args.time_scale
    threads = [threading.Thread(target=task) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
