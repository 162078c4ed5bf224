// Unit test: when the host merges old detail (bounded retention), the webview's store, fed only
// by the host's deltas through the webview's validator, ends up holding exactly what the host
// holds: the merged detail is gone there too, the summary spans and recent detail are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TraceModel } from '../../src/core/traceModel';
import { Store } from '../../webview/store';
import { parseHostMessage } from '../../webview/validate';
import { events } from './retentionEvents';

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
  // The thread's hold of lock1 is still open and was never merged.
  assert.ok((store.snapshot()?.spans ?? []).some((s) => s.kind === 'lockHold' && s.end === null));
  // Far fewer items than the run produced: the view is bounded like the host.
  assert.ok(store.size() < 400, `webview holds ${store.size()} items`);
});
