// Mark glyphs (start, end, print, release, spawn, exc, io, mark) as SVG paths, and their layer.
import {
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTimes,
  type Selection,
} from 'd3';
import type { MarkKind } from '../src/shared/webviewProtocol';
import { setAttrs } from './dom';
import type { Layout, MarkPos } from './layout';

/** An SVG group selection. */
type G = Selection<SVGGElement, unknown, null, undefined>;

/** A stop-sign octagon of radius r centred on (0, 0). */
function octagon(r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 8; i++) {
    const a = Math.PI / 8 + (i * Math.PI) / 4;
    pts.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  return `M${pts.join('L')}Z`;
}

/** Path data of a mark glyph centred on (0, 0) for a row of height h. */
export function markPath(kind: MarkKind, h: number): string {
  const r = Math.min(5, Math.max(3, Math.floor(h / 2) - 2));
  const area = (k: number): number => k * r * r;
  switch (kind) {
    case 'print':
      return `M0,${-r - 1}V${r + 1}`;
    case 'end':
      return `M-3,${-r}H0V${r}H-3`;
    case 'killed':
      return octagon(r + 0.5);
    case 'start':
      return symbol(symbolCircle, area(1.6))() ?? '';
    case 'release':
      return `M-3,-2.5H3L0,2.5Z`;
    case 'spawn':
      return symbol(symbolDiamond, area(1.6))() ?? '';
    case 'exc':
      return symbol(symbolTimes, area(2.6))() ?? '';
    case 'io':
      return symbol(symbolSquare, area(1.1))() ?? '';
    case 'mark':
      return symbol(symbolStar, area(1.6))() ?? '';
  }
}

/** True when an end mark reports a failure (non-zero exit or killed by a signal). */
export function isBadEnd(m: MarkPos, exitCode: number | null): boolean {
  if (m.kind === 'killed') return true;
  if (m.kind !== 'end') return false;
  if (exitCode !== null && exitCode !== 0) return true;
  return m.marks.some((x) => /killed|signal/i.test(x.text));
}

/** Draw `marks` (merged marks of layout `l`) into `layer`, one path each. */
export function drawMarks(layer: G, marks: readonly MarkPos[], l: Layout, h: number): void {
  const glyphs = new Map<MarkKind, string>();
  const pathOf = (k: MarkKind): string => {
    let p = glyphs.get(k);
    if (p === undefined) {
      p = markPath(k, h);
      glyphs.set(k, p);
    }
    return p;
  };
  const paths = layer
    .selectAll<SVGPathElement, MarkPos>('path.sl-mark')
    .data(marks, (m) => String(m.id))
    .join((enter) => enter.append('path').attr('data-testid', 'mark'));
  setAttrs(paths, {
    'data-kind': (m) => m.kind,
    'data-count': (m) => (m.marks.length > 1 ? m.marks.length : null),
    class: (m) => {
      const bad = isBadEnd(m, l.rowById.get(m.lane)?.lane.exitCode ?? null);
      return `sl-mark sl-mark-${m.kind}${bad ? ' sl-bad' : ''}`;
    },
    transform: (m) => `translate(${m.x.toFixed(1)},${m.y})`,
    d: (m) => pathOf(m.kind),
  });
}
