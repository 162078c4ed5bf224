// Mark glyphs for the dense canvas: each kind's SVG glyph (webview/renderMarks.ts) rasterised once
// with the stylesheet's own fill and stroke, then copied into the pixel buffer per mark. A view with
// a few hundred marks keeps their shapes and colours without a DOM element per mark.
import type { MarkKind } from '../src/shared/webviewProtocol';
import type { Layout, MarkPos } from './layout';
import { isBadEnd, markPath } from './renderMarks';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A rasterised glyph: unpremultiplied RGBA pixels (as ImageData), its centre at (c, c) plus the
 *  sub-pixel phase it was drawn for. */
export interface Sprite {
  px: Uint32Array;
  width: number;
  height: number;
  c: number;
}

/** The sprite of a mark as drawn in layout `l` for a centre at device px (x, y) (null: the glyph
 *  draws nothing); blit it at (floor(x) - c, floor(y) - c). */
export type SpriteOf = (m: MarkPos, x: number, y: number) => Sprite | null;

/** Sub-pixel phases a sprite is drawn at, per axis (a glyph lands within 1/(2·PHASES) px). */
const PHASES = 4;

/** Sprites per stylesheet owner (`svg`): row height and pixel ratio → kind and failure → sprite. */
const cache = new WeakMap<object, Map<string, Sprite | null>>();

/** The glyph of `kind` (failed: with the `sl-bad` style) for rows of height `h` at `dpr`, styled
 *  as a `path.sl-mark` inside `svg` would be. */
function rasterise(
  svg: SVGSVGElement,
  kind: MarkKind,
  bad: boolean,
  h: number,
  dpr: number,
  [px, py]: [number, number],
): Sprite | null {
  const probe = document.createElementNS(SVG_NS, 'path');
  probe.setAttribute('class', `sl-mark sl-mark-${kind}${bad ? ' sl-bad' : ''}`);
  svg.appendChild(probe);
  const cs = getComputedStyle(probe);
  const style = {
    fill: cs.fill,
    fillOpacity: Number(cs.fillOpacity || 1),
    stroke: cs.stroke,
    strokeOpacity: Number(cs.strokeOpacity || 1),
    strokeWidth: parseFloat(cs.strokeWidth) || 0,
  };
  probe.remove();
  // Room for the glyph (radius ≤ 5.5) and half its widest stroke, in device px.
  const c = Math.ceil(9 * dpr);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 2 * c;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, c + px / PHASES, c + py / PHASES);
  const path = new Path2D(markPath(kind, h));
  if (style.fill && style.fill !== 'none') {
    ctx.globalAlpha = style.fillOpacity;
    ctx.fillStyle = style.fill;
    ctx.fill(path);
  }
  if (style.stroke && style.stroke !== 'none' && style.strokeWidth > 0) {
    ctx.globalAlpha = style.strokeOpacity;
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = style.strokeWidth;
    ctx.stroke(path);
  }
  const data = ctx.getImageData(0, 0, 2 * c, 2 * c).data;
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
  return pixels.some((p) => p >>> 24 !== 0) ? { px: pixels, width: 2 * c, height: 2 * c, c } : null;
}

/**
 * The sprite of each mark of layout `l` (rows of height `h`) at `dpr`, styled by `svg`'s
 * stylesheet. `theme` is the palette of this frame: a new one (the theme changed) rasterises again.
 */
export function markSprites(
  svg: SVGSVGElement,
  theme: object,
  l: Layout,
  h: number,
  dpr: number,
): SpriteOf {
  let byKey = cache.get(theme);
  if (!byKey) cache.set(theme, (byKey = new Map()));
  const known = byKey;
  const phase = (v: number): number =>
    Math.min(PHASES - 1, Math.round((v - Math.floor(v)) * PHASES));
  return (m, x, y) => {
    const bad = isBadEnd(m, l.rowById.get(m.lane)?.lane.exitCode ?? null);
    const at: [number, number] = [phase(x), phase(y)];
    const key = `${h},${dpr},${m.kind},${bad},${at}`;
    let s = known.get(key);
    if (s === undefined) known.set(key, (s = rasterise(svg, m.kind, bad, h, dpr, at)));
    return s;
  };
}
