// Shared fixture of the retention tests: a synthetic event stream long enough to be trimmed.
import type { TraceEvent } from '../../src/core/events';

/** The one process's pid. */
export const PID = 7;
/** Lock `n`'s id, kind and label. */
const lock = (n: number) => ({
  id: `${PID}-${n}`,
  kind: 'Lock' as const,
  label: `lock${n}`,
});

/** A process whose main thread does `rounds` of wait/acquire/release/print on lock0 while
 *  thread 71 holds lock1 from the start to the end, and puts/gets one queue item per round. */
export function* events(rounds: number): Generator<TraceEvent> {
  let t = 1000;
  const base = (tid = PID) => ({ t: (t += 10), pid: PID, tid });
  yield {
    ...base(),
    k: 'hello',
    v: 1,
    py: '3.11',
    tracer: '0',
    method: 'fork',
    argv: [],
    wall: 0,
    ppid: 1,
    main: true,
  };
  yield { ...base(), k: 'thread.start', child: 71, name: 'holder', daemon: false, target: null };
  yield { ...base(71), k: 'thread.begin', name: 'holder', daemon: false };
  yield { ...base(71), k: 'lock.acquired', ...lock(1), waited: 0 };
  const q = { id: 'q', kind: 'Queue' as const, label: 'jobs' };
  for (let i = 0; i < rounds; i++) {
    yield { ...base(), k: 'lock.wait', ...lock(0) };
    yield { ...base(), k: 'lock.acquired', ...lock(0), waited: 10 };
    yield { ...base(), k: 'lock.release', ...lock(0) };
    yield { ...base(), k: 'out', stream: 'out', text: `round ${i}\n` };
    yield { ...base(), k: 'queue.put', ...q, item: String(i) };
    yield { ...base(71), k: 'queue.get', ...q, item: String(i), waited: 0 };
  }
}
