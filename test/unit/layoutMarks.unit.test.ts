// Mark positions of a frame (webview/layoutMarks.ts): marks in row order (as visibleMarks gives
// them) merge without a map into exactly the positions of a plain merge by (row, kind, column),
// and marks in any other order still merge by that key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lane, Mark, MarkKind } from '../../src/shared/webviewProtocol';
import { layout, type Layout } from '../../webview/layout';
import { visibleMarks } from '../../webview/markIndex';

const KINDS: MarkKind[] = ['print', 'exc', 'io', 'spawn'];

/** Marks on 6 lanes (one not shown), clustered so that many share a pixel column. */
function randomMarks(n: number, seed: number): Mark[] {
  let a = seed;
  const r = (): number => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    lane: String(1 + Math.floor(r() * 6)),
    kind: KINDS[Math.floor(r() * KINDS.length)],
    t: Math.floor(r() * (seed % 2 ? 40 : 3)) * 25_000 + Math.floor(r() * r() * 3000),
    text: '',
  }));
}

/** The expected positions: one per (row, kind, rounded column), in order of first mark. */
function plainMerge(l: Layout, marks: readonly Mark[], x: (t: number) => number, lo: number) {
  const at = new Map<
    string,
    { id: number; lane: string; kind: MarkKind; x: number; y: number; marks: Mark[] }
  >();
  for (const m of marks) {
    const row = l.rowById.get(m.lane);
    const mx = x(m.t);
    if (!row || mx < lo || mx > 902) continue;
    const key = `${row.id}/${m.kind}/${Math.round(mx - lo)}`;
    const p = at.get(key);
    if (p) p.marks.push(m);
    else at.set(key, { id: m.id, lane: m.lane, kind: m.kind, x: mx, y: row.y + 10, marks: [m] });
  }
  return [...at.values()];
}

test('marks in row order merge per row, kind and pixel column like a keyed merge', () => {
  const lanes = ['1', '2', '3', '4', '5'].map((id) => ({ id, pid: Number(id), order: 0 }) as Lane);
  for (let seed = 1; seed <= 20; seed++) {
    const marks = randomMarks(seed % 2 ? 3000 : 8 + seed, seed);
    const d0 = seed * 7_000;
    const d1 = d0 + 900_000 + seed * 13_000;
    const base = { lanes, spans: [], domain: [d0, d1] as const, range: [100, 900] as const };
    const rows = layout({ ...base, marks: [], laneHeight: 20, now: 1e6 });
    const ordered = visibleMarks(marks, rows.rows, d0 - 5000, d1 + 5000);
    const got = layout({ ...base, marks: ordered, laneHeight: 20, now: 1e6 });
    const k = 800 / (d1 - d0);
    const x = (t: number): number => 100 + (t - d0) * k;
    assert.deepEqual(got.marks, plainMerge(got, ordered, x, 98), `seed ${seed}`);
    // Each row's marks together but not by time (by id): the keyed path, the same positions.
    const byId = lanes.flatMap((l) =>
      ordered.filter((m) => m.lane === l.id).sort((p, q) => p.id - q.id),
    );
    const rev = layout({ ...base, marks: byId, laneHeight: 20, now: 1e6 });
    assert.deepEqual(rev.marks, plainMerge(got, byId, x, 98), `seed ${seed} by id`);
    // Any other order (here: by id across lanes) takes the keyed path: the same positions.
    const shuffled = layout({ ...base, marks, laneHeight: 20, now: 1e6 });
    const key = (p: { lane: string; kind: string; marks: Mark[] }): string =>
      `${p.lane}/${p.kind}/${p.marks.map((m) => m.id).sort((a, b) => a - b)}`;
    assert.deepEqual(shuffled.marks.map(key).sort(), plainMerge(got, marks, x, 98).map(key).sort());
  }
});
