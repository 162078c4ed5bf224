// PixelBuffer.blit (a mark glyph copied into the dense canvas) against a per-pixel reference:
// source-over of each non-transparent image pixel, clipped to the buffer and its plot columns.
import assert from 'node:assert/strict';
import test from 'node:test';
import { rng } from './pixelTestKit';
import { over, pack, PixelBuffer, type Tile } from '../../webview/pixelBuffer';

/** A random colour: transparent, opaque or translucent about a third of the time each. */
function colour(r: () => number): number {
  const a = [0, 255, 1 + Math.floor(r() * 254)][Math.floor(r() * 3)];
  const c = (): number => Math.floor(r() * 256);
  return pack(c(), c(), c(), a);
}

test('blit: each image pixel over the buffer, clipped, transparent ones skipped', () => {
  const r = rng(7);
  for (let round = 0; round < 60; round++) {
    const [w, h] = [40, 24];
    const buf = new PixelBuffer(w, h);
    for (let i = 0; i < buf.px.length; i++) buf.px[i] = colour(r);
    buf.clipLeft = Math.floor(r() * 10);
    buf.clipRight = w - Math.floor(r() * 10);
    const sw = 1 + Math.floor(r() * 16);
    const sh = 1 + Math.floor(r() * 16);
    const img: Tile = {
      px: Uint32Array.from({ length: sw * sh }, () => colour(r)),
      width: sw,
      height: sh,
    };
    // Anywhere, partly or wholly outside the buffer too.
    const x = Math.floor(r() * (w + 2 * sw)) - sw;
    const y = Math.floor(r() * (h + 2 * sh)) - sh;
    const want = buf.px.slice();
    for (let j = 0; j < sh; j++)
      for (let i = 0; i < sw; i++) {
        const [bx, by] = [x + i, y + j];
        if (bx < buf.clipLeft || bx >= buf.clipRight || by < 0 || by >= h) continue;
        const c = img.px[j * sw + i];
        const d = want[by * w + bx];
        if (c >>> 24 !== 0) want[by * w + bx] = d === 0 || c >>> 24 === 255 ? c : over(c, 1, d);
      }
    buf.blit(img, x, y);
    assert.deepEqual(buf.px, want, `round ${round}: ${sw}×${sh} at (${x}, ${y})`);
  }
});

test('blit: a translucent pixel over an opaque one blends, over nothing it is copied', () => {
  const buf = new PixelBuffer(3, 1);
  buf.px[0] = pack(0, 0, 255, 255);
  const red = pack(255, 0, 0, 128);
  buf.blit({ px: Uint32Array.of(red, red, 0), width: 3, height: 1 }, 0, 0);
  assert.equal(buf.px[0], over(red, 1, pack(0, 0, 255, 255)));
  assert.notEqual(buf.px[0], red);
  assert.equal(buf.px[1], red);
  assert.equal(buf.px[2], 0);
});
