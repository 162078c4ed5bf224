// Lane area drawing: row stripes, labels with tree guides, lifetime bars, spans, marks, grid.
import type { BaseType, ScaleLinear, Selection } from 'd3';
import type { LaneRow, Layout, MarkPos, SpanRect } from './layout';
import { attrs, classIf, ownText, setAttrs } from './dom';
import { INDENT, LOCK_COLOURS, SPAN_LAYERS } from './laneLayers';
import { drawFlows, drawMarkLabels } from './renderFlows';
import { drawMarks } from './renderMarks';
import type { FlowPath, MarkLabel } from './layoutFlows';

export { createLaneLayers, INDENT, LOCK_COLOURS } from './laneLayers';

/** An SVG selection. */
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Geometry shared by the lane area: plot x range and the label column width. */
export interface LaneFrame {
  x: ScaleLinear<number, number>;
  labelWidth: number;
  right: number;
  laneHeight: number;
  mainDone: number | null;
  flows: FlowPath[];
  labels: MarkLabel[];
  /** Label suffix of a process whose threads are hidden, e.g. "3 threads". */
  threadsText: (n: number) => string;
  /** Tooltip of the collapse toggle (expanded / collapsed). */
  toggleTitle: (collapsed: boolean) => string;
  /** Called when a process's thread toggle is clicked. */
  onToggle: (laneId: string) => void;
  /** Lock or queue id whose spans are highlighted (the others dim), or null. */
  focusLock: string | null;
  /** Accessible name of a span. */
  spanAria: (s: SpanRect) => string;
  /** Spans and lane bars are on the dense canvas: the SVG leaves them out. */
  dense: boolean;
  /** Rows that get SVG stripes, labels and bars (all of them, or those near the viewport). */
  rows: readonly LaneRow[];
  /** Marks drawn as SVG glyphs (empty when too many are in view: the canvas ticks them). */
  marks: readonly MarkPos[];
}

/** The last frame drawn into each lanes <svg> (its callbacks, for handlers bound once). */
const frames = new WeakMap<SVGSVGElement, LaneFrame>();

/** Times of the vertical grid lines (the axis ticks). */
export function gridTimes(f: Pick<LaneFrame, 'x' | 'labelWidth' | 'right'>): number[] {
  return f.x.ticks(Math.max(2, Math.floor((f.right - f.labelWidth) / 110)));
}

/** Class list of a span rectangle: kind, lock colour, open, related to the focused lock. */
function spanClass(s: SpanRect, focus: string | null): string {
  const lock = s.lock === null ? '' : ` lock-${s.lock % LOCK_COLOURS}`;
  const related = focus !== null && s.span.lockId === focus ? ' sl-related' : '';
  return `sl-span sl-${s.kind}${lock}${s.open ? ' sl-open' : ''}${related}`;
}

/** Tree guide from the parent's column down to this row's label (empty for roots). */
function guide(r: LaneRow): string {
  if (r.depth === 0) return '';
  const px = 10 + (r.depth - 1) * INDENT;
  const mid = r.y + r.height / 2;
  return `M${px},${r.y - r.height / 2 + 3}V${mid}H${px + INDENT - 4}`;
}

/** Draw all rows, spans and marks of `l` into the lanes <svg>, and the lane labels into `labels`. */
export function drawLanes(svg: Svg, labels: Svg, l: Layout, f: LaneFrame, width: number): void {
  frames.set(svg.node()!, f);
  frames.set(labels.node()!, f);
  const h = f.laneHeight;
  const height = Math.max(l.height, 1);
  // Only changed values are written: a write to a clip path's rect repaints all it clips, and any
  // write re-styles its element, even with the same value.
  const root = svg.node()!;
  attrs(root, { width, height });
  classIf(root, 'sl-focus-lock', f.focusLock !== null);
  const plotWidth = Math.max(0, f.right - f.labelWidth);
  attrs(root.querySelector('#sl-clip-plot rect'), {
    x: f.labelWidth,
    y: 0,
    width: plotWidth,
    height,
  });
  attrs(labels.node(), { width: Math.max(0, f.labelWidth - 6), height });

  drawRows(svg, labels, f, width);

  svg
    .select('.sl-grid')
    .selectAll<SVGLineElement, number>('line')
    .data(f.dense ? [] : gridTimes(f))
    .join('line')
    .call(setAttrs, {
      class: () => 'sl-grid-line',
      x1: (t: number) => f.x(t),
      x2: (t: number) => f.x(t),
      y2: () => height,
    });

  svg
    .select('.sl-bars')
    .selectAll<SVGRectElement, LaneRow>('rect')
    .data(f.dense ? [] : f.rows.filter((r) => r.bar !== null), (r) => r.id)
    .join('rect')
    .call(setAttrs, {
      class: (r: LaneRow) => `sl-lanebar${r.lane.end === null ? ' sl-open' : ''}`,
      x: (r: LaneRow) => r.bar?.x ?? 0,
      width: (r: LaneRow) => r.bar?.width ?? 0,
      y: (r: LaneRow) => r.y + Math.round(h / 2) - 1,
      height: () => 2,
    });

  for (const kind of SPAN_LAYERS) {
    const rects = svg
      .select(`.sl-spans-${kind}`)
      .selectAll<SVGRectElement, SpanRect>('rect')
      .data(f.dense ? [] : l.spans.filter((s) => s.kind === kind), (s) => String(s.id))
      .join((enter) =>
        enter
          .append('rect')
          .attr('data-testid', 'span')
          .attr('data-kind', kind)
          .attr('rx', kind === 'run' ? 0 : 1.5),
      );
    setAttrs(rects, {
      'data-id': (s) => s.id,
      class: (s) => spanClass(s, f.focusLock),
      'aria-label': f.spanAria,
      x: (s) => s.x.toFixed(1),
      y: (s) => s.y,
      width: (s) => s.width.toFixed(1),
      height: (s) => s.height,
    });
  }

  drawMarks(svg.select<SVGGElement>('.sl-marks'), f.marks, l, h);
  drawMarkLabels(svg.select<SVGGElement>('.sl-mark-labels'), f.labels);
  drawFlows(svg.select<SVGGElement>('.sl-flows'), f.flows);

  const md = f.mainDone;
  const mdx = md === null ? NaN : f.x(md);
  const mdLine = root.querySelector('.sl-maindone');
  classIf(mdLine, 'hidden', !(mdx >= f.labelWidth && mdx <= f.right));
  attrs(mdLine, { x1: mdx || 0, x2: mdx || 0, y1: 0, y2: height });
}

/** What the rows and labels were drawn from, per lanes <svg>: they change with the lanes, not zoom. */
const rowsDrawn = new WeakMap<SVGSVGElement, string>();

/** Row stripes and lane labels (tree guides, thread toggles), skipped when nothing they show changed. */
function drawRows(svg: Svg, labels: Svg, f: LaneFrame, width: number): void {
  const h = f.laneHeight;
  const key = [width, h, f.threadsText(0), f.toggleTitle(true), f.toggleTitle(false)]
    .concat(
      f.rows.map(
        (r) =>
          `${r.id} ${r.pid} ${r.y} ${r.depth} ${r.threads} ${r.collapsed} ${r.lane.daemon} ${r.lane.main} ${r.label}`,
      ),
    )
    .join('\n');
  if (rowsDrawn.get(svg.node()!) === key) return;
  rowsDrawn.set(svg.node()!, key);
  svg
    .select('.sl-rows')
    .selectAll<SVGRectElement, LaneRow>('rect')
    .data(f.rows, (r) => r.id)
    .join('rect')
    .call(setAttrs, {
      class: (r: LaneRow) => (Math.round(r.y / h) % 2 ? 'sl-row sl-row-odd' : 'sl-row'),
      x: () => 0,
      y: (r: LaneRow) => r.y,
      width: () => width,
      height: () => h,
    });

  const lanes = labels
    .select('.sl-labels')
    .selectAll<SVGGElement, LaneRow>('g.sl-lane')
    .data(f.rows, (r) => r.id)
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'sl-lane')
        .attr('data-testid', 'lane')
        .attr('role', 'listitem');
      g.append('path').attr('class', 'sl-guide');
      // Bound once: the handler reads this frame's callbacks (re-binding every frame costs).
      g.append('text')
        .attr('class', 'sl-toggle')
        .attr('data-testid', 'lane-toggle')
        .on('click', function (ev: MouseEvent, r: LaneRow) {
          ev.stopPropagation();
          const owner = this.ownerSVGElement;
          if (owner) frames.get(owner)?.onToggle(r.id);
        });
      g.append('text').attr('class', 'sl-label');
      return g;
    })
    .call(setAttrs, {
      'data-pid': (r: LaneRow) => r.pid,
      'data-lane-id': (r: LaneRow) => r.id,
      'data-depth': (r: LaneRow) => r.depth,
      'aria-label': (r: LaneRow) => r.label,
      class: (r: LaneRow) =>
        `sl-lane${r.lane.daemon ? ' sl-daemon' : ''}${r.lane.main ? ' sl-main' : ''}`,
    });
  lanes.select<SVGPathElement>('.sl-guide').call(setAttrs, { d: guide });
  lanes
    .select<SVGTextElement>('.sl-toggle')
    .call(setAttrs, {
      class: (r: LaneRow) => `sl-toggle${r.threads === 0 ? ' hidden' : ''}`,
      'aria-expanded': (r: LaneRow) => (r.threads ? String(!r.collapsed) : null),
      x: (r: LaneRow) => 4 + r.depth * INDENT,
      y: (r: LaneRow) => r.y + h / 2,
    })
    .call(textIfChanged, (r: LaneRow) => (r.collapsed ? '▸' : '▾'))
    .selectAll<SVGTitleElement, string>('title')
    .data((r) => [f.toggleTitle(r.collapsed)])
    .join('title')
    .each(function (t) {
      if (this.textContent !== t) this.textContent = t;
    });
  lanes
    .select<SVGTextElement>('.sl-label')
    .call(setAttrs, {
      x: (r: LaneRow) => (r.threads ? 15 : 8) + r.depth * INDENT,
      y: (r: LaneRow) => r.y + h / 2,
    })
    .call(textIfChanged, (r: LaneRow) =>
      r.collapsed ? `${r.label} +${f.threadsText(r.threads)}` : r.label,
    );
}

/**
 * Set each element's own text only when it differs (a text change costs a layout and a repaint);
 * child elements (the toggle's <title>) stay: replacing textContent re-created them every frame.
 */
function textIfChanged(
  sel: Selection<SVGTextElement, LaneRow, BaseType, unknown>,
  text: (r: LaneRow) => string,
): void {
  sel.each(function (r) {
    ownText(this, text(r));
  });
}
