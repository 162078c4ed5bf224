// The lanes <svg>'s fixed structure: hatch and dot patterns, arrowheads, clip paths, layers.
import type { Selection } from 'd3';
import type { SpanKind } from '../src/shared/webviewProtocol';
import { DENSE_ORDER } from './dense';
import { createFlowMarkers } from './renderFlows';

/** An SVG selection. */
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** How many lock colours the stylesheet defines (lock-0 … lock-N-1). */
export const LOCK_COLOURS = 5;

/** Indentation per tree level of a lane label, in px. */
export const INDENT = 12;

/** Span kinds bottom to top: a sleep inside a held lock stays visible as an inset band (the
 *  same order the dense canvas draws in). */
export const SPAN_LAYERS: readonly SpanKind[] = DENSE_ORDER;

/** Add hatch patterns (one per lock colour), clip paths and layers to an empty lanes <svg>, and
 *  the labels' list to their own <svg>. */
export function createLaneLayers(svg: Svg, labels: Svg): void {
  const defs = svg.append('defs');
  for (let i = 0; i < LOCK_COLOURS; i++) {
    const p = defs
      .append('pattern')
      .attr('id', `sl-hatch-${i}`)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 5)
      .attr('height', 5)
      .attr('patternTransform', 'rotate(45)');
    p.append('rect').attr('class', `sl-hatch-bg lock-${i}`).attr('width', 5).attr('height', 5);
    p.append('line')
      .attr('class', `sl-hatch-line lock-${i}`)
      .attr('x1', 1)
      .attr('x2', 1)
      .attr('y2', 5);
  }
  const dots = defs
    .append('pattern')
    .attr('id', 'sl-qhatch')
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 4);
  dots.append('rect').attr('class', 'sl-qhatch-bg').attr('width', 6).attr('height', 4);
  dots
    .append('rect')
    .attr('class', 'sl-qhatch-dot')
    .attr('x', 1)
    .attr('y', 1)
    .attr('width', 3)
    .attr('height', 2);
  createFlowMarkers(defs);
  defs.append('clipPath').attr('id', 'sl-clip-plot').append('rect');
  svg.append('g').attr('class', 'sl-rows');
  svg.append('g').attr('class', 'sl-grid').attr('clip-path', 'url(#sl-clip-plot)');
  const plot = svg
    .append('g')
    .attr('class', 'sl-plot-layer')
    .attr('clip-path', 'url(#sl-clip-plot)');
  plot.append('g').attr('class', 'sl-bars');
  for (const k of SPAN_LAYERS) plot.append('g').attr('class', `sl-spans sl-spans-${k}`);
  plot.append('g').attr('class', 'sl-marks');
  plot.append('g').attr('class', 'sl-mark-labels');
  plot.append('line').attr('class', 'sl-maindone').attr('data-testid', 'main-done');
  plot.append('g').attr('class', 'sl-flows');
  plot.append('g').attr('class', 'sl-selection');
  // The labels <svg> is as wide as the label column: it clips the labels.
  labels.append('g').attr('class', 'sl-labels').attr('role', 'list');
}
