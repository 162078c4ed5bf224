// A small synthetic run that uses every visual style: processes and a thread, two locks, a
// queue (blocks, put → get arrows), pool tasks, prints, an exception, a killed daemon, main.done.
// Fed through the real TraceModel so the webview sees exactly what the host would send.
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';
import type { HostToWebview } from '../../src/shared/webviewProtocol';

const MS = 1_000_000;
const T0 = 5_000_000_000_000;
/** The user's program file the events point at. */
export const GRAMMAR_FILE = '/home/student/producer_consumer.py';

/** Tracer events of the run (sorted by time). */
export function grammarEvents(): TraceEvent[] {
  const ev: TraceEvent[] = [];
  const at = (ms: number): number => Math.round(T0 + ms * MS);
  const src = (line: number): [string, number] => [GRAMMAR_FILE, line];
  const A = { id: 'lock-A', kind: 'Lock', label: 'stock_lock' } as const;
  const B = { id: 'lock-B', kind: 'Lock', label: 'log_lock' } as const;
  const Q = { id: 'q-1', kind: 'Queue', label: 'jobs' } as const;
  const push = (pid: number, ms: number, e: Record<string, unknown>, tid = pid): void => {
    ev.push({ t: at(ms), pid, tid, ...e } as TraceEvent);
  };
  const hello = (pid: number, ms: number, main: boolean): void =>
    push(pid, ms, {
      k: 'hello',
      v: 1,
      py: '3.11.2',
      tracer: '0.1.0',
      method: 'fork',
      argv: ['producer_consumer.py'],
      wall: 1.8e9,
      ppid: main ? 1 : 100,
      main,
    });
  hello(100, 0, true);
  const kids = [
    [101, 'Producer', false, 20],
    [102, 'Consumer', false, 21],
    [103, 'Watcher', true, 22],
  ] as const;
  kids.forEach(([child, name, daemon, line], i) => {
    push(100, 2 + i, { k: 'proc.spawn', child, name, daemon, target: 'run', src: src(line) });
    hello(child, 6 + i, false);
    push(child, 6.2 + i, { k: 'proc.begin', name, daemon, ppid: 100 });
  });
  push(100, 5, { k: 'thread.start', child: 150, name: 'logger', daemon: false, target: 'log' });
  push(100, 7, { k: 'thread.begin', name: 'logger', daemon: false }, 150);
  // Producer: holds the stock lock, puts two items, prints.
  push(101, 10, { k: 'lock.acquired', ...A, waited: 0, src: src(31) });
  push(101, 12, { k: 'sleep', secs: 0.028, src: src(32) });
  push(101, 40, { k: 'sleep.end' });
  push(101, 40.1, { k: 'lock.release', ...A, src: src(33) });
  push(101, 42, { k: 'queue.put', ...Q, item: 'i1', size: 1, src: src(34) });
  push(101, 43, { k: 'out', stream: 'out', text: 'produced item 1\n', src: src(35) });
  push(101, 45, { k: 'sleep', secs: 0.035, src: src(36) });
  push(101, 80, { k: 'sleep.end' });
  push(101, 82, { k: 'queue.put', ...Q, item: 'i2', size: 1, src: src(34) });
  push(101, 83, { k: 'out', stream: 'out', text: 'produced item 2\n', src: src(35) });
  push(101, 100, { k: 'proc.end', code: 0 });
  // Consumer: blocked on the empty queue, waits for the stock lock, then fails.
  push(102, 12, { k: 'queue.block', ...Q, op: 'get', src: src(44) });
  push(102, 42.5, { k: 'queue.get', ...Q, item: 'i1', size: 0, waited: 30 * MS, src: src(44) });
  push(102, 43, { k: 'lock.wait', ...A, src: src(45) });
  push(102, 43.2, { k: 'lock.acquired', ...A, waited: 0.2 * MS, src: src(45) });
  push(102, 48, { k: 'lock.release', ...A });
  push(102, 49, { k: 'out', stream: 'out', text: 'consumed item 1\n', src: src(47) });
  push(102, 51, { k: 'queue.block', ...Q, op: 'get', src: src(44) });
  push(102, 82.5, { k: 'queue.get', ...Q, item: 'i2', size: 0, waited: 31 * MS, src: src(44) });
  push(102, 90, { k: 'exc', type: 'ValueError', msg: 'bad item i2', tb: [], src: src(49) });
  push(102, 95, { k: 'proc.end', code: 1 });
  // Watcher (daemon): holds the log lock and sleeps until it is killed.
  push(103, 20, { k: 'lock.wait', ...B, src: src(60) });
  push(103, 20.1, { k: 'lock.acquired', ...B, waited: 0.1 * MS, src: src(60) });
  push(103, 21, { k: 'sleep', secs: 10, src: src(61) });
  // Logger thread of the main process: pool-style tasks, one fails.
  push(100, 10, { k: 'task.begin', task: 't1', func: 'write_log' }, 150);
  push(100, 30, { k: 'task.end', task: 't1', ok: true }, 150);
  push(100, 35, { k: 'task.begin', task: 't2', func: 'write_log' }, 150);
  push(100, 60, { k: 'task.end', task: 't2', ok: false }, 150);
  push(100, 62, { k: 'out', stream: 'out', text: 'log flushed\n', src: src(70) }, 150);
  push(100, 65, { k: 'thread.end', name: 'logger' }, 150);
  push(100, 95.5, { k: 'proc.joined', child: 102, code: 1 });
  push(100, 100.5, { k: 'proc.joined', child: 101, code: 0 });
  push(100, 110, { k: 'main.done' });
  push(100, 111, { k: 'proc.kill', child: 103, sig: 15, why: 'daemon' });
  push(100, 112, { k: 'proc.end', code: 0 });
  return ev.sort((a, b) => a.t - b.t);
}

/** The messages a panel posts for the finished run: reset, then one snapshot delta. */
export function grammarMessages(): HostToWebview[] {
  const model = new TraceModel({ title: 'Producer / consumer — every style' });
  for (const e of grammarEvents()) model.apply(e);
  model.setState('finished');
  return [{ type: 'reset' }, { type: 'delta', ...model.snapshot() }];
}
