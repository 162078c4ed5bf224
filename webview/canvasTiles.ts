// The dense canvas's pattern tiles (lock waits hatched, queue blocks dotted, as the SVG's
// patterns), painted once per colour pair on a small canvas and kept as RGBA pixels.
import type { Tile } from './pixelBuffer';

/** Pattern tiles by colours, as RGBA pixels. */
const tiles = new Map<string, Tile>();

/** A `width`×`height` tile painted by `paint` on a small canvas, cached under `key`. */
function tileOf(
  key: string,
  width: number,
  height: number,
  paint: (c: CanvasRenderingContext2D) => void,
): Tile {
  let t = tiles.get(key);
  if (t) return t;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d', { willReadFrequently: true });
  t = { px: new Uint32Array(width * height), width, height };
  if (c) {
    paint(c);
    t.px.set(new Uint32Array(c.getImageData(0, 0, width, height).data.buffer));
  }
  tiles.set(key, t);
  return t;
}

/** The lock-wait hatch for `colour` (as the SVG's sl-hatch-N pattern: 14% tint, 45° lines). */
export function hatch(colour: string, bg: string): Tile {
  return tileOf(`hatch|${colour}|${bg}`, 6, 6, (c) => {
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
  });
}

/** The queue-block dots for `colour` (as the SVG's sl-qhatch pattern: 12% tint, 3×2 dots). */
export function queueDots(colour: string, bg: string): Tile {
  return tileOf(`dots|${colour}|${bg}`, 6, 4, (c) => {
    c.fillStyle = bg;
    c.fillRect(0, 0, 6, 4);
    c.globalAlpha = 0.12;
    c.fillStyle = colour;
    c.fillRect(0, 0, 6, 4);
    c.globalAlpha = 0.8;
    c.fillRect(1, 1, 3, 2);
  });
}
