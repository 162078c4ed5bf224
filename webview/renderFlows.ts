// Arrows (spawn, queue put → get) and inline mark labels: their defs, layers and joins.
import type { Selection } from 'd3';
import type { FlowKind } from '../src/shared/webviewProtocol';
import type { FlowPath, MarkLabel } from './layoutFlows';

/** An SVG selection of any element kind. */
type Sel<E extends Element> = Selection<E, unknown, null, undefined>;

/** Arrow kinds, each with its own arrowhead marker. */
const KINDS: readonly FlowKind[] = ['spawn', 'queue'];

/** Average glyph width used to cut labels to their room, in px. */
const CHAR_PX = 6.2;

/** Add one arrowhead <marker> per flow kind to `defs`. */
export function createFlowMarkers(defs: Sel<SVGDefsElement>): void {
  for (const k of KINDS) {
    defs
      .append('marker')
      .attr('id', `sl-arrow-${k}`)
      .attr('viewBox', '0 0 8 8')
      .attr('refX', 7)
      .attr('refY', 4)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('orient', 'auto')
      .append('path')
      .attr('class', `sl-arrowhead sl-arrowhead-${k}`)
      .attr('d', 'M0,0L8,4L0,8Z');
  }
}

/** Draw the arrows into `layer` (one path each, data-testid="flow", data-kind). */
export function drawFlows(layer: Sel<SVGGElement>, flows: FlowPath[]): void {
  layer
    .selectAll<SVGPathElement, FlowPath>('path')
    .data(flows, (f) => String(f.id))
    .join((enter) => enter.append('path').attr('data-testid', 'flow'))
    .attr('data-kind', (f) => f.kind)
    .attr('class', (f) => `sl-flow sl-flow-${f.kind}`)
    .attr('marker-end', (f) => `url(#sl-arrow-${f.kind})`)
    .attr('d', (f) => f.d);
}

/** Cut `text` to about `px` pixels, with an ellipsis when cut. */
export function fitText(text: string, px: number): string {
  const n = Math.floor(px / CHAR_PX);
  return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

/** Draw mark labels into `layer`: text on a small background plate (data-testid="mark-label"). */
export function drawMarkLabels(layer: Sel<SVGGElement>, labels: MarkLabel[]): void {
  const groups = layer
    .selectAll<SVGGElement, MarkLabel>('g.sl-mark-label')
    .data(labels, (m) => String(m.id))
    .join((enter) => {
      const g = enter.append('g').attr('data-testid', 'mark-label');
      g.append('rect').attr('class', 'sl-mark-label-bg').attr('rx', 2);
      g.append('text');
      return g;
    })
    .attr(
      'class',
      (m) => `sl-mark-label sl-mark-label-${m.kind}${m.text === 'exit 0' ? ' sl-ok' : ''}`,
    )
    .attr('data-kind', (m) => m.kind);
  groups
    .select('text')
    .attr('x', (m) => m.x.toFixed(1))
    .attr('y', (m) => m.y)
    .attr('text-anchor', (m) => m.anchor)
    .text((m) => fitText(m.text, m.maxWidth));
  groups.each((m, i, nodes) => {
    const g = nodes[i];
    const text = g.querySelector('text');
    const rect = g.querySelector('rect');
    if (!text || !rect) return;
    // getBBox forces a layout: measure each distinct text once, then place the plate from it.
    const shown = text.textContent ?? '';
    let box = measured.get(shown);
    if (!box) {
      const b = text.getBBox();
      box = { width: b.width, dy: b.y - m.y, height: b.height };
      if (measured.size > 2000) measured.clear();
      measured.set(shown, box);
    }
    const x = m.anchor === 'end' ? m.x - box.width : m.x;
    rect.setAttribute('x', String(x - 2));
    rect.setAttribute('y', String(m.y + box.dy));
    rect.setAttribute('width', String(box.width + 4));
    rect.setAttribute('height', String(box.height));
  });
}

/** Text extents by label text (width, top relative to the baseline y, height). */
const measured = new Map<string, { width: number; dy: number; height: number }>();
