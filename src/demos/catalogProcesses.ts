// Catalogue: the tutorial's process programs (多进程). Pure data.
import type { DemoEntry } from './catalog';
import { intParam, ONE_TICKET_DB, SEED, SUCCESS_TEXT, TIME_SCALE } from './params';

const CLIENTS = intParam('--clients', 'Client processes', '客户端进程数', 100, 1, 500);
const WORKERS = intParam('--workers', 'Worker processes', '工作进程数', 3, 1, 50);

/** The tutorial's multiprocessing programs, in its order. */
export const PROCESS_DEMOS: readonly DemoEntry[] = [
  {
    id: 'processFunction',
    group: 'processes',
    title: { en: 'Start processes with a function', zh: '开进程方法一：函数' },
    script: 'process_function.py',
    watch: {
      en: 'Four lanes start almost at once; "main thread" prints before any child finishes: start() does not wait.',
      zh: '四条泳道几乎同时开始；“main thread” 先于子进程结束打印：start() 不会等待。',
    },
    params: [SEED, TIME_SCALE],
  },
  {
    id: 'processSubclass',
    group: 'processes',
    title: { en: 'Start processes with a Process subclass', zh: '开进程方法二：继承 Process' },
    script: 'process_subclass.py',
    watch: {
      en: "Same picture as with a function: start() runs the subclass's run() in each new process.",
      zh: '与函数方式相同：start() 在每个新进程中调用子类的 run()。',
    },
    params: [SEED, TIME_SCALE],
  },
  {
    id: 'daemonKilled',
    group: 'processes',
    title: { en: 'A daemon killed when the main code ends', zh: '守护进程随主进程代码结束而终止' },
    script: 'daemon_killed.py',
    watch: {
      en: 'At the dashed "main code finished" line the daemon lane ends, killed before its second print.',
      zh: '在“主代码结束”虚线处，守护进程泳道结束：在第二次打印之前就被终止。',
    },
    params: [SEED, TIME_SCALE],
  },
  {
    id: 'daemonVsNonDaemon',
    group: 'processes',
    title: { en: 'Daemon vs non-daemon', zh: '守护进程与非守护进程' },
    script: 'daemon_vs_nondaemon.py',
    watch: {
      en: 'foo (daemon) is killed when "main-------" is printed and never prints end123; bar runs on to end456.',
      zh: 'foo（守护进程）在打印 “main-------” 时被终止，不会打印 end123；bar 继续运行到 end456。',
    },
    params: [TIME_SCALE],
  },
  {
    id: 'daemonChild',
    group: 'processes',
    title: { en: 'A daemon may not start children', zh: '守护进程内无法再开启子进程' },
    script: 'daemon_child.py',
    watch: {
      en: "The daemon's start() of a child raises AssertionError: daemonic processes are not allowed to have children.",
      zh: '守护进程中启动子进程时抛出 AssertionError: daemonic processes are not allowed to have children。',
    },
    params: [TIME_SCALE],
  },
  {
    id: 'processQueue',
    group: 'processes',
    title: { en: 'Queue: writer and reader processes', zh: '进程间通信：队列' },
    script: 'queue_producer_consumer.py',
    watch: {
      en: 'put marks on the writer, get marks on the reader; the writer runs ahead while the bounded queue (10000) has room.',
      zh: '写进程上是 put 标记，读进程上是 get 标记；有界队列（10000）未满时写进程一路领先。',
    },
    params: [
      intParam('--items', 'Items the writer puts', '写进程放入的数据个数', 1000, 1, 1_000_000),
      intParam('--maxsize', 'Queue bound', '队列容量', 10000, 1, 1_000_000),
      {
        kind: 'boolean',
        flag: '--endless',
        label: {
          en: 'Endless, as the tutorial (stop it yourself)',
          zh: '无限循环，同教程（需手动停止）',
        },
        default: false,
      },
    ],
  },
  {
    id: 'printWithoutLock',
    group: 'processes',
    title: { en: 'Printing without a lock', zh: '不加锁：并发打印' },
    script: 'print_without_lock.py',
    watch: {
      en: 'All three run at once: fast, but their prints interleave on one terminal.',
      zh: '三个进程同时运行：效率高，但打印在同一终端上交错。',
    },
    params: [WORKERS, TIME_SCALE],
  },
  {
    id: 'printWithLock',
    group: 'processes',
    title: { en: 'Printing with a Lock', zh: '加锁：打印变为串行' },
    script: 'print_with_lock.py',
    watch: {
      en: 'Solid holds one after another, hatched waits before them: serial, slower, never mixed.',
      zh: '实心的持锁段一个接一个，之前是斜线的等待段：串行、较慢，但输出不再混乱。',
    },
    params: [WORKERS, TIME_SCALE],
  },
  {
    id: 'ticketWithoutLock',
    group: 'processes',
    title: { en: 'Ticket race without a Lock', zh: '抢票：不加锁' },
    script: 'ticket_without_lock.py',
    watch: {
      en: 'Every client reads count 1 before anyone writes 0: one ticket is sold many times (lost update).',
      zh: '每个客户端都在有人写入 0 之前读到 1：一张票被卖出多次（更新丢失）。',
    },
    params: [CLIENTS, TIME_SCALE],
    files: ONE_TICKET_DB,
    ticketsAvailable: 1,
    successText: SUCCESS_TEXT,
  },
  {
    id: 'lockDemo',
    group: 'processes',
    title: { en: 'Ticket purchase with a Lock (Lock Demo)', zh: '抢票：加锁（锁演示）' },
    script: 'lock_demo.py',
    watch: {
      en: 'Clients queue for one Lock (hatched), hold it one at a time (solid); exactly one buys the ticket.',
      zh: '客户端排队等一把锁（斜线），一次一个持锁（实心）；只有一个买到票。',
    },
    params: [CLIENTS, TIME_SCALE],
    files: ONE_TICKET_DB,
    ticketsAvailable: 1,
    successText: SUCCESS_TEXT,
  },
];
