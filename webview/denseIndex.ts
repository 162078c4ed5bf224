// Pure dense-frame geometry straight from the span table's per-lane index: only the spans of the
// given rows inside the time window are visited, and per row, kind and lock every pixel column is
// set at most once, so a frame costs O(visible spans + rows × width) and draws at most one rect
// per row, style and pixel column. Also the index-based lookups hit tests need (Layout.find).
import type { SpanKind } from '../src/shared/webviewProtocol';
import { DENSE_ORDER } from './dense';
import { spanBand, type LaneRow, type SpanFinder, type SpanRect } from './layout';
import { lodLevel, nextLodFrame, splitAtCuts, type LodLevel } from './laneLod';
import { KINDS, type SpanTable } from './spanTable';

/** The visible time window mapped to the plot: [d0, d1] ns onto [left, right] px; `now` ends open spans. */
export interface DenseWindow {
  d0: number;
  d1: number;
  left: number;
  right: number;
  now: number;
}

/** Merged rects of one style (a kind and a lock index), as flat [x, y, width, height, …]. */
export interface DenseBatch {
  kind: SpanKind;
  lock: number | null;
  rects: number[];
}

/** Draw order rank of each kind code. */
const RANK = KINDS.map((k) => DENSE_ORDER.indexOf(k));

let slotTable = new Int32Array(0);

/** A shared key → slot table of `n` entries, all -1 (callers put back -1 after use). */
function slots(n: number): Int32Array {
  if (slotTable.length < n) slotTable = new Int32Array(n).fill(-1);
  return slotTable;
}

/** Per interned lock id of the table, its index in the layout's lock list (-1: a queue or unknown). */
export function lockIndex(t: SpanTable, locks: readonly string[]): Int32Array {
  const at = new Map(locks.map((id, i) => [id, i]));
  return Int32Array.from(t.lockIds.list, (id) => at.get(id) ?? -1);
}

/** Upper bound of the spans of `rows` overlapping the window (two binary searches per row). */
export function countVisible(t: SpanTable, rows: readonly LaneRow[], w: DenseWindow): number {
  let n = 0;
  for (const row of rows) {
    const r = t.range(row.id, w.d0, w.d1);
    if (r) n += r[2] - r[1];
  }
  return n;
}

/** The spans of `rows` overlapping the window, as objects (for the SVG when few are visible). */
export function visibleSpans(t: SpanTable, rows: readonly LaneRow[], w: DenseWindow) {
  const out = [];
  for (const row of rows) {
    const rng = t.range(row.id, w.d0, w.d1);
    if (!rng) continue;
    const [{ rows: ix }, lo, hi] = rng;
    for (let i = lo; i < hi; i++) {
      const e = t.end[ix[i]];
      if ((Number.isNaN(e) ? w.now : e) >= w.d0) out.push(t.span(ix[i]));
    }
  }
  return out;
}

/** Columns of spans in start order: a lane index's raw spans or a level's merged entries. */
type SpanCols = Pick<LodLevel, 'start' | 'end' | 'kind' | 'lock'>;

/** First position in [lo, hi) whose start is at least `t` (or hi). */
function firstFrom(start: Float64Array, t: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merge the spans of `rows` in the window into per-style batches, ordered by kind then lock.
 * A row's index lists its spans by start, so per style the pixel-column runs come out in order:
 * a span that starts within (or right after) the style's current run extends it, any other ends
 * the run and starts the next. No per-column bitmap is filled or scanned. Where a lane has a
 * level of detail for this pixel size (webview/laneLod.ts) its merged entries stand in for the
 * raw spans between two cuts, which gives the same runs.
 */
export function mergeIndexed(
  t: SpanTable,
  rows: readonly LaneRow[],
  w: DenseWindow,
  locks: Int32Array,
): DenseBatch[] {
  nextLodFrame();
  const m = new RunMerge(w, locks);
  for (const row of rows) {
    const rng = t.range(row.id, w.d0, w.d1);
    if (!rng) continue;
    // The lane's own copies of its spans' columns, in index order: read one after another.
    const [ix, lo, hi] = rng;
    m.row = row;
    const level = lodLevel(ix, 1 / m.k);
    // Entries only from where every raw span starts inside the window: a merged entry may hold
    // spans that end before it (skipped raw) or start after it (not visited raw).
    const cut = level && splitAtCuts(level, firstFrom(ix.start, w.d0, lo, hi), hi);
    if (level && cut) {
      m.add(ix, lo, cut[0]);
      m.add(level, cut[1], cut[2]);
      m.add(ix, cut[3], hi);
    } else m.add(ix, lo, hi);
    m.endRow();
  }
  return [...m.batches.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** The state of mergeIndexed: the window's pixel mapping, the batches, and per style key of the
 *  current row the open run's first and last column and where its rects go. */
class RunMerge {
  readonly x0: number;
  readonly n: number;
  readonly k: number;
  readonly batches = new Map<number, DenseBatch>();
  /** Slot of a (kind, lock) key within the current row, -1 when unused (reset after each row). */
  readonly slot = slots(RANK.length * 4096);
  readonly keys: number[] = [];
  readonly runA: number[] = [];
  readonly runB: number[] = [];
  readonly rects: number[][] = [];
  readonly y: number[] = [];
  readonly h: number[] = [];
  row!: LaneRow;

  constructor(
    readonly w: DenseWindow,
    readonly locks: Int32Array,
  ) {
    this.x0 = Math.floor(w.left);
    this.n = Math.max(1, Math.ceil(w.right) - this.x0 + 1);
    this.k = (w.right - w.left) / (w.d1 - w.d0 || 1);
  }

  /** Add spans [lo, hi) of `c` (in start order, after the row's earlier ones) to the runs. */
  add(c: SpanCols, lo: number, hi: number): void {
    const { start, end, kind, lock: lockCol } = c;
    const { x0, n, k, slot, runA, runB, locks } = this;
    const { d0, left, now } = this.w;
    for (let i = lo; i < hi; i++) {
      const e0 = end[i];
      const e = e0 === e0 ? e0 : Math.max(now, start[i]);
      if (e < d0) continue;
      const a = Math.max(0, Math.floor(left + (start[i] - d0) * k) - x0);
      const b = Math.min(n - 1, Math.max(a, Math.ceil(left + (e - d0) * k) - 1 - x0));
      if (b < a) continue;
      const lk = lockCol[i] < 0 ? -1 : locks[lockCol[i]];
      const key = RANK[kind[i]] * 4096 + (lk < 0 ? 4095 : lk % 4095);
      const g = slot[key];
      if (g < 0) this.open(key, kind[i], a, b);
      else if (a <= runB[g] + 1) {
        if (b > runB[g]) runB[g] = b;
      } else {
        this.rects[g].push(x0 + runA[g], this.y[g], runB[g] - runA[g] + 1, this.h[g]);
        runA[g] = a;
        runB[g] = b;
      }
    }
  }

  /** The row's first span of style `key`: a slot with run [a, b]. */
  private open(key: number, kind: number, a: number, b: number): void {
    const g = (this.slot[key] = this.keys.length);
    this.keys.push(key);
    let batch = this.batches.get(key);
    if (!batch) {
      const lock = key % 4096 === 4095 ? null : key % 4096;
      this.batches.set(key, (batch = { kind: DENSE_ORDER[RANK[kind]], lock, rects: [] }));
    }
    const [off, bh] = spanBand(batch.kind, this.row.height);
    this.rects[g] = batch.rects;
    this.y[g] = this.row.y + off;
    this.h[g] = bh;
    this.runA[g] = a;
    this.runB[g] = b;
  }

  /** Close the row's open runs and free its slots. */
  endRow(): void {
    const { keys, runA, runB, x0 } = this;
    for (let g = 0; g < keys.length; g++) {
      this.slot[keys[g]] = -1;
      this.rects[g].push(x0 + runA[g], this.y[g], runB[g] - runA[g] + 1, this.h[g]);
    }
    keys.length = 0;
  }
}

/** Index-based span lookups for a frame's rows and window (hit tests, selection outline). */
export function spanFinder(
  t: SpanTable,
  rowOf: (lane: string) => LaneRow | undefined,
  w: DenseWindow,
  locks: readonly string[],
): SpanFinder {
  const k = (w.right - w.left) / (w.d1 - w.d0 || 1);
  const time = (x: number): number => w.d0 + (x - w.left) / k;
  const rect = (r: number, row: LaneRow): SpanRect => {
    const s = t.span(r);
    const a = Math.max(w.left - 2, w.left + (s.start - w.d0) * k);
    const e = s.end ?? Math.max(w.now, s.start);
    const b = Math.min(w.right + 2, w.left + (e - w.d0) * k);
    const [off, bh] = spanBand(s.kind, row.height);
    const lock = s.lockId === undefined ? -1 : locks.indexOf(s.lockId);
    return {
      ...{ id: s.id, lane: s.lane, kind: s.kind, x: a, width: Math.max(1, b - a) },
      ...{
        y: row.y + off,
        height: bh,
        open: s.end === null,
        lock: lock < 0 ? null : lock,
        span: s,
      },
    };
  };
  return {
    spansAt(lane, xa, xb) {
      const row = rowOf(lane);
      const rng = row && row.id === lane ? t.range(lane, time(xa), time(xb)) : null;
      if (!row || !rng) return [];
      const [{ rows: ix }, lo, hi] = rng;
      const out: SpanRect[] = [];
      const t0 = time(xa);
      for (let i = lo; i < hi; i++) {
        const e = t.end[ix[i]];
        if ((Number.isNaN(e) ? w.now : e) >= t0) out.push(rect(ix[i], row));
      }
      return out;
    },
    spanRect(id) {
      const r = t.row(id);
      const row = r < 0 ? undefined : rowOf(t.lanes.list[t.lane[r]]);
      return row && row.id === t.lanes.list[t.lane[r]] ? rect(r, row) : null;
    },
  };
}
