"""Ticket race without a Lock (tutorial 一.4): one ticket, and many clients buy it.

Every client process reads the remaining tickets from db.txt, reads again, waits the
simulated network delays and buys if a ticket is left. Nothing serialises the
read-modify-write, so every client reads count 1 before anyone writes 0: a lost update,
and the one ticket is sold many times.

Run in a fresh working directory holding db.txt = {"count": 1}:
    python ticket_without_lock.py [--clients N] [--time-scale S]
"""

import argparse
import json
import os
import time
from multiprocessing import Lock, Process

# Read from the environment so spawned children (which re-import this file) see it too.
TIME_SCALE = float(os.environ.get('TICKET_DEMO_TIME_SCALE', '1'))


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


def task(lock):
    search()
    get()  # no lock.acquire() here: the race


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--clients', type=int, default=100, help='client processes (tutorial: 100)')
    parser.add_argument('--time-scale', type=float, default=1.0, help='multiplies the delays')
    return parser.parse_args()


if __name__ == '__main__':
    args = parse_args()
    os.environ['TICKET_DEMO_TIME_SCALE'] = str(args.time_scale)
    TIME_SCALE = args.time_scale
    lock = Lock()  # created, as in the tutorial, but never used
    for i in range(args.clients):  # simulate 100 clients racing for the ticket
        p = Process(target=task, args=(lock,))
        p.start()
