// Arrows (spawn, queue put → get) on the dense canvas: on a dense frame with at most a few dozen
// in view (MAX_CANVAS_FLOWS) they leave the SVG, where they and their markers cost paint and
// commit on every zoom frame. Drawn with the canvas's own 2D paths over the frame's pixels,
// styled as the stylesheet's .sl-flow-* and .sl-arrowhead-* (1.3 px lines, spawn at 75%
// opacity, queue dashed 4 2; a 7 px head whose tip is the path's end, as the SVG's
// orient="auto" marker).
import type { FlowKind } from '../src/shared/webviewProtocol';
import type { FlowPath } from './layoutFlows';

/** Where the canvas is: device px per CSS px, its top in the lanes, and the plot's x range. */
export interface FlowFrame {
  dpr: number;
  top: number;
  height: number;
  left: number;
  right: number;
}

/** The arrowhead marker's path (viewBox 0 0 8 8, tip at refX 7, refY 4), drawn 7 px wide. */
const HEAD = [
  [0, 0],
  [8, 4],
  [0, 8],
] as const;
const HEAD_SCALE = 7 / 8;

/** Stroke and opacity of each kind's line, and its dash pattern. */
const LINE: Record<FlowKind, { alpha: number; dash: number[] }> = {
  spawn: { alpha: 0.75, dash: [] },
  queue: { alpha: 1, dash: [4, 2] },
};

/** Draw `flows` on `ctx` in user space (CSS px, y from the lanes' top), clipped to the plot. */
export function drawCanvasFlows(
  ctx: CanvasRenderingContext2D,
  flows: readonly FlowPath[],
  colour: Record<FlowKind, string>,
  f: FlowFrame,
): void {
  if (flows.length === 0) return;
  ctx.save();
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, -f.top * f.dpr);
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.height);
  ctx.clip();
  ctx.lineWidth = 1.3;
  for (const p of flows) {
    // One stroke per arrow, as the SVG draws them (translucent overlaps add up alike).
    const line = LINE[p.kind];
    ctx.globalAlpha = line.alpha;
    ctx.strokeStyle = colour[p.kind];
    ctx.setLineDash(line.dash);
    ctx.stroke(new Path2D(p.d));
    ctx.globalAlpha = 1;
    ctx.fillStyle = colour[p.kind];
    ctx.fill(headPath(p.head));
  }
  ctx.restore();
}

/** The head's triangle at `head` (tip at the path's end, pointing along `angle`). */
function headPath(head: FlowPath['head']): Path2D {
  const cos = Math.cos(head.angle) * HEAD_SCALE;
  const sin = Math.sin(head.angle) * HEAD_SCALE;
  const path = new Path2D();
  for (const [i, [mx, my]] of HEAD.entries()) {
    // Marker units relative to the reference point (7, 4), rotated and scaled into place.
    const [u, v] = [mx - 7, my - 4];
    const [x, y] = [head.x + u * cos - v * sin, head.y + u * sin + v * cos];
    if (i === 0) path.moveTo(x, y);
    else path.lineTo(x, y);
  }
  path.closePath();
  return path;
}
