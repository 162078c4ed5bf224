// Swimlane renderer: builds the view once per root element, then redraws it from a model.
// D3 only; no messaging (callbacks in RenderOptions); view state lives on the root.
//
// DOM contract: tests and the e2e suite rely on these data-testid values. Keep them stable.
//   header        run header               title      scenario title
//   state         state badge: text = state word, data-state = RunState
//   tickets       "Tickets: N sold / M available"; data-oversold="true" when N > M
//   duration, processes, lockwait, badframes, dropped   header chips (class "hidden" when n/a)
//   error         error text (class "hidden" when none)     stop   Stop button (while live)
//   fit, zoom-in, zoom-out, labels-toggle, export-svg, export-png   toolbar buttons
//   search, filter-kind, filter-process   filter inputs      legend   items carry data-kind
//   overview, overview-window   whole-run strip and the visible window's box
//   plot          zoom/pan area            axis       time axis <svg>, data-domain="t0,t1" (ns)
//   lanes         lanes <svg>              main-done / main-done-label   line and its flag
//   lane-labels   <svg> over the lanes' label column, holding the lane elements
//   lane          one per lane: data-pid, data-lane-id, data-depth     lane-toggle  ▾/▸ threads
//   span          one per visible span: data-kind = SpanKind, data-id
//   mark          one per visible mark (merged per pixel): data-kind, data-count when merged
//   mark-label    inline text of an end/killed mark (and prints when labels-toggle is on)
//   flow          arrow: data-kind = spawn|queue      selection   outline of the selected item
//   inspector, goto-source, inspector-close, inspector-note   the details pane
//   tooltip       hover tooltip <div> (class "hidden" when not shown)    brush   range band
//   empty         "waiting for events" notice (class "hidden" once lanes exist)
//   dense         canvas under the lanes: spans merged per pixel when > DENSE_SPANS are visible
import { createHeader } from './header';
import { createInspector } from './inspector';
import { changed, draw, schedule } from './draw';
import { installInteractions } from './interact';
import type { SwimlaneModel } from './layout';
import { createOverview } from './overview';
import { createAxis } from './renderAxis';
import { createLaneLayers } from './renderLanes';
import { TimeZoom } from './timeZoom';
import { hideTooltip } from './tooltip';
import { createToolbar } from './toolbar';
import type { Html, RenderOptions, View } from './view';
import { defaultViewState, type ViewState } from './viewState';
import { exportView } from './exportView';

export type { RenderOptions } from './view';

const views = new WeakMap<Element, View>();

/** Create the DOM structure and behaviours inside `root`. */
function createView(root: Html, initial: ViewState): View {
  root.classed('sl-root', true).selectAll('*').remove();
  const header = createHeader(root);
  // The toolbar's actions reach the view through this late-bound reference.
  let self: View | null = null;
  const act = (f: (v: View) => void) => () => {
    if (self) f(self);
  };
  const toolbar = createToolbar(
    root,
    {
      fit: act((v) => {
        v.zoom.fit();
        changed(v);
      }),
      zoom: (k) =>
        act((v) => {
          v.zoom.zoomBy(k);
          changed(v);
        })(),
      togglePrintLabels: act((v) => {
        v.state.printLabels = !v.state.printLabels;
        changed(v);
      }),
      filter: (f) =>
        act((v) => {
          v.state.filter = f;
          changed(v);
        })(),
      exportAs: (format) => act((v) => void exportView(v, format))(),
    },
    () => self?.state.filter ?? defaultViewState().filter,
  );
  const legend = root.append('div').attr('class', 'sl-legend').attr('data-testid', 'legend');
  const main = root.append<HTMLElement>('div').attr('class', 'sl-body');
  const overview = createOverview(main);
  const plot = main.append('div').attr('class', 'sl-plot').attr('data-testid', 'plot');
  const axis = plot.append('svg').attr('class', 'sl-axis').attr('data-testid', 'axis');
  const scroll = plot.append('div').attr('class', 'sl-scroll').attr('tabindex', 0);
  const dense = scroll
    .append('canvas')
    .attr('class', 'sl-dense hidden')
    .attr('data-testid', 'dense')
    .attr('aria-hidden', 'true');
  const lanes = scroll.append('svg').attr('class', 'sl-lanes').attr('data-testid', 'lanes');
  // Lane labels over the lanes' label column, in their own <svg> and compositor layer: a zoom
  // repaints the lanes <svg> but not the labels (painting them cost ~0.4 ms per frame).
  const labels = scroll
    .append('svg')
    .attr('class', 'sl-lane-labels')
    .attr('data-testid', 'lane-labels');
  const band = plot.append('div').attr('class', 'sl-brush hidden').attr('data-testid', 'brush');
  const empty = plot.append('div').attr('class', 'sl-empty').attr('data-testid', 'empty');
  const inspector = createInspector(
    main,
    act((v) => select_(v, null, false)),
  );
  const tip = root
    .append('div')
    .attr('class', 'sl-tooltip hidden')
    .attr('data-testid', 'tooltip')
    .attr('role', 'tooltip');
  const announce = root.append('div').attr('class', 'sl-sr-only').attr('aria-live', 'polite');
  createAxis(axis);
  createLaneLayers(lanes, labels);
  const zoom = new TimeZoom(plot, axis.node()!, scroll.node()!, () => {
    hideTooltip(tip);
    if (self) changed(self);
  });
  const empty0: SwimlaneModel = { lanes: [], spans: [], marks: [], header: null };
  const view: View = {
    header,
    toolbar,
    legend,
    overview,
    plot,
    axis,
    scroll,
    lanes,
    labels,
    dense: dense.node()!,
    band,
    empty,
    tip,
    inspector,
    announce,
    zoom,
    model: empty0,
    shown: empty0,
    shownKey: { model: null, filter: '' },
    options: {},
    state: initial,
    inspectorOpen: initial.selected !== null,
    layout: null,
    labelWidth: 0,
    right: 0,
    end: 1e6,
    epoch: undefined,
    raf: 0,
    stateDirty: false,
    chrome: [],
    palette: null,
    content: null,
    pendingWindow: initial.window,
    keepNextReset: initial !== undefined && (initial.window !== null || initial.selected !== null),
  };
  self = view;
  installInteractions(view, {
    select: (sel, open) => select_(view, sel, open),
    redraw: () => changed(view),
  });
  // The plot resized, or a vertical scrollbar came or went (the scroller's content box changed).
  const resized = new ResizeObserver(() => schedule(view));
  resized.observe(plot.node()!);
  resized.observe(scroll.node()!);
  // VS Code changes the theme through <html>'s style and <body>'s class: read the colours again.
  const themed = new MutationObserver(() => {
    view.palette = null;
    schedule(view);
  });
  themed.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['style', 'class'],
  });
  themed.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  // The canvas and the virtualised rows cover the viewport: scrolling draws again.
  scroll.on('scroll', () => schedule(view));
  return view;
}

/** Select an item (null clears); `open` also opens the inspector. */
function select_(view: View, sel: ViewState['selected'], open: boolean): void {
  view.state.selected = sel;
  if (sel === null) view.inspectorOpen = false;
  else if (open) view.inspectorOpen = true;
  changed(view);
}

/** Render `model` into `root`, creating the view on first use. Safe to call every frame. */
export function render(root: Html, model: SwimlaneModel, options: RenderOptions = {}): void {
  const node = root.node();
  if (!node) return;
  let view = views.get(node);
  if (!view) {
    view = createView(root, options.initialState ?? defaultViewState());
    views.set(node, view);
    view.epoch = options.epoch;
  }
  if (options.epoch !== view.epoch) {
    // The first reset after a restore re-sends the same run: keep what the user had chosen.
    if (!view.keepNextReset) {
      view.zoom.fit();
      view.pendingWindow = null;
      view.state.selected = null;
      view.inspectorOpen = false;
    }
    view.keepNextReset = false;
  }
  view.epoch = options.epoch;
  view.model = model;
  view.options = options;
  draw(view);
}

/** The root's view, for the interaction and export modules (undefined before the first render). */
export function viewOf(root: Element): View | undefined {
  return views.get(root);
}
