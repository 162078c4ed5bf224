// The dense canvas's pixel buffer against a plain per-pixel reference: its blend cache, native
// line copies of pattern tiles and column fills must give exactly the pixels of blending every
// pixel on its own (source-over, as webview/pixelBuffer.ts documents).
import assert from 'node:assert/strict';
import test from 'node:test';
import { rng } from './pixelTestKit';
import { over, pack, PixelBuffer, type Rgba, type Tile } from '../../webview/pixelBuffer';
import { fillTile, fillTileRects } from '../../webview/pixelTiles';
import { fillUnion } from '../../webview/pixelUnion';

/** Reference: pixels [i0, i1) blended one by one. */
function refRun(px: Uint32Array, i0: number, i1: number, c: Rgba, alpha: number): void {
  const a = Math.round((c >>> 24) * alpha);
  if (a <= 0 || i1 <= i0) return;
  const solid = ((c & 0xffffff) | (a << 24)) >>> 0;
  for (let i = i0; i < i1; i++) px[i] = a >= 255 || px[i] === 0 ? solid : over(c, alpha, px[i]);
}

/** Reference fill of [x0, x1) × [y0, y1) with fractional edges (w × h buffer, no clip). */
function refFill(px: Uint32Array, w: number, h: number, box: number[], c: Rgba, alpha: number) {
  let [x0, y0, x1, y1] = box;
  [x0, x1, y0, y1] = [Math.max(x0, 0), Math.min(x1, w), Math.max(y0, 0), Math.min(y1, h)];
  if (x1 <= x0 || y1 <= y0) return;
  const [ix0, ix1, in0, in1] = [Math.floor(x0), Math.ceil(x1), Math.ceil(x0), Math.floor(x1)];
  for (let y = Math.floor(y0); y < y1; y++) {
    const cy = Math.min(y + 1, y1) - Math.max(y, y0);
    const row = y * w;
    if (in0 > in1) {
      refRun(px, row + ix0, row + ix0 + 1, c, alpha * cy * (x1 - x0));
      continue;
    }
    if (ix0 < in0) refRun(px, row + ix0, row + in0, c, alpha * cy * (in0 - x0));
    refRun(px, row + in0, row + in1, c, alpha * cy);
    if (in1 < ix1) refRun(px, row + in1, row + ix1, c, alpha * cy * (x1 - in1));
  }
}

/** Reference tile fill at 1×: device pixel (x, y) takes tile pixel (x, y + phase), wrapped. */
function refTile(px: Uint32Array, w: number, box: number[], t: Tile, phase: number, alpha = 1) {
  const [x0, y0, x1, y1] = box;
  const mod = (v: number, n: number): number => ((v % n) + n) % n;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const c = t.px[mod(y + phase, t.height) * t.width + mod(x, t.width)];
      px[y * w + x] = alpha >= 1 && c >>> 24 === 255 ? c : over(c, alpha, px[y * w + x]);
    }
}

const COLOURS = [
  pack(55, 148, 255, 255),
  pack(137, 209, 133, 255),
  pack(204, 167, 0, 200),
  pack(204, 204, 204, 255),
  pack(241, 76, 76, 128),
];

/** A 6×6 tile: opaque (hatch on a background) or with translucent pixels. */
function tile(r: () => number, opaque: boolean): Tile {
  const px = Uint32Array.from({ length: 36 }, () =>
    pack(
      Math.floor(r() * 256),
      Math.floor(r() * 256),
      Math.floor(r() * 256),
      opaque ? 255 : 64 + Math.floor(r() * 192),
    ),
  );
  return { px, width: 6, height: 6 };
}

test('pixel buffer fills match per-pixel blending exactly (random overlapping layers)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const r = rng(seed);
    const [w, h] = [160 + Math.floor(r() * 100), 40 + Math.floor(r() * 30)];
    const buf = new PixelBuffer(w, h);
    const ref = new Uint32Array(w * h);
    const tiles = [tile(r, true), tile(r, false)];
    for (let op = 0; op < 60; op++) {
      const c = COLOURS[Math.floor(r() * COLOURS.length)];
      const alpha = [1, 0.75, 0.45, 0.35, 0.3, 0.9, 0.25][Math.floor(r() * 7)];
      const kind = Math.floor(r() * 4);
      if (kind === 0) {
        // Whole-pixel rects, as the merge's batches (some wide enough for native fills).
        const rects: number[] = [];
        // Some in bands (runs of rects with one y and height, as one lane's), some overlapping.
        let band = [0, 0, 0];
        for (let i = 0; i < 1 + r() * 30; i++) {
          const x = Math.floor(r() * w);
          const wide = r() < 0.3 ? 70 + Math.floor(r() * 90) : 1 + Math.floor(r() * 4);
          if (band[2] <= 0) band = [Math.floor(r() * h), 1 + Math.floor(r() * 22), r() * 8];
          band[2]--;
          rects.push(x, band[0], wide, band[1]);
        }
        buf.fillRects(rects, 0, c, alpha);
        for (let i = 0; i < rects.length; i += 4) {
          const [x, y, rw, rh] = rects.slice(i, i + 4);
          refFill(ref, w, h, [x, y, x + rw, y + rh], c, alpha);
        }
      } else if (kind === 1) {
        // Fractional boxes (lane bars, grid lines).
        const x0 = r() * w;
        const y0 = r() * h;
        const box = [x0, y0, x0 + r() * 60, y0 + r() * 10];
        buf.fill(box[0], box[1], box[2], box[3], c, alpha);
        refFill(ref, w, h, box, c, alpha);
      } else if (kind === 2) {
        // Columns (mark ticks), whole or half-pixel ends.
        const x = Math.floor(r() * w);
        const y0 = Math.floor(r() * h) + (r() < 0.3 ? 0.5 : 0);
        const y1 = y0 + 1 + Math.floor(r() * 20) + (r() < 0.3 ? 0.5 : 0);
        if (r() < 0.5) {
          buf.fillColumns([x], y0, y1, c, alpha);
          refFill(ref, w, h, [x, y0, x + 1, y1], c, alpha);
        } else {
          // Many distinct columns at once (a lane's ticks, the grid), some outside the buffer.
          const xs = [
            ...new Set(
              Array.from({ length: 1 + r() * 12 }, () => x - 3 + Math.floor(r() * (w / 2))),
            ),
          ];
          buf.fillColumns(xs, y0, y1, c, alpha);
          for (const cx of xs) refFill(ref, w, h, [cx, y0, cx + 1, y1], c, alpha);
        }
      } else {
        // Pattern tiles at 1×, narrow and wide, opaque and faded.
        const t = tiles[Math.floor(r() * 2)];
        const x0 = Math.floor(r() * w);
        const x1 = Math.min(
          w,
          x0 + (r() < 0.5 ? 1 + Math.floor(r() * 5) : 32 + Math.floor(r() * 120)),
        );
        const y0 = Math.floor(r() * h);
        const y1 = Math.min(h, y0 + 1 + Math.floor(r() * 22));
        const phase = Math.floor(r() * 12);
        const a = r() < 0.2 ? 0.25 : 1;
        if (r() < 0.5) {
          fillTile(buf, x0, y0, x1, y1, t, 1, phase, a);
          refTile(ref, w, [x0, y0, x1, y1], t, phase, a);
        } else {
          // The batched form, rects in a frame's coordinates (y offset by the scroll position).
          const dy = Math.floor(r() * 40);
          const rects = [x0, y0 + dy, x1 - x0, y1 - y0];
          let band = [0, 0, 0];
          for (let i = 0; i < 1 + r() * 20; i++) {
            const x = Math.floor(r() * w);
            if (band[2] <= 0) band = [Math.floor(r() * h), 1 + Math.floor(r() * 16), r() * 8];
            band[2]--;
            rects.push(x, band[0] + dy, 1 + Math.floor(r() * (r() < 0.3 ? 120 : 4)), band[1]);
          }
          fillTileRects(buf, rects, dy, t, phase, a);
          for (let i = 0; i < rects.length; i += 4) {
            const [x, y, rw, rh] = rects.slice(i, i + 4);
            const box = [x, y - dy, Math.min(w, x + rw), Math.min(h, y - dy + rh)];
            refTile(ref, w, box, t, phase, a);
          }
        }
      }
    }
    const diff = buf.px.findIndex((v, i) => v !== ref[i]);
    assert.equal(diff, -1, `seed ${seed}: pixel ${diff} is ${buf.px[diff]}, want ${ref[diff]}`);
  }
});

test('union fill: each pixel blended once with the area its (deduplicated) boxes cover', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const r = rng(seed);
    const [w, h] = [80 + Math.floor(r() * 60), 30 + Math.floor(r() * 20)];
    const buf = new PixelBuffer(w, h);
    buf.clipLeft = 3;
    buf.clipRight = w - 2;
    // A background to blend over (some pixels left transparent).
    const bg = COLOURS[seed % COLOURS.length];
    buf.fill(0, 0, w / 2, h, bg, 0.6);
    const ref = Uint32Array.from(buf.px);
    // Ticks at 2×: 2 px wide boxes on half-pixel edges, some repeated, some touching.
    const boxes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const x = Math.floor(r() * w * 2) / 2 - 1;
      const y0 = Math.floor(r() * h * 2) / 2;
      const box = [x, y0, x + 2, Math.min(h + 3, y0 + 2 + Math.floor(r() * 10))];
      boxes.push(...box);
      if (r() < 0.3) boxes.push(...box);
    }
    const c = COLOURS[(seed + 1) % COLOURS.length];
    fillUnion(buf, boxes, c, 0.9);
    // Reference: per pixel, the area covered by the distinct boxes (clipped), capped at 1.
    const seen = new Set<string>();
    const area = new Float64Array(w * h);
    for (let b = 0; b < boxes.length; b += 4) {
      const k = boxes.slice(b, b + 4).join();
      if (seen.has(k)) continue;
      seen.add(k);
      const [x0, y0, x1, y1] = [
        Math.max(boxes[b], 3),
        Math.max(boxes[b + 1], 0),
        Math.min(boxes[b + 2], w - 2),
        Math.min(boxes[b + 3], h),
      ];
      for (let y = Math.floor(y0); y < y1; y++)
        for (let x = Math.floor(x0); x < x1; x++)
          area[y * w + x] +=
            (Math.min(x + 1, x1) - Math.max(x, x0)) * (Math.min(y + 1, y1) - Math.max(y, y0));
    }
    for (let i = 0; i < w * h; i++)
      if (area[i] > 0) ref[i] = over(c, 0.9 * Math.min(1, area[i]), ref[i]);
    const diff = buf.px.findIndex((v, i) => v !== ref[i]);
    assert.equal(diff, -1, `seed ${seed}: pixel ${diff} is ${buf.px[diff]}, want ${ref[diff]}`);
  }
});
