// Swimlane renderer: builds the view once per root element, then redraws it from a model.
// D3 only; no messaging (the Stop button calls options.onStop); view state lives on the root.
//
// DOM contract: tests and the e2e suite rely on these data-testid values. Keep them stable.
//   header        run header               title      scenario title
//   state         state badge: text = state word, data-state = RunState
//   tickets       "Tickets: N sold / M available"; data-oversold="true" when N > M
//   duration, processes, lockwait, badframes, dropped   header chips (class "hidden" when n/a)
//   error         error text (class "hidden" when none)     stop   Stop button (while live)
//   fit           Fit button               legend     legend; items carry data-kind
//   plot          zoom/pan area            axis       time axis <svg>, data-domain="t0,t1" (ns)
//   lanes         lanes <svg>              main-done / main-done-label   line and its flag
//   lane          one per lane: data-pid, data-lane-id, data-depth
//   span          one per visible span: data-kind = SpanKind, data-id
//   mark          one per visible mark (merged per pixel): data-kind, data-count when merged
//   mark-label    inline text of an end/killed mark (and prints when labels-toggle is on)
//   flow          arrow: data-kind = spawn|queue        lane-toggle   ▾/▸ of a process's threads
//   tooltip       hover tooltip <div> (class "hidden" when not shown)
//   empty         "waiting for events" notice (class "hidden" once lanes exist)
import { pointer, scaleLinear, type Selection } from 'd3';
import { createHeader, updateHeader } from './header';
import { hitTest } from './hitTest';
import { layout, orderLanes, type Layout, type SwimlaneModel } from './layout';
import { layoutFlows, layoutMarkLabels } from './layoutFlows';
import { drawLegend } from './legend';
import { createAxis, drawAxis } from './renderAxis';
import { createLaneLayers, drawLanes, INDENT } from './renderLanes';
import { translator } from './strings';
import { TimeZoom } from './timeZoom';
import { hideTooltip, showTooltip, tipLines } from './tooltip';

/** Options of {@link render}. */
export interface RenderOptions {
  /** UI string overrides from the host. */
  strings?: Readonly<Record<string, string>>;
  /** Changes when the host resets the model; the view then fits the new run. */
  epoch?: number;
  /** Row height in px; by default rows fill the height, 16–26 px (100+ lanes stay compact). */
  laneHeight?: number;
  /** Called by the Stop button; the button is hidden when absent. */
  onStop?: () => void;
}

type Html<E extends HTMLElement = HTMLElement> = Selection<E, unknown, null, undefined>;
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Everything a root keeps between redraws. */
interface View {
  header: Html;
  fit: Html<HTMLButtonElement>;
  labelsToggle: Html<HTMLButtonElement>;
  hint: Html<HTMLSpanElement>;
  legend: Html<HTMLDivElement>;
  plot: Html<HTMLDivElement>;
  axis: Svg;
  scroll: Html<HTMLDivElement>;
  lanes: Svg;
  empty: Html<HTMLDivElement>;
  tip: Html<HTMLDivElement>;
  zoom: TimeZoom;
  model: SwimlaneModel;
  options: RenderOptions;
  layout: Layout | null;
  /** Label column width of the last draw (the hover tooltip needs it). */
  labelWidth: number;
  epoch: number | undefined;
  raf: number;
  /** Process lane ids whose thread sub-lanes are hidden. */
  collapsed: Set<string>;
  /** Whether prints show their text inline. */
  printLabels: boolean;
}

const views = new WeakMap<Element, View>();

/** Latest time anything in the model reaches (ns), at least 1 ms. */
function timeEnd(m: SwimlaneModel): number {
  let end = m.header ? Math.max(m.header.duration, m.header.mainDone ?? 0) : 0;
  for (const l of m.lanes) end = Math.max(end, l.begin ?? 0, l.end ?? 0);
  for (const s of m.spans) end = Math.max(end, s.start, s.end ?? 0);
  for (const k of m.marks) end = Math.max(end, k.t);
  return Math.max(end, 1e6);
}

/** Width of the label column for these lanes (estimated from text length and depth). */
function labelColumn(m: SwimlaneModel): number {
  let w = 0;
  for (const { lane, depth } of orderLanes(m.lanes)) {
    let chars = 0;
    for (const ch of `${lane.name} (${lane.pid})`) chars += ch.codePointAt(0)! > 0x2e80 ? 12 : 6.8;
    w = Math.max(w, chars + depth * INDENT + 26);
  }
  return Math.round(Math.min(260, Math.max(110, w)));
}

/** Create the DOM structure and behaviours inside `root`. */
function createView(root: Html): View {
  root.classed('sl-root', true).selectAll('*').remove();
  const header = createHeader(root);
  const bar = root.append('div').attr('class', 'sl-toolbar');
  const fit = bar.append('button').attr('class', 'sl-button').attr('data-testid', 'fit');
  const labelsToggle = bar
    .append('button')
    .attr('class', 'sl-button sl-secondary')
    .attr('data-testid', 'labels-toggle');
  const legend = bar.append('div').attr('class', 'sl-legend').attr('data-testid', 'legend');
  const hint = bar.append('span').attr('class', 'sl-hint');
  const plot = root.append('div').attr('class', 'sl-plot').attr('data-testid', 'plot');
  const axis = plot.append('svg').attr('class', 'sl-axis').attr('data-testid', 'axis');
  const scroll = plot.append('div').attr('class', 'sl-scroll');
  const lanes = scroll.append('svg').attr('class', 'sl-lanes').attr('data-testid', 'lanes');
  const empty = plot.append('div').attr('class', 'sl-empty').attr('data-testid', 'empty');
  const tip = root
    .append('div')
    .attr('class', 'sl-tooltip hidden')
    .attr('data-testid', 'tooltip')
    .attr('role', 'tooltip');
  createAxis(axis);
  createLaneLayers(lanes);
  const view: View = {
    header,
    fit,
    labelsToggle,
    hint,
    legend,
    plot,
    axis,
    scroll,
    lanes,
    empty,
    tip,
    zoom: new TimeZoom(plot, axis.node()!, scroll.node()!, () => {
      hideTooltip(tip);
      schedule(view);
    }),
    model: { lanes: [], spans: [], marks: [], header: null },
    options: {},
    layout: null,
    labelWidth: 0,
    epoch: undefined,
    raf: 0,
    collapsed: new Set(),
    printLabels: false,
  };
  installHover(view);
  fit.on('click', () => {
    view.zoom.fit();
    draw(view);
  });
  labelsToggle.on('click', () => {
    view.printLabels = !view.printLabels;
    draw(view);
  });
  new ResizeObserver(() => schedule(view)).observe(plot.node()!);
  return view;
}

/** Tooltip on mouse move over the lanes: the lane, the mark nearby, the spans under x. */
function installHover(view: View): void {
  const node = view.lanes.node()!;
  view.lanes
    .on('mousemove', (ev: MouseEvent) => {
      const [px, py] = pointer(ev, node);
      const hit = view.layout ? hitTest(view.layout, px, py) : null;
      if (!hit) return hideTooltip(view.tip);
      const tr = translator(view.options.strings);
      showTooltip(view.tip, tipLines(hit, tr, px < view.labelWidth), ev.clientX, ev.clientY);
    })
    .on('mouseleave', () => hideTooltip(view.tip));
}

/** Redraw on the next animation frame (many zoom or resize events make one draw). */
function schedule(view: View): void {
  if (view.raf) return;
  view.raf = requestAnimationFrame(() => {
    view.raf = 0;
    draw(view);
  });
}

/** Draw everything from the view's current model and options. */
function draw(view: View): void {
  if (view.raf) cancelAnimationFrame(view.raf);
  view.raf = 0;
  const { model, options } = view;
  const tr = translator(options.strings);
  const avail = view.scroll.node()!.clientHeight;
  const h =
    options.laneHeight ??
    Math.max(16, Math.min(26, Math.floor(avail / Math.max(1, model.lanes.length))));
  updateHeader(view.header, model.header, tr, options.onStop);
  view.fit.text(tr('fit')).attr('title', tr('fitTitle'));
  view.hint.text(tr('hint'));
  view.labelsToggle
    .text(tr('printLabels'))
    .attr('title', tr('printLabelsTitle'))
    .attr('aria-pressed', String(view.printLabels));
  drawLegend(view.legend, tr);
  view.empty.classed('hidden', model.lanes.length > 0).text(tr('waiting'));

  const width = view.scroll.node()!.clientWidth || 800;
  const labelWidth = labelColumn(model);
  const left = labelWidth;
  const right = Math.max(left + 50, width - 28);
  const end = timeEnd(model);
  view.labelWidth = labelWidth;
  const x = scaleLinear()
    .domain(view.zoom.update(left, right, end))
    .range([left, right]);
  const domain = x.domain();
  view.layout = layout({
    lanes: model.lanes,
    spans: model.spans,
    marks: model.marks,
    domain: [domain[0], domain[1]],
    range: [left, right],
    laneHeight: h,
    now: end,
    collapsed: view.collapsed,
  });
  const flows = layoutFlows(model.flows ?? [], view.layout, (t) => x(t), left, right);
  const labels = layoutMarkLabels(view.layout, view.printLabels, left, right);
  const mainDone = model.header?.mainDone ?? null;
  drawAxis(view.axis, x, width, labelWidth, mainDone, tr('mainDone'));
  drawLanes(
    view.lanes,
    view.layout,
    {
      x,
      labelWidth,
      right,
      laneHeight: h,
      mainDone,
      flows,
      labels,
      threadsText: (n) => `${n} ${tr('threads')}`,
      toggleTitle: (collapsed) => tr(collapsed ? 'expand' : 'collapse'),
      onToggle: (id) => {
        if (!view.collapsed.delete(id)) view.collapsed.add(id);
        draw(view);
      },
    },
    width,
  );
  // A vertical scrollbar that just appeared (or went) changes the width: draw again.
  if (view.scroll.node()!.clientWidth !== width) schedule(view);
}

/** Render `model` into `root`, creating the view on first use. Safe to call every frame. */
export function render(root: Html, model: SwimlaneModel, options: RenderOptions = {}): void {
  const node = root.node();
  if (!node) return;
  let view = views.get(node);
  if (!view) {
    view = createView(root);
    views.set(node, view);
  }
  if (options.epoch !== view.epoch) view.zoom.fit();
  view.epoch = options.epoch;
  view.model = model;
  view.options = options;
  draw(view);
}
