// Dense layer on a canvas under the lanes <svg>: lane bars, merged spans (lock waits hatched and
// queue blocks dotted like the SVG's), and the marks when too many are in view for SVG glyphs: their
// glyphs (webview/markSprites.ts) while there are a few hundred, else ticks.
// The canvas covers only the scrolled viewport (it follows scrollTop), so its size does not grow
// with the lane count, and only the plot's columns (nothing is drawn under the labels): fewer
// pixels to clear, put and hand to the compositor every frame. Pixels are written into a buffer and put at once (webview/pixelBuffer.ts).
import type { DenseBatch } from './denseIndex';
import type { LaneRow, MarkPos } from './layout';
import type { Palette } from './palette';
import { hatch, queueDots } from './canvasTiles';
import type { SpriteOf } from './markSprites';
import { pack, PixelBuffer, type Rgba } from './pixelBuffer';
import { fillTile, fillTileRects } from './pixelTiles';
import { fillUnion } from './pixelUnion';

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
  /** Marks drawn as ticks (too many for glyphs). */
  ticks?: readonly MarkPos[];
  /** Marks drawn as their glyphs (too many for the SVG), with each one's sprite. */
  glyphs?: { marks: readonly MarkPos[]; sprite: SpriteOf };
  /** x (px) of vertical grid lines (drawn here instead of in the SVG on dense frames). */
  grid?: readonly number[];
}

let probe: CanvasRenderingContext2D | null = null;
const colours = new Map<string, Rgba>();

/** A CSS colour as packed RGBA (read back from a 1×1 canvas; cached). */
function rgba(css: string): Rgba {
  let c = colours.get(css);
  if (c !== undefined) return c;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return 0;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  colours.set(css, (c = pack(r, g, b, a)));
  return c;
}

/** The pixel buffer of each canvas, kept while its size stays. */
const buffers = new WeakMap<HTMLCanvasElement, PixelBuffer>();

/** Set a style property only when it changes (a write re-styles the element even when equal). */
function setStyle(el: HTMLElement, name: 'width' | 'height' | 'top' | 'left', value: string): void {
  if (el.style[name] !== value) el.style[name] = value;
}

/**
 * Mark ticks at 1×: a tick is a 1 px box centred on a pixel edge, so it covers half of two
 * columns; ticks of one row share their height. Per row, each column is filled once with the
 * coverage of the union (½ or 1), as one path of all the ticks is filled.
 */
function fillTicks(buf: PixelBuffer, ticks: readonly MarkPos[], r: number, top: number, c: Rgba) {
  const byRow = new Map<number, number[]>();
  for (const m of ticks) {
    let xs = byRow.get(m.y);
    if (!xs) byRow.set(m.y, (xs = []));
    xs.push(Math.round(m.x));
  }
  for (const [y, all] of byRow) {
    // The row's tick columns, sorted and unique; column c is covered by the ticks at c and c + 1.
    const xs = Int32Array.from(all).sort();
    const half: number[] = [];
    const whole: number[] = [];
    let prev = NaN;
    for (let i = 0; i < xs.length; i++) {
      const k = xs[i];
      if (k === prev) continue;
      // Column k - 1 (unless the previous tick, at k - 1, already covered it with both halves).
      if (prev !== k - 1) half.push(k - 1);
      let j = i + 1;
      while (j < xs.length && xs[j] === k) j++;
      (xs[j] === k + 1 ? whole : half).push(k);
      prev = k;
    }
    buf.fillColumns(half, y - r - top, y + r - top, c, 0.45);
    buf.fillColumns(whole, y - r - top, y + r - top, c, 0.9);
  }
}

/**
 * Size `canvas` to the viewport and draw lane bars of `rows`, the span batches and the mark
 * ticks, clipped to the plot [left, right]; with `batches` null the canvas is cleared and hidden.
 * Everything is written into a pixel buffer (no paths) and put on the canvas at once.
 */
export function drawDenseCanvas(
  canvas: HTMLCanvasElement,
  batches: DenseBatch[] | null,
  rows: readonly LaneRow[],
  size: CanvasFrame,
  colour: Palette,
  more: CanvasExtras = {},
): void {
  const { dim = null, ticks = [], grid = [], glyphs } = more;
  const hidden = batches === null && ticks.length === 0 && !glyphs?.marks.length;
  if (canvas.classList.contains('hidden') !== hidden) canvas.classList.toggle('hidden', hidden);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (hidden) {
    if (canvas.width > 1) canvas.width = canvas.height = 1;
    buffers.delete(canvas);
    return;
  }
  const dpr = window.devicePixelRatio || 1;
  const height = Math.max(1, size.height);
  // Device columns [ox, ox + w) of the lanes: the plot [left, right), the clip of every fill.
  const full = Math.round(size.width * dpr);
  const ox = Math.min(full - 1, Math.max(0, Math.round(size.left * dpr)));
  const w = Math.max(1, Math.min(full, Math.round(size.right * dpr)) - ox);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  setStyle(canvas, 'left', `${ox / dpr}px`);
  setStyle(canvas, 'width', `${w / dpr}px`);
  setStyle(canvas, 'height', `${height}px`);
  setStyle(canvas, 'top', `${size.top}px`);
  let buf = buffers.get(canvas);
  if (!buf || buf.width !== w || buf.height !== h || buf.ox !== ox)
    buffers.set(canvas, (buf = new PixelBuffer(w, h, ox)));
  buf.clear();
  // User space (CSS px, y from the lanes' top) to device px.
  const top = size.top;
  const box = (x: number, y: number, bw: number, bh: number, c: Rgba, a: number): void =>
    buf.fill(x * dpr, (y - top) * dpr, (x + bw) * dpr, (y + bh - top) * dpr, c, a);
  const fg = rgba(colour.foreground);
  // A grid line is a 1 px box centred on a pixel edge: half of each column beside it.
  if (dpr === 1)
    buf.fillColumns(
      grid.flatMap((gx) => [Math.round(gx) - 1, Math.round(gx)]),
      0,
      height,
      fg,
      0.035,
    );
  else for (const gx of grid) box(Math.round(gx) - 0.5, top, 1, height, fg, 0.07);
  if (batches) {
    const muted = rgba(colour('run', null)[0]);
    for (const r of rows) {
      if (!r.bar) continue;
      const y = r.y + Math.round(r.height / 2) - 1;
      // Lines of a bar start alike (only full-height grid lines are under it): at 1× on whole
      // lines, the first is blended and copied to the second.
      const line = y - top;
      if (dpr !== 1 || line !== Math.round(line) || line < 0 || line + 2 > buf.height) {
        box(r.bar.x, y, r.bar.width, 2, muted, 0.75);
        continue;
      }
      box(r.bar.x, y, r.bar.width, 1, muted, 0.75);
      const x0 = Math.max(Math.floor(r.bar.x), buf.clipLeft);
      const x1 = Math.min(Math.ceil(r.bar.x + r.bar.width), buf.clipRight);
      const at = buf.line(line);
      if (x1 > x0) buf.px.copyWithin(at + w + x0, at + x0, at + x1);
    }
  }
  for (const { kind, lock, rects } of batches ?? []) {
    const [c, a] = colour(kind, lock);
    const faded = dim?.(kind, lock) ? 0.25 : 1;
    // Lock waits hatched, queue blocks dotted, like the SVG's patterns (anchored at the lanes' top).
    const tile =
      kind === 'lockWait'
        ? hatch(c, colour.background)
        : kind === 'queueBlock'
          ? queueDots(c, colour.background)
          : null;
    if (tile && dpr === 1) fillTileRects(buf, rects, top, tile, Math.floor(top), faded);
    else if (tile) {
      const phase = Math.floor(top);
      for (let i = 0; i < rects.length; i += 4) {
        const [x, y, rw, rh] = [rects[i], rects[i + 1] - top, rects[i + 2], rects[i + 3]];
        fillTile(buf, x * dpr, y * dpr, (x + rw) * dpr, (y + rh) * dpr, tile, dpr, phase, faded);
      }
    } else {
      const rgb = rgba(c);
      // Whole-pixel rects (the merge's columns) at 1×: straight into the buffer.
      if (dpr === 1 && top === Math.round(top)) buf.fillRects(rects, top, rgb, faded * a);
      else
        for (let i = 0; i < rects.length; i += 4)
          box(rects[i], rects[i + 1], rects[i + 2], rects[i + 3], rgb, faded * a);
    }
  }
  const r = Math.max(3, Math.floor(rows[0]?.height ?? 16) / 2 - 2);
  // Failure ticks (exception, killed) last, on top; each kind as one union, like a path fill.
  for (const bad of [false, true]) {
    const tc = rgba(bad ? colour.error : colour.foreground);
    const mine = ticks.filter((m) => (m.kind === 'exc' || m.kind === 'killed') === bad);
    if (dpr === 1) fillTicks(buf, mine, r, top, tc);
    else {
      const boxes: number[] = [];
      for (const m of mine) {
        const x = Math.round(m.x) - 0.5;
        boxes.push(x * dpr, (m.y - r - top) * dpr, (x + 1) * dpr, (m.y + r - top) * dpr);
      }
      fillUnion(buf, boxes, tc, 0.9);
    }
  }
  // Glyphs drawn for the mark's sub-pixel position, failures (exception, killed) on top.
  for (const bad of [false, true])
    for (const m of glyphs?.marks ?? []) {
      if ((m.kind === 'exc' || m.kind === 'killed') !== bad) continue;
      const [x, y] = [m.x * dpr, (m.y - top) * dpr];
      const s = glyphs!.sprite(m, x, y);
      if (s) buf.blit(s, Math.floor(x) - s.c, Math.floor(y) - s.c);
    }
  ctx.putImageData(buf.image, 0, 0);
}
