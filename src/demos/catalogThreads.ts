// Catalogue: the threads chapter (多线程), the same lessons with threading. Pure data.
import type { DemoEntry } from './catalog';
import { intParam, numParam, ONE_TICKET_DB, SEED, SUCCESS_TEXT, TIME_SCALE } from './params';

/** The threads chapter's programs. */
export const THREAD_DEMOS: readonly DemoEntry[] = [
  {
    id: 'threadStart',
    group: 'threads',
    title: { en: 'Two ways to start a thread', zh: '开线程的两种方式' },
    script: 'thread_start.py',
    watch: {
      en: 'Thread sub-lanes inside one process: a target function and a Thread subclass, started far faster than processes.',
      zh: '同一进程内的线程子泳道：目标函数与继承 Thread 两种方式，启动远快于进程。',
    },
    params: [SEED, TIME_SCALE],
  },
  {
    id: 'threadDaemon',
    group: 'threads',
    title: { en: 'Daemon threads', zh: '守护线程' },
    script: 'thread_daemon.py',
    watch: {
      en: 'Unlike a daemon process, the daemon thread foo is not killed when the main code ends: the process waits for bar, so foo prints end123. With foo slower than bar it is abandoned at exit.',
      zh: '与守护进程不同，守护线程 foo 不会在主代码结束时被终止：进程要等 bar 结束，所以 foo 能打印 end123。若 foo 比 bar 慢，则在退出时被丢弃。',
    },
    params: [
      numParam(
        '--daemon-secs',
        "Daemon thread foo's sleep (s)",
        '守护线程 foo 的 sleep 秒数',
        1,
        0,
        60,
      ),
      TIME_SCALE,
    ],
  },
  {
    id: 'threadLock',
    group: 'threads',
    title: { en: 'threading.Lock', zh: '线程互斥锁 threading.Lock' },
    script: 'thread_lock.py',
    watch: {
      en: '100 threads decrement one number: holds never overlap, so n ends at 0.',
      zh: '100 个线程对同一个数减一：持锁段从不重叠，因此 n 最终为 0。',
    },
    params: [intParam('--threads', 'Threads', '线程数', 100, 1, 500), TIME_SCALE],
  },
  {
    id: 'threadQueue',
    group: 'threads',
    title: { en: 'queue.Queue between threads', zh: '线程队列 queue.Queue' },
    script: 'thread_queue.py',
    watch: {
      en: 'The producer blocks when the small queue is full, the consumer when it is empty.',
      zh: '小队列满时生产者阻塞，空时消费者阻塞。',
    },
    params: [
      intParam('--items', 'Items the producer puts', '生产者放入的数据个数', 100, 1, 100_000),
      intParam('--maxsize', 'Queue bound', '队列容量', 10, 1, 100_000),
    ],
  },
  {
    id: 'threadTicketRace',
    group: 'threads',
    title: { en: 'Ticket race with threads', zh: '多线程抢票：不加锁' },
    script: 'thread_ticket_race.py',
    watch: {
      en: 'Threads share db.txt just like processes: without a lock the one ticket is oversold.',
      zh: '线程与进程一样共享 db.txt：不加锁，一张票被超卖。',
    },
    params: [intParam('--clients', 'Client threads', '客户端线程数', 100, 1, 500), TIME_SCALE],
    files: ONE_TICKET_DB,
    ticketsAvailable: 1,
    successText: SUCCESS_TEXT,
  },
];
