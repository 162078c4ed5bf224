// Unit test: when the host merges old detail (bounded retention), the webview's store, fed only
// by the host's deltas through the webview's validator, ends up holding exactly what the host
// holds: the merged detail is gone there too, the summary spans and recent detail are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';
import { Store } from '../../webview/store';
import { parseHostMessage } from '../../webview/validate';

const PID = 7;
const lock = { id: `${PID}-0`, kind: 'Lock' as const, label: 'lock' };

/** One process doing `rounds` of wait/acquire/release/print, with a thread holding a span open. */
function* events(rounds: number): Generator<TraceEvent> {
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
  yield { ...base(), k: 'thread.start', child: 71, name: 'sleeper', daemon: false, target: null };
  yield { ...base(71), k: 'thread.begin', name: 'sleeper', daemon: false };
  yield { ...base(71), k: 'sleep', secs: 100 };
  const q = { id: 'q', kind: 'Queue' as const, label: 'jobs' };
  for (let i = 0; i < rounds; i++) {
    yield { ...base(), k: 'lock.wait', ...lock };
    yield { ...base(), k: 'lock.acquired', ...lock, waited: 10 };
    yield { ...base(), k: 'lock.release', ...lock };
    yield { ...base(), k: 'out', stream: 'out', text: `round ${i}\n` };
    yield { ...base(), k: 'queue.put', ...q, item: String(i) };
    yield { ...base(), k: 'queue.get', ...q, item: String(i), waited: 0 };
  }
}

const ids = (xs: readonly { id: number }[]): number[] => xs.map((x) => x.id).sort((a, b) => a - b);

test('the webview drops what the host merged, keeping its summaries and recent detail', () => {
  const model = new TraceModel({
    title: 'retention',
    retention: { spans: 100, marks: 120, flows: 30 },
  });
  const store = new Store();
  let n = 0;
  let warnings = 0;
  const deliver = (): void => {
    const msg = parseHostMessage({ type: 'delta', ...model.takeDelta() }, () => warnings++);
    assert.ok(msg && msg.type === 'delta', 'the delta passes validation');
    store.apply(msg);
  };
  for (const e of events(3000)) {
    model.apply(e);
    if (++n % 97 === 0) deliver();
  }
  deliver();
  assert.equal(warnings, 0);
  const header = model.getHeader();
  assert.ok(header.dropped > 0 && header.mergedBefore !== undefined, 'the host did merge');
  const view = store.model();
  assert.equal(view.header?.mergedBefore, header.mergedBefore);
  // The same items as the host's own snapshot (what a reloaded panel gets), summaries included.
  const host = model.snapshot();
  assert.ok(
    host.spans.some((s) => s.label.includes('merged')),
    'the host has summary spans',
  );
  const byId = <T extends { id: number }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id - b.id);
  assert.deepEqual(byId(store.snapshot()?.spans ?? []), byId(host.spans));
  assert.deepEqual(ids(view.marks), ids(host.marks));
  assert.deepEqual(ids(view.flows ?? []), ids(host.flows ?? []));
  // The thread's sleep is still open and was never merged.
  assert.ok((store.snapshot()?.spans ?? []).some((s) => s.kind === 'sleep' && s.end === null));
  // Far fewer items than the run produced: the view is bounded like the host.
  assert.ok(store.size() < 400, `webview holds ${store.size()} items`);
});
