// Dense layer on a canvas under the lanes <svg>: lane bars, merged spans (lock waits hatched like
// the SVG's), and mark ticks when too many marks are in view for the SVG. The canvas covers only
// the scrolled viewport (it follows scrollTop), so its size does not grow with the lane count.
import type { DenseBatch } from './denseIndex';
import type { LaneRow, MarkPos } from './layout';
import type { Palette } from './palette';

/** Where the canvas sits: the lanes' width, the viewport rows [top, top + height), the plot x range. */
export interface CanvasFrame {
  width: number;
  top: number;
  height: number;
  left: number;
  right: number;
}

/** What else the canvas may draw. */
export interface CanvasExtras {
  /** When a lock or queue is focused: whether a (kind, lock) batch is unrelated and dims. */
  dim?: ((kind: DenseBatch['kind'], lock: number | null) => boolean) | null;
  /** Marks drawn as ticks (too many for SVG glyphs). */
  ticks?: readonly MarkPos[];
  /** x (px) of vertical grid lines (drawn here instead of in the SVG on dense frames). */
  grid?: readonly number[];
}

/** Hatch tiles per (lock colour, background): a diagonal line on a tinted background. */
const hatches = new Map<string, CanvasPattern | null>();

/** The lock-wait hatch for `colour` (as the SVG's sl-hatch-N pattern: 14% tint, 45° lines). */
function hatch(ctx: CanvasRenderingContext2D, colour: string, bg: string): CanvasPattern | null {
  const key = `${colour}|${bg}`;
  let p = hatches.get(key);
  if (p !== undefined) return p;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const c = tile.getContext('2d');
  if (c) {
    c.fillStyle = bg;
    c.fillRect(0, 0, 6, 6);
    c.globalAlpha = 0.14;
    c.fillStyle = colour;
    c.fillRect(0, 0, 6, 6);
    c.globalAlpha = 0.8;
    c.strokeStyle = colour;
    c.lineWidth = 1.5;
    c.beginPath();
    for (const d of [-6, 0, 6]) {
      c.moveTo(d, 6);
      c.lineTo(d + 6, 0);
    }
    c.stroke();
  }
  p = c ? ctx.createPattern(tile, 'repeat') : null;
  hatches.set(key, p);
  return p;
}

/**
 * Size `canvas` to the viewport and draw lane bars of `rows`, the span batches and the mark
 * ticks, clipped to the plot [left, right]; with `batches` null the canvas is cleared and hidden.
 */
export function drawDenseCanvas(
  canvas: HTMLCanvasElement,
  batches: DenseBatch[] | null,
  rows: readonly LaneRow[],
  size: CanvasFrame,
  colour: Palette,
  more: CanvasExtras = {},
): void {
  const { dim = null, ticks = [], grid = [] } = more;
  canvas.classList.toggle('hidden', batches === null && ticks.length === 0);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (batches === null && ticks.length === 0) {
    if (canvas.width > 1) canvas.width = canvas.height = 1;
    return;
  }
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(size.width * dpr);
  const h = Math.round(Math.max(1, size.height) * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${Math.max(1, size.height)}px`;
  canvas.style.top = `${size.top}px`;
  ctx.setTransform(dpr, 0, 0, dpr, 0, -size.top * dpr);
  ctx.clearRect(0, size.top, size.width, size.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(size.left, size.top, size.right - size.left, size.height);
  ctx.clip();
  const [muted] = colour('run', null);
  ctx.fillStyle = colour.foreground;
  ctx.globalAlpha = 0.07;
  for (const gx of grid) ctx.fillRect(Math.round(gx) - 0.5, size.top, 1, size.height);
  if (batches) {
    ctx.fillStyle = muted;
    ctx.globalAlpha = 0.75;
    for (const r of rows) {
      if (r.bar) ctx.fillRect(r.bar.x, r.y + Math.round(r.height / 2) - 1, r.bar.width, 2);
    }
  }
  // One path and one fill per (kind, lock) batch.
  for (const { kind, lock, rects } of batches ?? []) {
    const [c, a] = colour(kind, lock);
    const pattern = kind === 'lockWait' ? hatch(ctx, c, colour.background) : null;
    ctx.fillStyle = pattern ?? c;
    ctx.globalAlpha = (dim?.(kind, lock) ? 0.25 : 1) * (pattern ? 1 : a);
    ctx.beginPath();
    for (let i = 0; i < rects.length; i += 4)
      ctx.rect(rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
    ctx.fill();
  }
  ctx.globalAlpha = 0.9;
  for (const bad of [false, true]) {
    ctx.fillStyle = bad ? colour.error : colour.foreground;
    ctx.beginPath();
    for (const m of ticks) {
      if ((m.kind === 'exc' || m.kind === 'killed') !== bad) continue;
      const r = Math.max(3, Math.floor(rows[0]?.height ?? 16) / 2 - 2);
      ctx.rect(Math.round(m.x) - 0.5, m.y - r, 1, 2 * r);
    }
    ctx.fill();
  }
  ctx.restore();
  ctx.globalAlpha = 1;
}
