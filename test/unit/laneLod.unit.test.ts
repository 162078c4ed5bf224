// The dense merge's level of detail (webview/laneLod.ts): on random lanes (clusters of short spans
// with gaps around a pixel, several styles, open and zero-length spans) and random windows, the
// merge with levels gives exactly the batches of the merge of the raw spans.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lane, Span, SpanKind } from '../../src/shared/webviewProtocol';
import { lockIndex, mergeIndexed, type DenseWindow } from '../../webview/denseIndex';
import { buildLevel, lodLevel, nextLodFrame } from '../../webview/laneLod';
import { layout } from '../../webview/layout';
import { SpanTable } from '../../webview/spanTable';

const KINDS: SpanKind[] = ['run', 'task', 'queueBlock', 'lockWait', 'lockHold', 'sleep'];

/** A seeded random number source in [0, 1). */
function rng(seed: number): () => number {
  let a = seed;
  return () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `n` spans on `lanes` lanes: bursts of short spans with gaps from 0 to a few thousand ns. */
function burstySpans(n: number, lanes: number, r: () => number): Span[] {
  const out: Span[] = [];
  const at = new Array<number>(lanes).fill(0);
  for (let i = 0; i < n; i++) {
    const lane = Math.floor(r() * lanes);
    const kind = KINDS[Math.floor(r() * (r() < 0.7 ? 2 : KINDS.length))];
    const gap = r() < 0.1 ? Math.floor(r() * 2e6) : Math.floor(r() * r() * 4000) - 200;
    const start = Math.max(0, at[lane] + gap);
    const len = r() < 0.05 ? 0 : Math.floor(r() * r() * 3000) + 1;
    at[lane] = Math.max(at[lane], start);
    const s: Span = {
      ...{ id: i, lane: String(1 + lane), kind, start },
      ...{ end: r() < 0.01 ? null : start + len, label: kind },
    };
    if (kind.startsWith('lock') || kind === 'queueBlock') s.lockId = `L${Math.floor(r() * 3)}`;
    out.push(s);
  }
  return out;
}

/** The batches as plain data, for deepEqual. */
function flat(t: SpanTable, lanes: readonly Lane[], w: DenseWindow) {
  const l = layout({
    ...{ lanes, spans: [], marks: [], domain: [w.d0, w.d1] as const },
    ...{ range: [w.left, w.right] as const, laneHeight: 20, now: w.now, locks: t.lockOrder() },
  });
  return mergeIndexed(t, l.rows, w, lockIndex(t, l.locks)).map((b) => ({ ...b }));
}

test('dense merge with levels of detail equals the raw merge on random lanes and windows', () => {
  const r = rng(7);
  let used = 0;
  for (let run = 0; run < 6; run++) {
    const spans = burstySpans(6000, 4, r);
    const lanes = ['1', '2', '3', '4'].map((id) => ({ id, pid: Number(id), order: 0 }) as Lane);
    const t = SpanTable.of(spans);
    const maxT = Math.max(...spans.map((s) => s.end ?? s.start));
    const now = maxT + Math.floor(r() * 1e5);
    const full: DenseWindow = { d0: 0, d1: now, left: 80, right: 880, now };
    flat(t, lanes, full); // first sight of the lane indexes: raw; later frames may use levels
    for (let i = 0; i < 150; i++) {
      const span = now * (i === 0 ? 1 : r() < 0.5 ? r() : r() * 0.02);
      const left = i % 3 === 0 ? 80 : 80 + Math.floor(r() * 1000) / 997;
      const right = left + 300 + Math.floor(r() * 700) + (i % 2 ? 0.37 : 0);
      // Often the window starts less than a pixel after a span's end (the left edge case).
      const near = spans[Math.floor(r() * spans.length)];
      const d0 =
        i === 0
          ? 0
          : r() < 0.5 && near.end !== null
            ? near.end + (r() * span) / (right - left)
            : Math.floor(r() * (now - span * 0.5)) - span * 0.1;
      const w: DenseWindow = { d0, d1: d0 + span, left, right, now };
      // A fresh copy of the table has fresh lane indexes: its merge is the raw one.
      const want = flat(
        t.subset(() => true),
        lanes,
        w,
      );
      const got = flat(t, lanes, w);
      assert.deepEqual(got, want, `run ${run}, window ${i}: ${JSON.stringify(w)}`);
      nextLodFrame();
      const k = (right - left) / span;
      if (lanes.some((l) => lodLevel(t.index(l.id)!, 1 / k))) used++;
    }
  }
  // The levels were used, not only the raw fallback.
  assert.ok(used > 300, `levels used in ${used} windows`);
});

test('a level merges same-style spans across gaps below its size, never open or empty ones', () => {
  const spans: Span[] = [
    { id: 1, lane: '1', kind: 'run', start: 0, end: 10, label: '' },
    { id: 2, lane: '1', kind: 'task', start: 5, end: 30, label: '' },
    { id: 3, lane: '1', kind: 'run', start: 13, end: 20, label: '' },
    { id: 4, lane: '1', kind: 'run', start: 21, end: 21, label: '' },
    { id: 5, lane: '1', kind: 'run', start: 22, end: null, label: '' },
    { id: 6, lane: '1', kind: 'run', start: 30, end: 40, label: '' },
  ];
  const t = SpanTable.of(spans);
  const level = buildLevel(t.index('1')!, 11)!;
  // Runs 1, 3 and 6 join across the task, the empty run and the open run, which stay alone.
  assert.deepEqual([...level.start], [0, 5, 21, 22]);
  assert.deepEqual([...level.end], [40, 30, 21, NaN]);
  const many = SpanTable.of(
    Array.from({ length: 200 }, (_, i) => ({
      ...{ id: i, lane: '1', kind: 'run' as const, start: i * 10 },
      ...{ end: i % 50 === 49 ? null : i * 10 + 7, label: '' },
    })),
  );
  const lv = buildLevel(many.index('1')!, 4)!;
  // Gaps of 3 ns close; each open span (every 50th) stands alone and the next group begins after.
  assert.deepEqual([...lv.start], [0, 490, 500, 990, 1000, 1490, 1500, 1990]);
  assert.deepEqual([...lv.end].slice(0, 3), [487, NaN, 987]);
  assert.equal(buildLevel(many.index('1')!, 3), null);
});
