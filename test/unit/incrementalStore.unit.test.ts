// Unit tests of the webview's incremental indexes: per-lane span index and per-lane mark lists
// kept up to date delta by delta must equal the same structures built from scratch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mark, Span, SpanKind } from '../../src/shared/webviewProtocol';
import { MarkList } from '../../webview/markList';
import { SpanTable } from '../../webview/spanTable';

/** Seeded pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LANES = ['a', 'b', 'c'];
const KINDS: SpanKind[] = ['run', 'sleep', 'lockWait', 'lockHold'];

/** Index of `lane` as plain arrays; its copies of the rows' columns must be the table's. */
function indexOf(t: SpanTable, lane: string): { rows: number[]; maxEnd: number[] } {
  const ix = t.index(lane);
  const rows = [...(ix?.rows ?? [])];
  if (ix) {
    const copy = (c: ArrayLike<number>) => Array.from(c);
    const of = (c: ArrayLike<number>) => rows.map((r) => c[r]);
    assert.deepEqual(copy(ix.start), of(t.start), `lane ${lane}: copied starts`);
    assert.deepEqual(copy(ix.end), of(t.end), `lane ${lane}: copied ends`);
    assert.deepEqual(copy(ix.kind), of(t.kind), `lane ${lane}: copied kinds`);
    assert.deepEqual(copy(ix.lock), of(t.lock), `lane ${lane}: copied locks`);
  }
  return { rows, maxEnd: [...(ix?.maxEnd ?? [])] };
}

test('span table: the lane index kept per delta equals one built from scratch', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const r = rng(seed);
    const t = new SpanTable();
    const held = new Map<number, Span>();
    let now = 0;
    let nextId = 1;
    for (let delta = 0; delta < 60; delta++) {
      for (let k = 0, n = 1 + Math.floor(r() * 20); k < n; k++) {
        const p = r();
        const open = [...held.values()].filter((s) => s.end === null);
        let s: Span;
        if (p < 0.3 && open.length) {
          // Close an open span (the common live case).
          const o = open[Math.floor(r() * open.length)];
          s = { ...o, end: now + r() * 5 };
        } else if (p < 0.33 && held.size) {
          // A span rewritten in place: another kind and lock, same lane and start.
          const o = [...held.values()][Math.floor(r() * held.size)];
          s = {
            ...o,
            kind: KINDS[Math.floor(r() * KINDS.length)],
            lockId: `L${Math.floor(r() * 3)}`,
          };
        } else if (p < 0.36 && held.size) {
          // Rare: a span moves in time or to another lane.
          const o = [...held.values()][Math.floor(r() * held.size)];
          s =
            r() < 0.5
              ? { ...o, start: o.start - 3 }
              : { ...o, lane: LANES[(LANES.indexOf(o.lane) + 1) % 3] };
        } else {
          // New spans, mostly in start order, sometimes late.
          now += r() * 3;
          const start = r() < 0.1 ? now - r() * 20 : now;
          s = {
            id: nextId++,
            lane: LANES[Math.floor(r() * 3)],
            kind: KINDS[Math.floor(r() * KINDS.length)],
            start,
            end: r() < 0.5 ? null : start + r() * 10,
            label: `s${Math.floor(r() * 4)}`,
          };
        }
        held.set(s.id, s);
        t.upsert(s);
      }
      // Query every few deltas (the index is brought up to date lazily, several deltas at once).
      if (delta % 3 === 0 || delta === 59) {
        const fresh = SpanTable.of(t.spans());
        for (const lane of LANES) {
          const a = indexOf(t, lane);
          const b = indexOf(fresh, lane);
          assert.deepEqual(
            a.rows.map((x) => t.id[x]),
            b.rows.map((x) => fresh.id[x]),
            `seed ${seed} delta ${delta} lane ${lane}: order`,
          );
          assert.deepEqual(a.maxEnd, b.maxEnd, `seed ${seed} delta ${delta} lane ${lane}: maxEnd`);
          assert.equal(t.count(lane), fresh.count(lane));
        }
      }
    }
  }
});

test('span table: repeated strings keep their interned index', () => {
  const t = new SpanTable();
  const mk = (id: number, label: string): Span => ({
    id,
    lane: 'a',
    kind: 'run',
    start: id,
    end: id + 1,
    label,
  });
  // Fresh string objects with the same text, and different texts sharing a length and ends.
  for (let i = 0; i < 50; i++) t.upsert(mk(i, ['ab' + 'c', 'axc', 'abc', 'a' + 'bc'][i % 4]));
  assert.deepEqual(t.strings.list, ['abc', 'axc']);
  assert.deepEqual(
    t.spans().map((s) => s.label),
    Array.from({ length: 50 }, (_, i) => (i % 4 === 1 ? 'axc' : 'abc')),
  );
});

test('mark list: per-lane lists stay sorted by time and follow upserts and retain', () => {
  const r = rng(9);
  const list = new MarkList();
  const held = new Map<number, Mark>();
  let now = 0;
  for (let i = 0; i < 400; i++) {
    let m: Mark;
    if (r() < 0.15 && held.size) {
      const o = [...held.values()][Math.floor(r() * held.size)];
      m = { ...o, t: o.t + (r() - 0.5) * 10, lane: LANES[Math.floor(r() * 3)] };
    } else {
      now += r() * 2;
      m = {
        id: i,
        lane: LANES[Math.floor(r() * 3)],
        kind: 'print',
        t: r() < 0.1 ? now - r() * 30 : now,
        text: `p${i}`,
      };
    }
    held.set(m.id, m);
    list.upsert(m);
    if (i === 300) {
      const cut = now / 2;
      list.retain((x) => x.t >= cut);
      for (const [id, x] of held) if (x.t < cut) held.delete(id);
    }
  }
  assert.deepEqual(
    list.all.map((m) => m.id).sort((a, b) => a - b),
    [...held.keys()].sort((a, b) => a - b),
  );
  for (const lane of LANES) {
    const want = [...held.values()]
      .filter((m) => m.lane === lane)
      .sort((a, b) => a.t - b.t || a.id - b.id)
      .map((m) => m.id);
    assert.deepEqual(
      (list.byLane.get(lane) ?? []).map((m) => m.id),
      want,
      lane,
    );
  }
  // The latest time held (a mark moved back in time may leave it a little later: an upper bound).
  assert.ok(list.maxT >= Math.max(...[...held.values()].map((m) => m.t)));
});
