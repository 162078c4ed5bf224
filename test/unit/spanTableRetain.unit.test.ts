// Unit test of SpanTable.retainRows (the webview dropping what the host merged): in place, it
// must leave exactly the table that `subset` builds from scratch, forget the strings of dropped
// rows, and keep taking upserts afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span, SpanKind } from '../../src/shared/webviewProtocol';
import { SpanTable } from '../../webview/spanTable';

const LANES = ['1', '1/2', '1/3'];
const KINDS: SpanKind[] = ['run', 'sleep', 'lockWait', 'lockHold', 'queueBlock'];

/** Seeded pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Everything a view reads from a table, as plain values. */
function view(t: SpanTable): unknown {
  return {
    spans: t.spans(),
    locks: t.lockOrder(),
    maxTime: t.maxTime,
    lanes: LANES.map((l) => {
      const ix = t.index(l);
      return [t.count(l), [...(ix?.rows ?? [])].map((r) => t.id[r]), [...(ix?.maxEnd ?? [])]];
    }),
  };
}

test('retainRows leaves the table subset() builds, without the dropped strings', () => {
  for (const seed of [1, 2, 3]) {
    const r = rng(seed);
    const t = new SpanTable();
    let now = 0;
    for (let id = 0; id < 400; id++) {
      now += r() * 4;
      const kind = KINDS[Math.floor(r() * KINDS.length)];
      const s: Span = {
        id,
        lane: LANES[Math.floor(r() * LANES.length)],
        kind,
        start: now,
        end: r() < 0.2 ? null : now + r() * 30,
        label: `label ${id % 7} of ${id < 200 ? 'old' : 'new'}`,
      };
      if (kind.startsWith('lock') || kind === 'queueBlock') s.lockId = `L${id % 5}`;
      if (r() < 0.3) s.src = [`f${id % 3}.py`, id];
      t.upsert(s);
      if (r() < 0.1) t.upsert({ ...s, end: now + 1 }); // closed later
    }
    const before = now / 2;
    const keep = (x: number): boolean =>
      Number.isNaN(t.end[x]) ? t.start[x] >= before : t.end[x] >= before;
    const expected = t.subset(keep);
    t.retainRows(keep);
    assert.deepEqual(view(t), view(expected), `seed ${seed}`);
    assert.ok(t.size < 400 && t.size > 0);
    const labels = new Set(t.spans().map((s) => s.label));
    for (const s of t.spans()) if (s.src) labels.add(s.src[0]);
    assert.deepEqual(new Set(t.strings.list), labels, 'only the strings of kept rows');
    // Still an upserting table: a kept span closes in place, a new one is appended.
    const open = t.spans().find((s) => s.end === null);
    assert.ok(open);
    t.upsert({ ...open, end: open.start + 1 });
    t.upsert({ id: 999, lane: '1', kind: 'run', start: now + 1, end: null, label: 'late' });
    expected.upsert({ ...open, end: open.start + 1 });
    expected.upsert({ id: 999, lane: '1', kind: 'run', start: now + 1, end: null, label: 'late' });
    assert.deepEqual(view(t), view(expected), `seed ${seed}, after upserts`);
  }
});
