// The findings' sentences in English and Chinese. Pure.

/** Seconds from ns, as "0.123 s" / "12.3 s". */
export function secs(ns: number): string {
  const s = ns / 1e9;
  return `${s < 10 ? s.toFixed(3) : s.toFixed(1)} s`;
}

/** Every sentence a finding can be, in one language. */
export interface FindingsText {
  oversold(by: number, sold: number, avail: number): string;
  daemons(names: string[]): string;
  lockWait(total: number, max: number, who: { lane: string; lock: string } | null): string;
  deadlock(steps: { lane: string; held: string; wanted: string }[]): string;
  gaveUp(names: string[]): string;
  queueDepth(queue: string, depth: number, puts: number, gets: number): string;
  speedUp(threads: number, processes: number): string;
  exceptions(items: string[], more: number): string;
  abandoned(names: string[]): string;
}

/** English findings. */
export const FINDINGS_EN: FindingsText = {
  oversold: (by, sold, avail) =>
    `Oversold by ${by}: ${sold} sold, ${avail} available (lost update on db.txt)`,
  daemons: (names) =>
    `Killed as daemon${names.length > 1 ? 's' : ''} when the main code finished: ${names.join(', ')}`,
  lockWait: (total, max, who) =>
    `Lock wait: ${secs(total)} in total, longest ${secs(max)}${who ? ` (${who.lane} for ${who.lock})` : ''}`,
  deadlock: (steps) =>
    `Deadlock cycle: ${steps.map((s) => `${s.lane} holds ${s.held} and waits for ${s.wanted}`).join('; ')}`,
  gaveUp: (names) => `Gave up waiting (timeout): ${names.join(', ')}`,
  queueDepth: (queue, depth, puts, gets) =>
    `Queue ${queue}: at most ${depth} item${depth === 1 ? '' : 's'} waiting (${puts} put, ${gets} got)`,
  speedUp: (threads, processes) =>
    processes > 0 && threads / processes >= 1.2
      ? `CPU-bound: processes ${(threads / processes).toFixed(1)}× faster than threads (threads ${threads.toFixed(2)} s, processes ${processes.toFixed(2)} s): the GIL runs one thread at a time`
      : `CPU-bound: processes no faster than threads (threads ${threads.toFixed(2)} s, processes ${processes.toFixed(2)} s): a single CPU core, or too little work`,
  exceptions: (items, more) =>
    `Uncaught exception${items.length + more > 1 ? 's' : ''}: ${items.join('; ')}${more ? ` (+${more} more)` : ''}`,
  abandoned: (names) => `Daemon thread abandoned when its process exited: ${names.join(', ')}`,
};

/** Chinese findings. */
export const FINDINGS_ZH: FindingsText = {
  oversold: (by, sold, avail) =>
    `超卖 ${by} 张：卖出 ${sold} 张，仅有 ${avail} 张（db.txt 更新丢失）`,
  daemons: (names) => `主代码结束时被终止的守护进程：${names.join('、')}`,
  lockWait: (total, max, who) =>
    `等锁：共 ${secs(total)}，最长 ${secs(max)}${who ? `（${who.lane} 等待 ${who.lock}）` : ''}`,
  deadlock: (steps) =>
    `死锁环：${steps.map((s) => `${s.lane} 持有 ${s.held} 并等待 ${s.wanted}`).join('；')}`,
  gaveUp: (names) => `等待超时而放弃：${names.join('、')}`,
  queueDepth: (queue, depth, puts, gets) =>
    `队列 ${queue}：最多同时有 ${depth} 个数据等待（放入 ${puts}，取出 ${gets}）`,
  speedUp: (threads, processes) =>
    processes > 0 && threads / processes >= 1.2
      ? `CPU 密集：进程比线程快 ${(threads / processes).toFixed(1)} 倍（线程 ${threads.toFixed(2)} 秒，进程 ${processes.toFixed(2)} 秒）：GIL 使线程一次只能运行一个`
      : `CPU 密集：进程并不比线程快（线程 ${threads.toFixed(2)} 秒，进程 ${processes.toFixed(2)} 秒）：只有一个 CPU 核，或工作量太小`,
  exceptions: (items, more) =>
    `未捕获的异常：${items.join('；')}${more ? `（另有 ${more} 个）` : ''}`,
  abandoned: (names) => `进程退出时被丢弃的守护线程：${names.join('、')}`,
};
