// Pure pixel-level merging for dense traces: per lane, kind and lock, every pixel column a span
// touches is set in a bitmap; runs of set columns become rectangles. A frame then draws at most
// ~width/2 rects per lane, kind and lock, however many spans there are.
import type { SpanKind } from '../src/shared/webviewProtocol';
import type { SpanRect } from './layout';

/** Above this many visible spans the span layers are drawn on a canvas, merged per pixel. */
export const DENSE_SPANS = 120;

/** A merged rectangle: spans of one lane, kind and lock over whole pixel columns. */
export interface DenseRect {
  lane: string;
  kind: SpanKind;
  lock: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draw order of kinds (a sleep inset stays visible on top of a hold); also the output order. */
export const DENSE_ORDER: readonly SpanKind[] = [
  'run',
  'task',
  'queueBlock',
  'lockWait',
  'lockHold',
  'sleep',
];

/** One bitmap: a lane, kind and lock with its vertical band. */
interface Group {
  lane: string;
  kind: SpanKind;
  lock: number | null;
  y: number;
  height: number;
  cols: Uint8Array;
}

/**
 * Merge spans into pixel-column runs within the plot [left, right] px; the result is ordered by
 * kind (DENSE_ORDER), then lock, so a renderer can fill each (kind, lock) batch as one path.
 */
export function mergeSpans(spans: readonly SpanRect[], left: number, right: number): DenseRect[] {
  const x0 = Math.floor(left);
  const n = Math.max(1, Math.ceil(right) - x0 + 1);
  const groups = new Map<string, Map<number, Group>>();
  for (const s of spans) {
    let byLane = groups.get(s.lane);
    if (!byLane) groups.set(s.lane, (byLane = new Map()));
    const key = DENSE_ORDER.indexOf(s.kind) * 4096 + (s.lock === null ? 4095 : s.lock % 4095);
    let g = byLane.get(key);
    if (!g) {
      const init = { lane: s.lane, kind: s.kind, lock: s.lock, y: s.y, height: s.height };
      byLane.set(key, (g = { ...init, cols: new Uint8Array(n) }));
    }
    const a = Math.max(0, Math.floor(s.x) - x0);
    const b = Math.min(n - 1, Math.max(a, Math.ceil(s.x + s.width) - 1 - x0));
    g.cols.fill(1, a, b + 1);
  }
  const all: { key: number; g: Group }[] = [];
  for (const byLane of groups.values()) for (const [key, g] of byLane) all.push({ key, g });
  all.sort((p, q) => p.key - q.key);
  const out: DenseRect[] = [];
  for (const { g } of all) {
    let start = -1;
    for (let i = 0; i <= n; i++) {
      const on = i < n && g.cols[i] === 1;
      if (on && start < 0) start = i;
      else if (!on && start >= 0) {
        const { lane, kind, lock, y, height } = g;
        out.push({ lane, kind, lock, x: x0 + start, y, width: i - start, height });
        start = -1;
      }
    }
  }
  return out;
}
