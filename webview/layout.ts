// Pure geometry for the swimlane: model (lanes, spans, marks) + time scale → rows, rects, points.
// No DOM and no d3-selection here, so a canvas layer can reuse it for dense traces.
import type {
  Flow,
  Header,
  Lane,
  Mark,
  MarkKind,
  Span,
  SpanKind,
} from '../src/shared/webviewProtocol';

export { laneLabel, lockOrder, orderLanes } from './laneOrder';
export { spanBand } from './spanBand';
import { spanBand } from './spanBand';
import type { SpanTable } from './spanTable';
import { laneLabel, lockOrder, orderLanes } from './laneOrder';
import { layoutMarks } from './layoutMarks';

/**
 * What the webview knows of a run: lanes sorted by order, spans, marks, the header. Spans come as
 * an array (small hand-made models) or as a columnar table (the store); read them via tableOf().
 */
export interface SwimlaneModel {
  lanes: readonly Lane[];
  spans?: readonly Span[];
  /** The spans in columns with a per-lane time index (set by the store; wins over `spans`). */
  table?: SpanTable;
  marks: readonly Mark[];
  /** The marks per lane sorted by time and the latest mark time, kept by the store as deltas
   *  come in (absent: derived from `marks`). */
  markIndex?: { byLane: ReadonlyMap<string, readonly Mark[]>; maxT: number };
  /** Arrows (spawn, queue put → get); absent in older hosts. */
  flows?: readonly Flow[];
  header: Header | null;
}

/** Inputs of {@link layout}: the items, a linear time scale (ns → px) and the lane height. */
export interface LayoutInput {
  lanes: readonly Lane[];
  spans: readonly Span[];
  marks: readonly Mark[];
  /** Visible time window in ns. */
  domain: readonly [number, number];
  /** Pixel x of domain[0] and domain[1]. */
  range: readonly [number, number];
  laneHeight: number;
  /** End time (ns) for open spans and lanes that are still running. */
  now: number;
  /** Process lane ids whose thread sub-lanes are hidden. */
  collapsed?: ReadonlySet<string>;
  /** Lock colour order of the whole run (when `spans` holds only the visible ones). */
  locks?: readonly string[];
  /** A layout of the same lanes, window and lane height: its rows are reused, not rebuilt. */
  rowsOf?: Pick<Layout, 'rows' | 'rowById'>;
}

/** One lane row: vertical position, tree depth and the running bar's extent. */
export interface LaneRow {
  id: string;
  pid: number;
  y: number;
  height: number;
  depth: number;
  label: string;
  lane: Lane;
  /** Thread sub-lanes of this process lane (shown or not). */
  threads: number;
  /** True when this process lane's threads are hidden. */
  collapsed: boolean;
  /** The lane's lifetime bar (begin → end or now), null when it has no known begin. */
  bar: { x: number; width: number } | null;
}

/** A span's rectangle; `lock` is the index of its lock id in {@link Layout.locks}. */
export interface SpanRect {
  id: number;
  lane: string;
  kind: SpanKind;
  x: number;
  width: number;
  y: number;
  height: number;
  open: boolean;
  lock: number | null;
  span: Span;
}

/** A mark's position; marks of one kind on one lane that share a pixel are merged. */
export interface MarkPos {
  id: number;
  lane: string;
  kind: MarkKind;
  x: number;
  y: number;
  marks: Mark[];
}

/** Output of {@link layout}. */
export interface Layout {
  rows: LaneRow[];
  rowById: Map<string, LaneRow>;
  spans: SpanRect[];
  marks: MarkPos[];
  /** Lock ids in order of first use; a span's `lock` indexes this list. */
  locks: string[];
  /** Total height of all rows. */
  height: number;
  /** Row of a lane id, or of its process when the lane is a hidden thread. */
  rowOf(lane: string): LaneRow | undefined;
  /**
   * Set when the spans are drawn on the canvas straight from the span index (so `spans` is empty):
   * the span rects of a row between two x (px), and the rect of one span by id.
   */
  find?: SpanFinder;
}

/** Span lookups through the index, for hit tests and the selection outline in dense frames. */
export interface SpanFinder {
  spansAt(lane: string, x0: number, x1: number): SpanRect[];
  spanRect(id: number): SpanRect | null;
}

/** Compute all geometry for one frame. Items outside the visible window are left out. */
export function layout(input: LayoutInput): Layout {
  const { domain, range, laneHeight: h, now } = input;
  const d0 = domain[0];
  const span = domain[1] - domain[0] || 1;
  const k = (range[1] - range[0]) / span;
  const x = (t: number): number => range[0] + (t - d0) * k;
  const lo = Math.min(range[0], range[1]) - 2;
  const hi = Math.max(range[0], range[1]) + 2;
  /** Horizontal extent of [t0, t1] clamped to the visible range, or null when off screen. */
  const extent = (t0: number, t1: number): { x: number; width: number } | null => {
    const a = x(t0);
    const b = x(Math.max(t0, t1));
    if (b < lo || a > hi) return null;
    const ca = Math.max(a, lo);
    const cb = Math.min(b, hi);
    return { x: ca, width: Math.max(1, cb - ca) };
  };

  const { rows, rowById } = input.rowsOf ?? laneRows(input, extent);

  const locks = input.locks ? [...input.locks] : lockOrder(input.spans);
  const lockIndex = new Map(locks.map((id, i) => [id, i]));
  const spans: SpanRect[] = [];
  for (const s of input.spans) {
    const row = rowById.get(s.lane);
    if (!row) continue;
    const e = extent(s.start, s.end ?? Math.max(now, s.start));
    if (!e) continue;
    const [off, bh] = spanBand(s.kind, h);
    const lock = s.lockId === undefined ? null : (lockIndex.get(s.lockId) ?? null);
    spans.push({
      id: s.id,
      lane: s.lane,
      kind: s.kind,
      x: e.x,
      width: e.width,
      y: row.y + off,
      height: bh,
      open: s.end === null,
      lock,
      span: s,
    });
  }

  const marks = layoutMarks(input.marks, rows, rowById, x, lo, hi, h);

  const rowOf = (id: string): LaneRow | undefined =>
    rowById.get(id) ?? rowById.get(id.split('/')[0]);
  return { rows, rowById, spans, marks, locks, height: rows.length * h, rowOf };
}

/** The rows of `input`'s lanes in display order; `extent` maps a time range to its clamped x. */
function laneRows(
  input: LayoutInput,
  extent: (t0: number, t1: number) => { x: number; width: number } | null,
): Pick<Layout, 'rows' | 'rowById'> {
  const { laneHeight: h, now } = input;
  const rows: LaneRow[] = [];
  const rowById = new Map<string, LaneRow>();
  const threads = new Map<string, number>();
  for (const l of input.lanes) {
    if (l.thread !== undefined) threads.set(String(l.pid), (threads.get(String(l.pid)) ?? 0) + 1);
  }
  orderLanes(input.lanes, input.collapsed).forEach(({ lane, depth }, i) => {
    const begin = lane.begin;
    const end = lane.end ?? Math.max(now, begin ?? 0);
    const row: LaneRow = {
      id: lane.id,
      pid: lane.pid,
      y: i * h,
      height: h,
      depth,
      label: laneLabel(lane),
      lane,
      threads: lane.thread === undefined ? (threads.get(lane.id) ?? 0) : 0,
      collapsed: lane.thread === undefined && (input.collapsed?.has(lane.id) ?? false),
      bar: begin === null ? null : extent(begin, end),
    };
    rows.push(row);
    rowById.set(lane.id, row);
  });
  return { rows, rowById };
}
