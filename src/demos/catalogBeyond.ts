// Catalogue: beyond the tutorial (deadlock, the GIL, pools, semaphores, signalling). Pure data.
import type { DemoEntry } from './catalog';
import { intParam, numParam, SEED, TIME_SCALE } from './params';

/** Demos that go past the tutorial. */
export const BEYOND_DEMOS: readonly DemoEntry[] = [
  {
    id: 'deadlock',
    group: 'beyond',
    title: { en: 'Deadlock by lock-order inversion', zh: '死锁：加锁顺序相反' },
    script: 'deadlock.py',
    watch: {
      en: 'Each thread holds one lock and waits for the other: a cycle. worker-1 gives up after the timeout, then worker-2 goes on.',
      zh: '每个线程持有一把锁并等待另一把：形成环。worker-1 超时放弃后，worker-2 才能继续。',
    },
    params: [
      numParam('--timeout', 'Acquire timeout (s)', '获取锁超时（秒）', 2, 0.1, 60),
      TIME_SCALE,
    ],
  },
  {
    id: 'cpuThreadsVsProcesses',
    group: 'beyond',
    title: { en: 'CPU-bound work: threads vs processes', zh: 'CPU 密集：线程与进程对比' },
    script: 'cpu_threads_vs_processes.py',
    watch: {
      en: 'The same loop on threads (one GIL: no faster than one after another) and on processes (parallel on several cores).',
      zh: '同一循环分别在线程（共享一个 GIL，不比依次执行快）和进程（多核并行）上运行。',
    },
    params: [
      intParam('--workers', 'Workers', '工作线程/进程数', 4, 1, 32),
      intParam(
        '--count',
        'Loop iterations per worker',
        '每个工作者的循环次数',
        10_000_000,
        1000,
        100_000_000,
      ),
    ],
  },
  {
    id: 'poolMap',
    group: 'beyond',
    title: { en: 'Pool.map', zh: '进程池 Pool.map' },
    script: 'pool_map.py',
    watch: {
      en: 'A few worker lanes run many tasks each; a free worker takes the next task.',
      zh: '少数几个工作进程各执行多个任务；空闲的进程领取下一个任务。',
    },
    params: [
      intParam('--processes', 'Worker processes', '工作进程数', 4, 1, 32),
      intParam('--tasks', 'Tasks', '任务数', 12, 1, 1000),
      SEED,
      TIME_SCALE,
    ],
  },
  {
    id: 'semaphore',
    group: 'beyond',
    title: { en: 'A Semaphore limits concurrent workers', zh: '信号量限制并发数' },
    script: 'semaphore_limit.py',
    watch: {
      en: 'Never more than 3 solid holds at once; the others wait (hatched) until one leaves.',
      zh: '同一时刻最多 3 个实心持有段；其余线程等待（斜线）直到有人离开。',
    },
    params: [
      intParam('--workers', 'Threads', '线程数', 10, 1, 200),
      intParam('--limit', 'Semaphore value', '信号量大小', 3, 1, 100),
      SEED,
      TIME_SCALE,
    ],
  },
  {
    id: 'eventCondition',
    group: 'beyond',
    title: { en: 'Event and Condition signalling', zh: 'Event 与 Condition 通知' },
    script: 'event_condition.py',
    watch: {
      en: 'Runners wait until the main thread sets the Event, then all go at once; the consumer waits on a Condition until notified.',
      zh: '各线程等待主线程 set() 事件后同时出发；消费者在 Condition 上等待，直到被 notify。',
    },
    params: [
      intParam('--waiters', 'Threads waiting on the Event', '等待 Event 的线程数', 3, 1, 50),
      intParam('--items', 'Items handed over', '传递的数据个数', 3, 1, 100),
      TIME_SCALE,
    ],
  },
  {
    id: 'barrier',
    group: 'beyond',
    title: { en: 'A Barrier', zh: '栅栏 Barrier' },
    script: 'barrier.py',
    watch: {
      en: 'Threads arrive at different times and wait; the last arrival releases all of them at the same moment.',
      zh: '各线程先后到达并等待；最后一个到达时，所有线程同时放行。',
    },
    params: [intParam('--parties', 'Threads', '线程数', 4, 1, 50), SEED, TIME_SCALE],
  },
];
