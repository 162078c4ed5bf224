// One frame of the view: filter, lay out and draw everything from the model and the view state.
import { scaleLinear } from 'd3';
import { filterModel } from './filter';
import { labelColumn, timeEnd } from './frame';
import { updateHeader } from './header';
import { updateInspector } from './inspector';
import { describe } from './interact';
import { layout } from './layout';
import { layoutFlows, layoutMarkLabels } from './layoutFlows';
import { drawLegend } from './legend';
import { drawOverview } from './overview';
import { readPalette } from './palette';
import { drawAxis } from './renderAxis';
import { mergeSpans, DENSE_SPANS } from './dense';
import { drawDenseCanvas } from './renderCanvas';
import { drawLanes } from './renderLanes';
import { drawSelection, outlineOf } from './renderSelection';
import { spanKindText, translator } from './strings';
import { updateToolbar } from './toolbar';
import type { View } from './view';
import type { ViewState } from './viewState';

/** The view state to save: the zoom window and what the user chose. */
export function viewState(view: View): ViewState {
  return { ...view.state, window: view.zoom.window, collapsed: [...view.state.collapsed] };
}

/** The user changed something: save the state and redraw on the next frame. */
export function changed(view: View): void {
  view.options.onState?.(viewState(view));
  schedule(view);
}

/** Redraw on the next animation frame (many zoom or resize events make one draw). */
export function schedule(view: View): void {
  if (view.raf) return;
  view.raf = requestAnimationFrame(() => {
    view.raf = 0;
    draw(view);
  });
}

/** Draw everything from the view's current model, options and state. */
export function draw(view: View): void {
  if (view.raf) cancelAnimationFrame(view.raf);
  view.raf = 0;
  const { model, options, state } = view;
  const tr = translator(options.strings);
  // Before this frame touches the DOM, so the computed style is still clean.
  const palette = readPalette(view.dense);
  const fkey = JSON.stringify(state.filter);
  if (view.shownKey.model !== model || view.shownKey.filter !== fkey) {
    view.shown = filterModel(model, state.filter);
    view.shownKey = { model, filter: fkey };
  }
  const shown = view.shown;
  const avail = view.scroll.node()!.clientHeight;
  const h =
    options.laneHeight ??
    Math.max(16, Math.min(26, Math.floor(avail / Math.max(1, shown.lanes.length))));
  updateHeader(view.header, model.header, tr, options.onStop);
  updateToolbar(view.toolbar, tr, state.filter, state.printLabels, model.lanes);
  drawLegend(view.legend, tr);
  view.empty.classed('hidden', model.lanes.length > 0).text(tr('waiting'));
  view.scroll.attr('aria-label', tr('lanesLabel'));

  const width = view.scroll.node()!.clientWidth || 800;
  const collapsed = new Set(state.collapsed);
  const left = labelColumn(shown, collapsed, `+${tr('threads')}`.length + 3);
  const right = Math.max(left + 50, width - 28);
  const end = timeEnd(model);
  Object.assign(view, { labelWidth: left, right, end });
  // A restored zoom window waits for the model it was chosen on (also across the empty frame
  // between a host's reset and its snapshot).
  if (model.lanes.length === 0 && view.zoom.window) {
    view.pendingWindow = view.zoom.window;
    view.zoom.window = null;
  }
  if (view.pendingWindow && model.lanes.length > 0) {
    view.zoom.window = view.pendingWindow;
    view.pendingWindow = null;
  }
  const x = scaleLinear()
    .domain(view.zoom.update(left, right, end))
    .range([left, right]);
  const domain = x.domain();
  const l = layout({
    lanes: shown.lanes,
    spans: shown.spans,
    marks: shown.marks,
    domain: [domain[0], domain[1]],
    range: [left, right],
    laneHeight: h,
    now: end,
    collapsed,
  });
  view.layout = l;
  const found = describe(view, tr);
  const focusLock = found?.type === 'span' ? (found.item.lockId ?? null) : null;
  // Queue ids have no lock colour: a focused queue keeps only queue blocks bright on the canvas.
  const focusIndex = focusLock === null ? -1 : l.locks.indexOf(focusLock);
  const mainDone = model.header?.mainDone ?? null;
  const dense = l.spans.length > DENSE_SPANS;
  drawAxis(view.axis, x, width, left, mainDone, tr('mainDone'));
  drawLanes(
    view.lanes,
    l,
    {
      x,
      labelWidth: left,
      right,
      laneHeight: h,
      mainDone,
      flows: layoutFlows(shown.flows ?? [], l, (t) => x(t), left, right),
      labels: layoutMarkLabels(l, state.printLabels, left, right),
      threadsText: (n) => `${n} ${tr('threads')}`,
      toggleTitle: (c) => tr(c ? 'expand' : 'collapse'),
      onToggle: (id) => {
        state.collapsed = collapsed.has(id)
          ? state.collapsed.filter((c) => c !== id)
          : [...state.collapsed, id];
        changed(view);
      },
      focusLock,
      spanAria: (s) => `${spanKindText(tr, s.kind)}: ${s.span.label}`,
      dense,
    },
    width,
  );
  drawDenseCanvas(
    view.dense,
    dense ? mergeSpans(l.spans, left, right) : null,
    l.rows,
    {
      width,
      height: Math.max(1, l.height),
      left,
      right,
    },
    palette,
    focusLock === null
      ? null
      : (kind, lock) => (focusIndex >= 0 ? lock !== focusIndex : kind !== 'queueBlock'),
  );
  drawSelection(view.lanes.select('.sl-selection'), outlineOf(l, state.selected, left, right));
  drawOverview(view.overview, shown, l, width, left, right, end, view.zoom.window, palette);
  view.overview.el.attr('title', tr('overview'));
  updateInspector(view.inspector, view.inspectorOpen ? view.content : null, tr);
  // A vertical scrollbar that just appeared (or went) changes the width: draw again.
  if (view.scroll.node()!.clientWidth !== width) schedule(view);
}
