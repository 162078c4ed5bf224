// Pure hit testing on a computed layout: what lies under the pointer (works for SVG and canvas).
import type { Layout, LaneRow, MarkPos, SpanRect } from './layout';

/** Everything under a point: its row, the nearest mark within tolerance, the spans crossing x. */
export interface Hit {
  row: LaneRow;
  mark: MarkPos | null;
  spans: SpanRect[];
}

/** Draw order of span kinds: later ones are on top and listed first in a hit. */
const SPAN_Z: Record<SpanRect['kind'], number> = {
  run: 0,
  task: 1,
  queueBlock: 2,
  lockWait: 3,
  lockHold: 4,
  sleep: 5,
};

/** 1 when y lies in the span's own vertical band (a sleep inset does not cover a hold's edge). */
const inBand = (s: SpanRect, y: number): number =>
  y >= s.y - 0.5 && y <= s.y + s.height + 0.5 ? 1 : 0;

/** The row at y, the closest mark within `tolerance` px of x on it, and the spans containing x. */
export function hitTest(l: Layout, x: number, y: number, tolerance = 4): Hit | null {
  if (l.rows.length === 0 || y < 0) return null;
  const h = l.rows[0].height;
  const row = l.rows[Math.floor(y / h)];
  if (!row) return null;
  let mark: MarkPos | null = null;
  let best = tolerance + 1;
  for (const m of l.marks) {
    if (m.lane !== row.id) continue;
    const d = Math.abs(m.x - x);
    if (d < best) {
      best = d;
      mark = m;
    }
  }
  const near = l.find ? l.find.spansAt(row.id, x - 1, x + 1) : l.spans;
  const spans = near
    .filter((s) => s.lane === row.id && x >= s.x - 1 && x <= s.x + s.width + 1)
    .sort((a, b) => inBand(b, y) - inBand(a, y) || SPAN_Z[b.kind] - SPAN_Z[a.kind]);
  return { row, mark, spans };
}
