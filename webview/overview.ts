// The overview strip: the whole run in miniature on a canvas (one thin row per lane, spans coloured
// by kind and lock, merged per pixel), with a box showing the visible window. Drag on it to choose what to show.
import type { Selection } from 'd3';
import { classIf } from './dom';
import type { Layout, SwimlaneModel } from './layout';
import { LOCK_COLOURS } from './laneLayers';
import { tableOf } from './modelSpans';
import type { Palette } from './palette';
import { KINDS } from './spanTable';

/** Styles of the strip: a span kind and one of the lock colours. */
const STYLES = KINDS.length * LOCK_COLOURS;

/** Height of the strip in px. */
export const OVERVIEW_HEIGHT = 30;

/** Handles on the strip's elements. */
export interface Overview {
  el: Selection<HTMLDivElement, unknown, null, undefined>;
  canvas: HTMLCanvasElement;
  win: HTMLDivElement;
  /** What the canvas shows now: redrawn only when the model or the geometry changes. */
  drawn: { model: SwimlaneModel | null; key: string };
  /** A deferred paint of a big run's strip: its timer, the paint, when the last one ran. */
  timer: ReturnType<typeof setTimeout> | 0;
  paint: (() => void) | null;
  last: number;
}

/** From this many spans on, the strip is painted after the frame (and at most every DEFER_MS). */
export const DEFER_SPANS = 100_000;
const DEFER_MS = 250;

/** Build the strip into `parent`. */
export function createOverview(parent: Selection<HTMLElement, unknown, null, undefined>): Overview {
  const el = parent.append('div').attr('class', 'sl-overview').attr('data-testid', 'overview');
  const canvas = el.append('canvas').attr('class', 'sl-overview-canvas').node()!;
  const win = el
    .append('div')
    .attr('class', 'sl-overview-window')
    .attr('data-testid', 'overview-window')
    .node()!;
  return { el, canvas, win, drawn: { model: null, key: '' }, timer: 0, paint: null, last: 0 };
}

/**
 * Draw the whole run (`m`, lanes in `rows` order) into the strip; plot x range [left, right] maps
 * [0, end] ns; `win` is the visible window (null: everything, no box).
 */
export function drawOverview(
  ov: Overview,
  m: SwimlaneModel,
  l: Layout,
  width: number,
  left: number,
  right: number,
  end: number,
  win: readonly [number, number] | null,
  colour: Palette,
): void {
  placeWindow(ov, left, right, end, win);
  const key = `${width},${left},${right},${end},${l.rows.length},${l.rows.map((r) => r.id).join()}`;
  if (ov.drawn.model === m && ov.drawn.key === key) return;
  ov.drawn = { model: m, key };
  const paint = (): void => paintStrip(ov, m, l, width, left, right, end, colour);
  if (tableOf(m).size < DEFER_SPANS) return paint();
  // A big run: the strip (one pass over every span) is painted after this frame, at most every
  // DEFER_MS while a run streams in, so the lanes are not held up by the miniature.
  ov.paint = paint;
  if (ov.timer) return;
  ov.timer = setTimeout(
    () => {
      ov.timer = 0;
      ov.last = performance.now();
      ov.paint?.();
      ov.paint = null;
    },
    Math.max(0, ov.last + DEFER_MS - performance.now()),
  );
}

/** Paint the whole run into the strip (see drawOverview). */
function paintStrip(
  ov: Overview,
  m: SwimlaneModel,
  l: Layout,
  width: number,
  left: number,
  right: number,
  end: number,
  colour: Palette,
): void {
  const dpr = window.devicePixelRatio || 1;
  const h = OVERVIEW_HEIGHT;
  if (ov.canvas.width !== Math.round(width * dpr)) ov.canvas.width = Math.round(width * dpr);
  if (ov.canvas.height !== Math.round(h * dpr)) ov.canvas.height = Math.round(h * dpr);
  ov.canvas.style.width = `${width}px`;
  ov.canvas.style.height = `${h}px`;
  const ctx = ov.canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, h);
  const k = (right - left) / Math.max(1, end);
  const n = Math.max(1, l.rows.length);
  const rh = (h - 4) / n;
  const bands = Math.max(1, Math.min(n, h - 4));
  const t = tableOf(m);
  // Per interned lane: its band (a hidden thread uses its process's), -1 when not shown.
  const index = new Map(l.rows.map((r, i) => [r.id, i]));
  const band = Int32Array.from(t.lanes.list, (id) => {
    const i = index.get(id) ?? index.get(id.split('/')[0]);
    return i === undefined ? -1 : Math.floor((i * bands) / n);
  });
  const locks = new Map(l.locks.map((id, i) => [id, i]));
  const lockOf = Int32Array.from(t.lockIds.list, (id) => locks.get(id) ?? 0);
  // Pixel merging: one bit per (band, style, column), a style being a kind and a lock colour.
  const cols = Math.max(1, Math.ceil(width));
  const bits = new Uint8Array(bands * STYLES * cols);
  const used = new Uint8Array(STYLES);
  // One pass over the columns (a million spans: tens of ms), typed arrays read into locals.
  const { kind: kinds, lane: lanes, start, end: ends, lock: lockCol, size } = t;
  const sleep = KINDS.indexOf('sleep');
  const styleOf = Int32Array.from(lockOf, (c) => c % LOCK_COLOURS);
  for (let r = 0; r < size; r++) {
    const kind = kinds[r];
    const b = band[lanes[r]];
    if (b < 0 || kind === sleep) continue;
    const e = ends[r];
    const x0 = Math.max(0, Math.floor(left + start[r] * k));
    const x1 = Math.min(cols - 1, Math.max(x0, Math.ceil(left + (e === e ? e : end) * k) - 1));
    const style = kind * LOCK_COLOURS + (lockCol[r] < 0 ? 0 : styleOf[lockCol[r]]);
    used[style] = 1;
    const row = (b * STYLES + style) * cols;
    if (x1 === x0) bits[row + x0] = 1;
    else bits.fill(1, row + x0, row + x1 + 1);
  }
  const bh = bands === n ? Math.max(1, rh - (rh > 3 ? 1 : 0)) : 1;
  const by = bands === n ? rh : (h - 4) / bands;
  for (let style = 0; style < STYLES; style++) {
    if (!used[style]) continue;
    const [c, a] = colour(KINDS[Math.floor(style / LOCK_COLOURS)], style % LOCK_COLOURS);
    ctx.fillStyle = c;
    ctx.globalAlpha = Math.max(0.45, a);
    for (let b = 0; b < bands; b++) {
      const line = bits.subarray((b * STYLES + style) * cols, (b * STYLES + style + 1) * cols);
      for (let x = line.indexOf(1); x >= 0;) {
        let x2 = line.indexOf(0, x);
        if (x2 < 0) x2 = cols;
        ctx.fillRect(x, 2 + b * by, x2 - x, bh);
        x = x2 < cols ? line.indexOf(1, x2) : -1;
      }
    }
  }
  ctx.globalAlpha = 1;
}

/** Place the box of the visible window (hidden when everything is visible). */
function placeWindow(
  ov: Overview,
  left: number,
  right: number,
  end: number,
  win: readonly [number, number] | null,
): void {
  classIf(ov.win, 'hidden', win === null);
  if (!win) return;
  const k = (right - left) / Math.max(1, end);
  const x = `${left + win[0] * k}px`;
  const w = `${Math.max(2, (win[1] - win[0]) * k)}px`;
  if (ov.win.style.left !== x) ov.win.style.left = x;
  if (ov.win.style.width !== w) ov.win.style.width = w;
}
