// An RGBA pixel buffer for the dense canvas: rectangle fills blended source-over with the
// coverage of fractional edges, as a 2D context fills them (pattern fills: webview/pixelTiles.ts).
// A frame writes its pixels here and hands them to the canvas with one putImageData: no path is
// rasterised (a path of thousands of rects cost the canvas ~5 ms per frame to fill at commit).

/** A colour as packed little-endian RGBA (ImageData's byte order read as one Uint32). */
export type Rgba = number;

/** A small repeating image (a hatch or dot pattern) as RGBA pixels, row by row. */
export interface Tile {
  px: Uint32Array;
  width: number;
  height: number;
}

/** Pack r, g, b, a (0–255 each) into an Rgba. */
export function pack(r: number, g: number, b: number, a: number): Rgba {
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/** `src` (alpha scaled by `alpha`, 0–1) over `dst`, unpremultiplied, rounded to bytes. */
export function over(src: Rgba, alpha: number, dst: Rgba): Rgba {
  const sa = ((src >>> 24) / 255) * alpha;
  const k = ((dst >>> 24) / 255) * (1 - sa);
  const oa = sa + k;
  if (oa <= 0) return 0;
  const s = sa / oa;
  const d = k / oa;
  const r = Math.round((src & 255) * s + (dst & 255) * d);
  const g = Math.round(((src >>> 8) & 255) * s + ((dst >>> 8) & 255) * d);
  const b = Math.round(((src >>> 16) & 255) * s + ((dst >>> 16) & 255) * d);
  return pack(r, g, b, Math.round(oa * 255));
}

/**
 * A canvas-sized buffer (device px) with a horizontal clip [clipLeft, clipRight). Its first
 * column is device column `ox` of the lanes (the canvas covers only the plot): every x given to
 * its methods, the clip included, counts from the lanes' left edge; pixel (x, y) is px[y ·
 * width + x − ox].
 */
export class PixelBuffer {
  readonly image: ImageData;
  readonly px: Uint32Array;
  clipLeft: number;
  clipRight: number;
  /**
   * Blend cache of the current source colour and alpha: destination pixel → result, direct-mapped
   * by a hash of the destination (0 = empty: a transparent destination never needs a blend).
   */
  private readonly memoKey = new Uint32Array(256);
  private readonly memoOut = new Uint32Array(256);
  private memoColour = -1;
  private memoAlpha = -1;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly ox = 0,
  ) {
    this.image = new ImageData(width, height);
    this.px = new Uint32Array(this.image.data.buffer);
    this.clipLeft = ox;
    this.clipRight = ox + width;
  }

  /** Index in `px` of the buffer's line `y` at lanes column 0 (add a column x to it). */
  line(y: number): number {
    return y * this.width - this.ox;
  }

  /** Point the blend cache at `colour` at `alpha` (emptied when either changes). */
  private memo(colour: Rgba, alpha: number): void {
    if (colour === this.memoColour && alpha === this.memoAlpha) return;
    this.memoColour = colour;
    this.memoAlpha = alpha;
    this.memoKey.fill(0);
  }

  /** `colour` at `alpha` over the non-transparent pixel `d`, through the blend cache. */
  private blend(colour: Rgba, alpha: number, d: Rgba): Rgba {
    const h = (d ^ (d >>> 9) ^ (d >>> 18)) & 255;
    if (this.memoKey[h] === d) return this.memoOut[h];
    const out = over(colour, alpha, d);
    this.memoKey[h] = d;
    this.memoOut[h] = out;
    return out;
  }

  /** Make every pixel transparent. */
  clear(): void {
    this.px.fill(0);
  }

  /** Fill pixels [i0, i1) of the flat buffer with `colour` at `alpha`. */
  private run(i0: number, i1: number, colour: Rgba, alpha: number): void {
    const px = this.px;
    const a = Math.round((colour >>> 24) * alpha);
    if (a <= 0 || i1 <= i0) return;
    const solid = ((colour & 0xffffff) | (a << 24)) >>> 0;
    if (a >= 255) {
      // A native fill only pays off on long runs (a call costs as much as ~15 pixels).
      if (i1 - i0 > 64) px.fill(solid, i0, i1);
      else for (let i = i0; i < i1; i++) px[i] = solid;
      return;
    }
    this.memo(colour, alpha);
    for (let i = i0, last = 0, out = solid; i < i1; i++) {
      const d = px[i];
      if (d !== last) out = (last = d) === 0 ? solid : this.blend(colour, alpha, d);
      px[i] = out;
    }
  }

  /**
   * Fill the `rects` [x, y, w, h, …] (whole px, y relative to `dy`) with `colour` at `alpha`,
   * clipped: the dense batches' case, thousands of small rects, so no per-rect calls or fractions.
   */
  fillRects(rects: readonly number[], dy: number, colour: Rgba, alpha: number): void {
    const a = Math.round((colour >>> 24) * alpha);
    if (a <= 0) return;
    const solid = ((colour & 0xffffff) | (a << 24)) >>> 0;
    const { px, width, clipLeft, clipRight, height, ox } = this;
    this.memo(colour, alpha);
    for (let r = 0; r < rects.length; r += 4) {
      const x0 = Math.max(rects[r], clipLeft);
      const x1 = Math.min(rects[r] + rects[r + 2], clipRight);
      const y0 = Math.max(rects[r + 1] - dy, 0);
      const y1 = Math.min(rects[r + 1] - dy + rects[r + 3], height);
      if (x1 <= x0) continue;
      for (let y = y0; y < y1; y++) {
        const row = y * width - ox;
        const end = row + x1;
        if (a >= 255) {
          if (x1 - x0 > 64) px.fill(solid, row + x0, end);
          else for (let i = row + x0; i < end; i++) px[i] = solid;
        } else
          for (let i = row + x0, last = 0, out = solid; i < end; i++) {
            // Neighbours are often alike: the last blend first, then the cache.
            const d = px[i];
            if (d !== last) out = (last = d) === 0 ? solid : this.blend(colour, alpha, d);
            px[i] = out;
          }
      }
    }
  }

  /** Fill [x0, x1) × [y0, y1) (device px, fractional edges partly covered), clipped. */
  fill(x0: number, y0: number, x1: number, y1: number, colour: Rgba, alpha: number): void {
    x0 = Math.max(x0, this.clipLeft);
    x1 = Math.min(x1, this.clipRight);
    y0 = Math.max(y0, 0);
    y1 = Math.min(y1, this.height);
    if (x1 <= x0 || y1 <= y0) return;
    const ix0 = Math.floor(x0);
    const ix1 = Math.ceil(x1);
    // Whole columns inside [x0, x1), and the partly covered edge columns.
    const in0 = Math.ceil(x0);
    const in1 = Math.floor(x1);
    for (let y = Math.floor(y0); y < y1; y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      const row = this.line(y);
      if (in0 > in1) {
        this.run(row + ix0, row + ix0 + 1, colour, alpha * cy * (x1 - x0));
        continue;
      }
      if (ix0 < in0) this.run(row + ix0, row + in0, colour, alpha * cy * (in0 - x0));
      this.run(row + in0, row + in1, colour, alpha * cy);
      if (in1 < ix1) this.run(row + in1, row + ix1, colour, alpha * cy * (x1 - in1));
    }
  }

  /**
   * Fill the whole-pixel columns `cols` (distinct) over [y0, y1) (fractional ends partly covered)
   * with `colour` at `alpha`: one lane's mark ticks, or the grid. The same pixels as
   * fill(x, y0, x + 1, y1, …) per column, written line by line.
   */
  fillColumns(cols: readonly number[], y0: number, y1: number, colour: Rgba, alpha: number): void {
    const xs = cols.filter((x) => x >= this.clipLeft && x < this.clipRight);
    y0 = Math.max(y0, 0);
    y1 = Math.min(y1, this.height);
    if (y1 <= y0 || xs.length === 0) return;
    const { px } = this;
    const iy0 = Math.ceil(y0);
    const iy1 = Math.floor(y1);
    if (iy0 > iy1 || y0 < iy0 || y1 > iy1)
      for (let y = Math.floor(y0); y < y1; y++) {
        const cy = Math.min(y + 1, y1) - Math.max(y, y0);
        if (cy < 1)
          for (const x of xs) this.run(this.line(y) + x, this.line(y) + x + 1, colour, alpha * cy);
      }
    const a = Math.round((colour >>> 24) * alpha);
    if (a <= 0 || iy0 >= iy1) return;
    const solid = ((colour & 0xffffff) | (a << 24)) >>> 0;
    this.memo(colour, alpha);
    for (let y = iy0; y < iy1; y++)
      for (let k = 0, row = this.line(y); k < xs.length; k++) {
        const i = row + xs[k];
        const d = px[i];
        px[i] = a >= 255 || d === 0 ? solid : this.blend(colour, alpha, d);
      }
  }

  /** Draw the image `s` (unpremultiplied RGBA, e.g. a mark glyph) with its top-left at device px
   *  (x, y), source-over, clipped; its transparent pixels leave the buffer as it is. */
  blit(s: Tile, x: number, y: number): void {
    const x0 = Math.max(x, this.clipLeft);
    const x1 = Math.min(x + s.width, this.clipRight);
    const y0 = Math.max(y, 0);
    const y1 = Math.min(y + s.height, this.height);
    const px = this.px;
    for (let row = y0; row < y1; row++) {
      let j = (row - y) * s.width + x0 - x;
      const at = this.line(row);
      for (let i = at + x0, end = at + x1; i < end; i++, j++) {
        const c = s.px[j];
        if (c >>> 24 === 0) continue;
        const d = px[i];
        px[i] = d === 0 || c >>> 24 === 255 ? c : over(c, 1, d);
      }
    }
  }
}
