// Pattern fills of the dense canvas's pixel buffer: lock waits hatched and queue blocks dotted,
// each a small tile repeated from the lanes' top (as the SVG's patterns are anchored).
import { over, type PixelBuffer, type Tile } from './pixelBuffer';

/**
 * Fill the `rects` [x, y, w, h, …] (px, y relative to `dy`) with a repeating `tile` at 1×, as
 * fillTile(buf, x, y, x + w, y + h, tile, 1, phaseY, alpha) per rect: the dense batches' case,
 * thousands of narrow rects, so no call per rect and the tile's phases step along.
 */
export function fillTileRects(
  buf: PixelBuffer,
  rects: readonly number[],
  dy: number,
  tile: Tile,
  phaseY: number,
  alpha: number,
): void {
  const { clipLeft, clipRight, height } = buf;
  // Opaque tile and alpha: every pixel is a copy of the tile's (repeated) row.
  const lines = alpha >= 1 ? repeatedRows(tile, buf.width) : null;
  for (let r = 0; r < rects.length; r += 4) {
    const x0 = Math.max(Math.round(rects[r]), clipLeft);
    const x1 = Math.min(Math.round(rects[r] + rects[r + 2]), clipRight);
    const y0 = Math.max(Math.round(rects[r + 1] - dy), 0);
    const y1 = Math.min(Math.round(rects[r + 1] - dy + rects[r + 3]), height);
    tileBox(buf, x0, y0, x1, y1, tile, phaseY, alpha, lines);
  }
}

/**
 * Fill the whole, clipped pixels [x0, x1) × [y0, y1) at 1×: the tile's row and column phases
 * step along without divisions; with `lines` (an opaque tile at alpha 1) each line is copied
 * from the tile's row repeated, natively when it is wide.
 */
function tileBox(
  buf: PixelBuffer,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  tile: Tile,
  phaseY: number,
  alpha: number,
  lines: { px: Uint32Array; stride: number } | null,
): void {
  if (x1 <= x0 || y1 <= y0) return;
  const px = buf.px;
  const { px: src, width: tw, height: th } = tile;
  const opaque = alpha >= 1;
  const w = x1 - x0;
  const tx0 = ((x0 % tw) + tw) % tw;
  let ty = (((y0 + phaseY) % th) + th) % th;
  for (let y = y0; y < y1; y++) {
    const row = buf.line(y) + x0;
    if (lines) {
      const from = ty * lines.stride + tx0;
      if (w >= 32) px.set(lines.px.subarray(from, from + w), row);
      else for (let k = 0; k < w; k++) px[row + k] = lines.px[from + k];
    } else {
      const t = ty * tw;
      let tx = tx0;
      for (let i = row, end = row + w; i < end; i++) {
        const c = src[t + tx];
        px[i] = opaque && c >>> 24 === 255 ? c : over(c, alpha, px[i]);
        if (++tx === tw) tx = 0;
      }
    }
    if (++ty === th) ty = 0;
  }
}

/**
 * Fill whole pixels [x0, x1) × [y0, y1) with a repeating `tile` at `alpha`; device pixel (x, y)
 * takes tile pixel (⌊x / scale⌋, ⌊y / scale⌋ + phaseY), wrapped to the tile.
 */
export function fillTile(
  buf: PixelBuffer,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  tile: Tile,
  scale: number,
  phaseY: number,
  alpha: number,
): void {
  x0 = Math.max(Math.round(x0), buf.clipLeft);
  x1 = Math.min(Math.round(x1), buf.clipRight);
  y0 = Math.max(Math.round(y0), 0);
  y1 = Math.min(Math.round(y1), buf.height);
  const { px: src, width: tw, height: th } = tile;
  const px = buf.px;
  const mod = (v: number, n: number): number => ((v % n) + n) % n;
  const opaque = alpha >= 1;
  if (scale !== 1) {
    for (let y = y0; y < y1; y++) {
      const t = mod(Math.floor(y / scale) + phaseY, th) * tw;
      for (let x = x0, i = buf.line(y) + x0; x < x1; x++, i++) {
        const c = src[t + mod(Math.floor(x / scale), tw)];
        px[i] = opaque && c >>> 24 === 255 ? c : over(c, alpha, px[i]);
      }
    }
    return;
  }
  tileBox(buf, x0, y0, x1, y1, tile, phaseY, alpha, opaque ? repeatedRows(tile, buf.width) : null);
}

/** A tile's rows, each repeated to at least `width` + the tile's width px (cached per tile). */
const repeated = new WeakMap<Tile, { px: Uint32Array; stride: number }>();

/** The tile's rows repeated side by side, when every tile pixel is opaque (else null). */
function repeatedRows(tile: Tile, width: number): { px: Uint32Array; stride: number } | null {
  let r = repeated.get(tile);
  if (r && r.stride >= width + tile.width) return r;
  if (tile.px.some((c) => c >>> 24 !== 255)) return null;
  const stride = Math.ceil(width / tile.width + 1) * tile.width;
  const out = new Uint32Array(stride * tile.height);
  for (let y = 0; y < tile.height; y++)
    for (let x = 0; x < stride; x++)
      out[y * stride + x] = tile.px[y * tile.width + (x % tile.width)];
  repeated.set(tile, (r = { px: out, stride }));
  return r;
}
