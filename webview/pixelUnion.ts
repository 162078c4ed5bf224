// The union fill of the dense canvas's pixel buffer: thin boxes (mark ticks at 2×) blended once
// per pixel with the area they cover together, as one path of rects is filled.
import { over, type PixelBuffer, type Rgba } from './pixelBuffer';

/** Coverage scratch per buffer (all zero between calls). */
const covers = new WeakMap<PixelBuffer, Float32Array>();

/**
 * Fill the union of boxes [x0, y0, x1, y1, …] (device px) at `alpha`, as one path of rects is
 * filled: each pixel is blended once with the area the boxes cover (identical boxes count once;
 * the others may only touch, which ticks at half-pixel offsets do).
 */
export function fillUnion(
  buf: PixelBuffer,
  boxes: readonly number[],
  colour: Rgba,
  alpha: number,
): void {
  let cover = covers.get(buf);
  if (!cover) covers.set(buf, (cover = new Float32Array(buf.width * buf.height)));
  const seen = new Set<number>();
  const touched: number[] = [];
  for (let b = 0; b < boxes.length; b += 4) {
    const x0 = Math.max(boxes[b], buf.clipLeft);
    const y0 = Math.max(boxes[b + 1], 0);
    const x1 = Math.min(boxes[b + 2], buf.clipRight);
    const y1 = Math.min(boxes[b + 3], buf.height);
    if (x1 <= x0 || y1 <= y0) continue;
    // Boxes are identical when their corners are (to a quarter pixel).
    const key =
      ((Math.round(y0 * 4) * 32768 + Math.round(x0 * 4)) * 4096 + Math.round((y1 - y0) * 4)) *
        4096 +
      Math.round((x1 - x0) * 4);
    if (seen.has(key)) continue;
    seen.add(key);
    // Column by column (boxes are thin ticks): pixels under one column often share a colour.
    for (let x = Math.floor(x0); x < x1; x++) {
      const cx = Math.min(x + 1, x1) - Math.max(x, x0);
      for (let y = Math.floor(y0); y < y1; y++) {
        const i = buf.line(y) + x;
        if (cover[i] === 0) touched.push(i);
        cover[i] += cx * (Math.min(y + 1, y1) - Math.max(y, y0));
      }
    }
  }
  const px = buf.px;
  let lastDst = -1;
  let lastCover = -1;
  let lastOut = 0;
  for (const i of touched) {
    const c = Math.min(1, cover[i]);
    cover[i] = 0;
    const d = px[i];
    if (d !== lastDst || c !== lastCover) {
      lastDst = d;
      lastCover = c;
      lastOut = over(colour, alpha * c, d);
    }
    px[i] = lastOut;
  }
}
