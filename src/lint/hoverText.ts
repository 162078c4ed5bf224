// Hover text for multiprocessing and threading APIs: two lines, English then Chinese. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import { collectFacts } from './facts';
import { calleeName, rangeOf, type Range } from './syntax';

type Pair = readonly [en: string, zh: string];

/** Classes and functions, hovered by their name. */
const NAMES: Record<string, Pair> = {
  Process: [
    'Runs target(*args) in a new OS process; start() launches it, join() waits for it.',
    '在新的操作系统进程中运行 target(*args)；start() 启动，join() 等待它结束。',
  ],
  Thread: [
    'Runs target(*args) in a new thread of this process; threads share memory and the GIL.',
    '在本进程的新线程中运行 target(*args)；线程共享内存和 GIL。',
  ],
  Lock: [
    'A mutex: one holder at a time; use with lock: so it is always released.',
    '互斥锁：同一时刻只有一个持有者；用 with lock: 保证一定释放。',
  ],
  RLock: [
    'A re-entrant lock: the holder may acquire it again; release as often as acquired.',
    '可重入锁：持有者可以再次获取；获取几次就要释放几次。',
  ],
  Queue: [
    'A FIFO queue safe between processes (multiprocessing) or threads (queue).',
    '先进先出队列，可在进程（multiprocessing）或线程（queue）之间安全使用。',
  ],
  JoinableQueue: [
    'A Queue with task_done() and join(): join() waits until every item is done.',
    '带 task_done() 和 join() 的队列：join() 等到每个元素都处理完。',
  ],
  Pool: [
    'A pool of worker processes: map/apply_async hand tasks to them; close() then join().',
    '进程池：map/apply_async 把任务交给工作进程；先 close() 再 join()。',
  ],
  Value: [
    'A shared ctypes value in shared memory; value += 1 is not atomic: hold get_lock().',
    '共享内存中的 ctypes 值；value += 1 不是原子操作：需持有 get_lock()。',
  ],
  Array: [
    'A shared ctypes array in shared memory, with its own lock (get_lock()).',
    '共享内存中的 ctypes 数组，自带锁（get_lock()）。',
  ],
  Manager: [
    'Starts a server process holding shared objects (dict, list, Lock…) used through proxies.',
    '启动一个服务进程保存共享对象（dict、list、Lock…），通过代理访问。',
  ],
  Event: [
    'A flag: wait() blocks until another worker calls set().',
    '一个标志：wait() 阻塞，直到另一个工作者调用 set()。',
  ],
  Semaphore: [
    'A counter of permits: acquire() takes one and blocks at zero, release() gives one back.',
    '许可计数器：acquire() 取走一个，为零时阻塞；release() 归还一个。',
  ],
  BoundedSemaphore: [
    'A Semaphore that raises if released more often than acquired.',
    '释放次数多于获取次数时会报错的信号量。',
  ],
  Condition: [
    'A lock plus wait()/notify(): wait releases the lock until notified.',
    '锁加上 wait()/notify()：wait 时释放锁，直到被通知。',
  ],
  Barrier: [
    'Blocks each of N parties in wait() until all N have arrived.',
    'N 个参与者在 wait() 中阻塞，直到全部到达。',
  ],
  Timer: [
    'A Thread that runs its function after a delay; cancel() stops it before then.',
    '延时后运行函数的线程；在此之前可用 cancel() 取消。',
  ],
  current_process: [
    'The Process object of the calling process (name, pid, daemon).',
    '调用者所在进程的 Process 对象（name、pid、daemon）。',
  ],
  current_thread: ['The Thread object of the calling thread.', '调用者所在线程的 Thread 对象。'],
  cpu_count: ['The number of CPUs of this machine.', '本机的 CPU 数量。'],
  set_start_method: [
    'Chooses fork, spawn or forkserver; spawn re-imports the main module in each child.',
    '选择 fork、spawn 或 forkserver；spawn 会在每个子进程中重新导入主模块。',
  ],
};

/** Methods and attributes, hovered after a dot. */
const MEMBERS: Record<string, Pair> = {
  start: [
    'Starts the worker: run() begins in the new process or thread; start() does not wait.',
    '启动工作者：run() 在新进程或线程中开始执行；start() 不会等待。',
  ],
  join: [
    'Blocks until the worker (or queue, or pool) has finished.',
    '阻塞，直到该工作者（或队列、进程池）结束。',
  ],
  daemon: [
    'A daemon is killed when the main code ends; set it before start().',
    '守护者在主代码结束时被终止；必须在 start() 之前设置。',
  ],
  acquire: [
    'Takes the lock, waiting while another worker holds it; pair it with release().',
    '获取锁，其他工作者持有时等待；必须与 release() 配对。',
  ],
  release: ['Frees the lock so one waiting worker can take it.', '释放锁，让一个等待者获取它。'],
  get: [
    'Takes the next item, blocking while the queue is empty (pass timeout= to give up).',
    '取出下一个元素，队列为空时阻塞（传 timeout= 可放弃等待）。',
  ],
  put: [
    'Adds an item, blocking while a bounded queue is full.',
    '放入一个元素，有界队列满时阻塞。',
  ],
  task_done: [
    'Marks one item taken with get() as processed (JoinableQueue).',
    '标记一个用 get() 取出的元素已处理完（JoinableQueue）。',
  ],
  terminate: [
    'Kills the process (SIGTERM) at once: finally blocks and locks it holds are not cleaned up.',
    '立即终止进程（SIGTERM）：finally 块不会执行，它持有的锁也不会释放。',
  ],
  is_alive: [
    'True between start() and the end of run().',
    '在 start() 之后、run() 结束之前为 True。',
  ],
  apply_async: [
    'Hands one task to the pool and returns an AsyncResult at once.',
    '把一个任务交给进程池，立即返回 AsyncResult。',
  ],
  get_lock: [
    'The lock guarding a shared Value or Array: with v.get_lock(): v.value += 1.',
    '保护共享 Value 或 Array 的锁：with v.get_lock(): v.value += 1。',
  ],
};

/** A hover: its two lines and the range of the hovered name. */
export interface HoverInfo {
  lines: readonly [string, string];
  range: Range;
}

/** The hover for the identifier at `offset`, in files that use multiprocessing or threading. */
export function hoverAt(root: Node, offset: number): HoverInfo | undefined {
  const id = root.descendantForIndex(offset);
  if (!id || id.type !== 'identifier') return undefined;
  const parent = id.parent;
  const isMember =
    parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id;
  const pair = isMember ? memberPair(root, id) : NAMES[id.text];
  if (!pair || !collectFacts(root).usesConcurrency) return undefined;
  return { lines: [pair[0], pair[1]], range: rangeOf(id) };
}

/** Members: `get` only on something that looks like a queue; class names also after a dot. */
function memberPair(root: Node, id: Node): Pair | undefined {
  if (NAMES[id.text]) return NAMES[id.text];
  const pair = MEMBERS[id.text];
  if (!pair || id.text !== 'get') return pair;
  const obj = id.parent?.childForFieldName('object')?.text ?? '';
  if (/^(q|queue)$|_?q(ueue)?$/i.test(obj)) return pair;
  const made = root
    .descendantsOfType('assignment')
    .some(
      (a) =>
        a?.childForFieldName('left')?.text === obj &&
        a.childForFieldName('right')?.type === 'call' &&
        /Queue$/.test(calleeName(a.childForFieldName('right')!)),
    );
  return made ? pair : undefined;
}
