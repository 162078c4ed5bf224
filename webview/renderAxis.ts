// The time axis above the lanes (stays visible while lanes scroll), with the "main finished" flag.
import type { ScaleLinear, Selection } from 'd3';
import { attrs, classIf, ownText } from './dom';
import { tickFormatter } from './format';

/** An SVG selection. */
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Height of the axis strip in px. */
export const AXIS_HEIGHT = 38;

/** Width of the flag text per text, in px. */
const flagWidths = new Map<string, number>();

/** Add the axis layers to an empty <svg>. */
export function createAxis(svg: Svg): void {
  svg.attr('height', AXIS_HEIGHT);
  svg
    .append('g')
    .attr('class', 'sl-axis-ticks')
    .attr('transform', `translate(0,${AXIS_HEIGHT - 1})`)
    .attr('fill', 'none')
    .attr('font-size', 10)
    .attr('font-family', 'sans-serif')
    .attr('text-anchor', 'middle')
    .append('path')
    .attr('class', 'domain')
    .attr('stroke', 'currentColor');
  const flag = svg
    .append('g')
    .attr('class', 'sl-maindone-flag hidden')
    .attr('data-testid', 'main-done-label');
  flag.append('line').attr('class', 'sl-maindone');
  flag.append('rect').attr('class', 'sl-flag-bg');
  flag.append('text').attr('class', 'sl-flag-text');
}

/** Redraw the axis for scale `x` (ns → px) and place the flag at `mainDone` when visible. */
export function drawAxis(
  svg: Svg,
  x: ScaleLinear<number, number>,
  width: number,
  labelWidth: number,
  mainDone: number | null,
  mainDoneText: string,
): void {
  const [d0, d1] = x.domain();
  attrs(svg.node(), { width, 'data-domain': `${d0},${d1}` });
  const count = Math.max(2, Math.floor((x.range()[1] - x.range()[0]) / 110));
  const ticks = x.ticks(count);
  const fmt = tickFormatter(d1 - d0, ticks.length > 1 ? ticks[1] - ticks[0] : d1 - d0);
  drawTicks(svg.select<SVGGElement>('.sl-axis-ticks'), x, ticks, fmt);

  const flag = svg.select<SVGGElement>('.sl-maindone-flag');
  const fx = mainDone === null ? NaN : x(mainDone);
  const visible = fx >= labelWidth && fx <= x.range()[1];
  classIf(flag.node(), 'hidden', !visible);
  if (!visible) return;
  const text = flag.select<SVGTextElement>('.sl-flag-text');
  ownText(text.node()!, mainDoneText);
  // Measured once per text (it forces a layout).
  let tw = flagWidths.get(mainDoneText);
  if (tw === undefined) {
    tw = text.node()?.getComputedTextLength() ?? mainDoneText.length * 6;
    if (tw > 0) flagWidths.set(mainDoneText, tw);
  }
  // Keep the label on screen: to the right of the line, or to its left near the right edge.
  const left = fx + tw + 10 > width;
  const tx = left ? fx - tw - 6 : fx + 5;
  attrs(flag.select('.sl-maindone').node() as Element, { x1: fx, x2: fx, y1: 2, y2: AXIS_HEIGHT });
  const bg = { x: tx - 3, y: 2, width: tw + 6, height: 14, rx: 2 };
  attrs(flag.select('.sl-flag-bg').node() as Element, bg);
  attrs(text.node(), { x: tx, y: 13 });
}

/**
 * The ticks as d3's axisTop(x).tickSize(5) draws them (a domain line; per tick a 5 px line and a label), but
 * their nodes are kept and only changed values are written: a zoom frame moves the ticks and
 * rewrites the labels that changed, nothing else.
 */
function drawTicks(
  g: Selection<SVGGElement, unknown, null, undefined>,
  x: ScaleLinear<number, number>,
  ticks: number[],
  fmt: (t: number) => string,
): void {
  // d3's half-pixel offset for crisp 1 px lines on a 1× display.
  const off = window.devicePixelRatio > 1 ? 0 : 0.5;
  const [r0, r1] = x.range();
  // The domain line with 5 px outer ticks at both ends.
  const d = `M${r0 + off},-5V${off}H${r1 + off}V-5`;
  attrs(g.select('.domain').node() as Element, { d });
  g.selectAll<SVGGElement, number>('g.tick')
    .data(ticks)
    .join((enter) => {
      const t = enter.append('g').attr('class', 'tick').attr('opacity', 1);
      t.append('line').attr('stroke', 'currentColor').attr('y2', -5);
      t.append('text').attr('fill', 'currentColor').attr('y', -8).attr('dy', '0em');
      return t;
    })
    .each(function (t) {
      attrs(this, { transform: `translate(${x(t) + off},0)` });
      ownText(this.lastElementChild!, fmt(t));
    });
}
