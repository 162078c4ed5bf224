// The time axis above the lanes (stays visible while lanes scroll), with the "main finished" flag.
import { axisTop, type ScaleLinear, type Selection } from 'd3';
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
  svg.append('g').attr('class', 'sl-axis-ticks');
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
  svg.attr('width', width);
  const [d0, d1] = x.domain();
  svg.attr('data-domain', `${d0},${d1}`);
  const count = Math.max(2, Math.floor((x.range()[1] - x.range()[0]) / 110));
  const ticks = x.ticks(count);
  const fmt = tickFormatter(d1 - d0, ticks.length > 1 ? ticks[1] - ticks[0] : d1 - d0);
  svg
    .select<SVGGElement>('.sl-axis-ticks')
    .attr('transform', `translate(0,${AXIS_HEIGHT - 1})`)
    .call(
      axisTop(x)
        .tickValues(ticks)
        .tickFormat((t) => fmt(Number(t)))
        .tickSizeOuter(0)
        .tickSize(5),
    );

  const flag = svg.select<SVGGElement>('.sl-maindone-flag');
  const fx = mainDone === null ? NaN : x(mainDone);
  const visible = fx >= labelWidth && fx <= x.range()[1];
  flag.classed('hidden', !visible);
  if (!visible) return;
  const text = flag.select<SVGTextElement>('.sl-flag-text').text(mainDoneText);
  // Measured once per text (it forces a layout).
  let tw = flagWidths.get(mainDoneText);
  if (tw === undefined) {
    tw = text.node()?.getComputedTextLength() ?? mainDoneText.length * 6;
    if (tw > 0) flagWidths.set(mainDoneText, tw);
  }
  // Keep the label on screen: to the right of the line, or to its left near the right edge.
  const left = fx + tw + 10 > width;
  const tx = left ? fx - tw - 6 : fx + 5;
  flag.select('.sl-maindone').attr('x1', fx).attr('x2', fx).attr('y1', 2).attr('y2', AXIS_HEIGHT);
  flag
    .select('.sl-flag-bg')
    .attr('x', tx - 3)
    .attr('y', 2)
    .attr('width', tw + 6)
    .attr('height', 14)
    .attr('rx', 2);
  text.attr('x', tx).attr('y', 13);
}
