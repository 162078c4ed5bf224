// A pixel buffer that starts at lanes column `ox` (the dense canvas covers only the plot) must
// hold exactly the pixels a full-width buffer clipped to the same columns holds there, for every
// kind of fill the canvas makes: rects, fractional boxes, columns, pattern tiles, unions, blits.
import assert from 'node:assert/strict';
import test from 'node:test';
import { rng } from './pixelTestKit';
import { pack, PixelBuffer, type Tile } from '../../webview/pixelBuffer';
import { fillTile, fillTileRects } from '../../webview/pixelTiles';
import { fillUnion } from '../../webview/pixelUnion';

/** A small tile of random pixels (opaque or not). */
function tileOf(r: () => number, opaque: boolean): Tile {
  const [width, height] = [2 + Math.floor(r() * 6), 2 + Math.floor(r() * 6)];
  const px = Uint32Array.from({ length: width * height }, () =>
    pack(r() * 256, r() * 256, r() * 256, opaque ? 255 : r() * 256),
  );
  return { px, width, height };
}

/** One random drawing step, applied the same way to both buffers. */
function step(r: () => number, w: number, h: number): (b: PixelBuffer) => void {
  const c = pack(r() * 256, r() * 256, r() * 256, 128 + r() * 128);
  const alpha = r() < 0.3 ? 1 : r();
  const x = (): number => r() * (w + 20) - 10;
  const y = (): number => r() * (h + 6) - 3;
  switch (Math.floor(r() * 6)) {
    case 0: {
      const rects: number[] = [];
      for (let i = 0; i < 20; i++)
        rects.push(
          Math.floor(x()),
          5 + Math.floor(y()),
          1 + Math.floor(r() * 30),
          1 + Math.floor(r() * 8),
        );
      return (b) => b.fillRects(rects, 5, c, alpha);
    }
    case 1: {
      const [x0, y0] = [x(), y()];
      const [x1, y1] = [x0 + r() * 40, y0 + r() * 10];
      return (b) => b.fill(x0, y0, x1, y1, c, alpha);
    }
    case 2: {
      const cols = [...new Set(Array.from({ length: 12 }, () => Math.floor(x())))];
      const [y0, y1] = [y(), y()].sort((p, q) => p - q);
      return (b) => b.fillColumns(cols, y0, y1, c, alpha);
    }
    case 3: {
      const t = tileOf(r, r() < 0.5);
      const rects: number[] = [];
      for (let i = 0; i < 10; i++)
        rects.push(
          Math.floor(x()),
          Math.floor(y()),
          1 + Math.floor(r() * 50),
          1 + Math.floor(r() * 8),
        );
      const phase = Math.floor(r() * 7);
      return (b) => fillTileRects(b, rects, 0, t, phase, alpha);
    }
    case 4: {
      const t = tileOf(r, true);
      const [x0, y0] = [x(), y()];
      const x1 = x0 + r() * 30;
      const scale = r() < 0.5 ? 1 : 2;
      return (b) => fillTile(b, x0, y0, x1, y0 + 8, t, scale, 3, alpha);
    }
    default: {
      if (r() < 0.5) {
        const boxes: number[] = [];
        for (let i = 0; i < 8; i++) {
          const [x0, y0] = [Math.round(x() * 2) / 2, y()];
          boxes.push(x0, y0, x0 + 1, y0 + 6);
        }
        return (b) => fillUnion(b, boxes, c, alpha);
      }
      const s = tileOf(r, false);
      const [bx, by] = [Math.floor(x()), Math.floor(y())];
      return (b) => b.blit(s, bx, by);
    }
  }
}

test('a buffer starting at column ox holds the clipped full-width buffer’s pixels', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const r = rng(seed);
    const [W, h] = [40 + Math.floor(r() * 80), 6 + Math.floor(r() * 20)];
    const ox = Math.floor(r() * 30);
    const right = ox + 1 + Math.floor(r() * (W - ox - 1));
    const full = new PixelBuffer(W, h);
    full.clipLeft = ox;
    full.clipRight = right;
    const part = new PixelBuffer(right - ox, h, ox);
    assert.equal(part.clipLeft, ox);
    assert.equal(part.clipRight, right);
    for (let k = 0; k < 12; k++) {
      const draw = step(r, W, h);
      draw(full);
      draw(part);
    }
    for (let yy = 0; yy < h; yy++)
      for (let xx = 0; xx < W; xx++) {
        const want = xx >= ox && xx < right ? full.px[yy * W + xx] : 0;
        if (xx < ox || xx >= right) {
          assert.equal(
            full.px[yy * W + xx],
            0,
            `seed ${seed}: drawn outside the clip at ${xx},${yy}`,
          );
          continue;
        }
        assert.equal(part.px[part.line(yy) + xx], want, `seed ${seed}: pixel ${xx},${yy}`);
      }
  }
});
