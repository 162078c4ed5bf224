// The overview strip: the whole run in miniature on a canvas (one thin row per lane, spans coloured
// by kind and lock), with a box showing the visible window. Drag on it to choose what to show.
import type { Selection } from 'd3';
import type { Layout, SwimlaneModel } from './layout';
import type { Palette } from './palette';

/** Height of the strip in px. */
export const OVERVIEW_HEIGHT = 30;

/** Handles on the strip's elements. */
export interface Overview {
  el: Selection<HTMLDivElement, unknown, null, undefined>;
  canvas: HTMLCanvasElement;
  win: HTMLDivElement;
  /** What the canvas shows now: redrawn only when the model or the geometry changes. */
  drawn: { model: SwimlaneModel | null; key: string };
}

/** Build the strip into `parent`. */
export function createOverview(parent: Selection<HTMLElement, unknown, null, undefined>): Overview {
  const el = parent.append('div').attr('class', 'sl-overview').attr('data-testid', 'overview');
  const canvas = el.append('canvas').attr('class', 'sl-overview-canvas').node()!;
  const win = el
    .append('div')
    .attr('class', 'sl-overview-window')
    .attr('data-testid', 'overview-window')
    .node()!;
  return { el, canvas, win, drawn: { model: null, key: '' } };
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
  const index = new Map(l.rows.map((r, i) => [r.id, i]));
  const locks = new Map(l.locks.map((id, i) => [id, i]));
  for (const s of m.spans) {
    const i = index.get(s.lane) ?? index.get(s.lane.split('/')[0]);
    if (i === undefined || s.kind === 'sleep') continue;
    const [c, a] = colour(s.kind, s.lockId === undefined ? null : (locks.get(s.lockId) ?? 0));
    ctx.fillStyle = c;
    ctx.globalAlpha = Math.max(0.45, a);
    const x = left + s.start * k;
    const w = Math.max(1, ((s.end ?? end) - s.start) * k);
    ctx.fillRect(x, 2 + i * rh, w, Math.max(1, rh - (rh > 3 ? 1 : 0)));
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
  ov.win.classList.toggle('hidden', win === null);
  if (!win) return;
  const k = (right - left) / Math.max(1, end);
  ov.win.style.left = `${left + win[0] * k}px`;
  ov.win.style.width = `${Math.max(2, (win[1] - win[0]) * k)}px`;
}
