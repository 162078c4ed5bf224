// The webview's columnar span table and its per-lane index, checked against plain arrays: upserts,
// ids, window queries, subsets, lock order, and dense merging equal to the object-based merge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lane, Span, SpanKind } from '../../src/shared/webviewProtocol';
import { mergeSpans } from '../../webview/dense';
import { lockIndex, mergeIndexed, visibleSpans } from '../../webview/denseIndex';
import { layout, lockOrder } from '../../webview/layout';
import { SpanTable } from '../../webview/spanTable';

const KINDS: SpanKind[] = ['run', 'task', 'queueBlock', 'lockWait', 'lockHold', 'sleep'];

/** A seeded random run: `n` spans on 5 lanes, overlapping, some open, ids with gaps. */
function randomSpans(n: number, seed: number): Span[] {
  let a = seed;
  const r = (): number => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: Span[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(r() * 1e9);
    const kind = KINDS[Math.floor(r() * KINDS.length)];
    const s: Span = {
      id: i * 3 + (i % 2 ? 1e9 : 0),
      lane: String(1 + (i % 5)),
      kind,
      start,
      end: r() < 0.02 ? null : start + Math.floor(r() * 5e7),
      label: `${kind} ${i % 7}`,
    };
    if (kind.startsWith('lock') || kind === 'queueBlock') s.lockId = `L${i % 4}`;
    if (i % 9 === 0) s.src = ['a.py', i];
    out.push(s);
  }
  return out;
}

test('span table: upsert replaces by id, rows give back the same spans', () => {
  const spans = randomSpans(500, 1);
  const t = SpanTable.of(spans);
  assert.equal(t.size, 500);
  assert.deepEqual(t.spans(), spans);
  const closed = { ...spans[7], end: spans[7].start + 5, lane: '9' };
  t.upsert(closed);
  assert.equal(t.size, 500);
  assert.deepEqual(t.span(t.row(closed.id)), closed);
  assert.equal(t.count('9'), 1);
  assert.equal(t.row(123456789), -1);
  assert.deepEqual(t.lockOrder(), lockOrder(spans));
});

test('span table: window queries through the lane index match a scan', () => {
  const spans = randomSpans(2000, 2);
  const t = SpanTable.of(spans);
  const now = 1.2e9;
  for (const [d0, d1] of [
    [0, 1e9],
    [3e8, 3.1e8],
    [9.9e8, 2e9],
  ]) {
    const rows = layout({
      lanes: ['1', '2', '3', '4', '5'].map((id) => ({ id, pid: Number(id), order: 0 }) as Lane),
      spans: [],
      marks: [],
      domain: [d0, d1],
      range: [100, 900],
      laneHeight: 20,
      now,
    }).rows;
    const got = visibleSpans(t, rows, { d0, d1, left: 100, right: 900, now })
      .map((s) => s.id)
      .sort((x, y) => x - y);
    const want = spans
      .filter((s) => s.start <= d1 && (s.end ?? Math.max(now, s.start)) >= d0)
      .map((s) => s.id)
      .sort((x, y) => x - y);
    assert.deepEqual(got, want, `window ${d0}..${d1}`);
  }
  const sub = t.subset((r) => t.kind[r] === 1);
  assert.deepEqual(
    sub.spans(),
    spans.filter((s) => s.kind === 'task'),
  );
});

test('dense merge from the index covers the pixels of the object merge', () => {
  const spans = randomSpans(3000, 3).map((s) => ({ ...s, end: s.end ?? s.start + 1e6 }));
  const lanes = ['1', '2', '3', '4', '5'].map(
    (id) => ({ id, pid: Number(id), order: Number(id), begin: 0, end: 1e9 }) as Lane,
  );
  const t = SpanTable.of(spans);
  const base = { lanes, marks: [], domain: [0, 1e9] as const, range: [100, 900] as const };
  const l = layout({ ...base, spans, laneHeight: 20, now: 1e9, locks: t.lockOrder() });
  const cells = (
    rects: { x: number; y: number; width: number; kind: string; lock: number | null }[],
  ) => {
    const set = new Set<string>();
    for (const r of rects)
      for (let x = r.x; x < r.x + r.width; x++) set.add(`${r.kind}/${r.lock}/${r.y}/${x}`);
    return set;
  };
  const want = cells(mergeSpans(l.spans, 100, 900));
  const batches = mergeIndexed(
    t,
    l.rows,
    { d0: 0, d1: 1e9, left: 100, right: 900, now: 1e9 },
    lockIndex(t, l.locks),
  );
  const flat = batches.flatMap((b) => {
    const out = [];
    for (let i = 0; i < b.rects.length; i += 4)
      out.push({
        kind: b.kind,
        lock: b.lock,
        x: b.rects[i],
        y: b.rects[i + 1],
        width: b.rects[i + 2],
      });
    return out;
  });
  const got = cells(flat);
  // The object merge widens a sub-pixel span to 1 px from its fractional x (so it can touch two
  // columns); the index merge keeps it in its own column. Otherwise the cells are the same.
  assert.deepEqual(
    [...got].filter((c) => !want.has(c)),
    [],
  );
  assert.ok(want.size - got.size <= want.size / 500, `${want.size} vs ${got.size} cells`);
  // At most one rect per row, style and pixel column: no two rects of a batch share a column.
  assert.equal(
    flat.reduce((n, r) => n + r.width, 0),
    got.size,
  );
  // Runs are maximal and in column order: a rect never touches the previous one of its batch's row.
  const last = new Map<string, number>();
  for (const r of flat) {
    const key = `${r.kind}/${r.lock}/${r.y}`;
    const prev = last.get(key);
    if (prev !== undefined) assert.ok(r.x > prev + 1, `${key}: ${r.x} after ${prev}`);
    last.set(key, r.x + r.width - 1);
  }
});
