// Dense span layer on a canvas under the lanes <svg>: lane bars and merged spans, coloured from the
// theme's CSS variables. The SVG keeps rows, labels, marks, arrows and the selection.
import type { DenseRect } from './dense';
import type { LaneRow } from './layout';
import type { Palette } from './palette';

/**
 * Size `canvas` to width × height CSS px and draw lane bars and merged spans, clipped to the plot
 * [left, right]; with `rects` null the canvas is cleared and hidden.
 */
export function drawDenseCanvas(
  canvas: HTMLCanvasElement,
  rects: DenseRect[] | null,
  rows: readonly LaneRow[],
  size: { width: number; height: number; left: number; right: number },
  colour: Palette,
  /** When a lock or queue is focused: whether a (kind, lock) batch is unrelated and dims. */
  dim: ((kind: DenseRect['kind'], lock: number | null) => boolean) | null = null,
): void {
  canvas.classList.toggle('hidden', rects === null);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (rects === null) {
    if (canvas.width > 1) canvas.width = canvas.height = 1;
    return;
  }
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(size.width * dpr);
  const h = Math.round(size.height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(size.left, 0, size.right - size.left, size.height);
  ctx.clip();
  const [muted] = colour('run', null);
  ctx.fillStyle = muted;
  ctx.globalAlpha = 0.75;
  for (const r of rows) {
    if (r.bar) ctx.fillRect(r.bar.x, r.y + Math.round(r.height / 2) - 1, r.bar.width, 2);
  }
  // Rects come ordered by kind and lock: one path and one fill per (kind, lock) batch.
  let i = 0;
  while (i < rects.length) {
    const { kind, lock } = rects[i];
    const [c, a] = colour(kind, lock);
    ctx.fillStyle = c;
    ctx.globalAlpha = dim?.(kind, lock) ? a * 0.25 : a;
    ctx.beginPath();
    for (; i < rects.length && rects[i].kind === kind && rects[i].lock === lock; i++) {
      const r = rects[i];
      ctx.rect(r.x, r.y, r.width, r.height);
    }
    ctx.fill();
  }
  ctx.restore();
  ctx.globalAlpha = 1;
}
