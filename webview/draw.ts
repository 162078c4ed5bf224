// One frame of the view: filter, lay out and draw everything from the model and the view state.
import { scaleLinear } from 'd3';
import { filterModel } from './filter';
import { labelColumn, timeEnd } from './frame';
import { updateHeader } from './header';
import { updateInspector } from './inspector';
import { describe } from './interact';
import { layout, type LaneRow, type Layout, type MarkPos } from './layout';
import { layoutFlows, layoutMarkLabels } from './layoutFlows';
import { drawLegend } from './legend';
import { drawOverview } from './overview';
import { readPalette } from './palette';
import { drawAxis } from './renderAxis';
import { attrs } from './dom';
import { DENSE_SPANS } from './dense';
import { countVisible, lockIndex, mergeIndexed, spanFinder, visibleSpans } from './denseIndex';
import { visibleMarks } from './markIndex';
import { markSprites } from './markSprites';
import { tableOf } from './modelSpans';
import { drawDenseCanvas } from './renderCanvas';
import { drawLanes, gridTimes } from './renderLanes';
import { drawSelection, outlineOf } from './renderSelection';
import { spanKindText, translator } from './strings';
import { updateToolbar } from './toolbar';
import type { View } from './view';
import type { ViewState } from './viewState';

/** Above this many lanes only the rows near the viewport get SVG rows, labels, spans and marks. */
export const VIRTUAL_ROWS = 200;
/** Above this many merged marks in view they are drawn on the canvas instead of as SVG glyphs. */
export const MAX_SVG_MARKS = 200;
/** The same when the spans are on the canvas too (a dense frame): an SVG glyph per mark costs
 *  style, layout and paint on every zoom frame, a glyph copied into the canvas far less. While
 *  the spans are SVG elements the marks stay above them in the SVG. */
export const MAX_SVG_MARKS_DENSE = 60;
/** Above this many merged marks in view the canvas draws them as ticks instead of glyphs. */
export const MAX_GLYPH_MARKS = 1000;

/** The view state to save: the zoom window and what the user chose. */
export function viewState(view: View): ViewState {
  return { ...view.state, window: view.zoom.window, collapsed: [...view.state.collapsed] };
}

/** The user changed something: save the state and redraw on the next frame. */
export function changed(view: View): void {
  view.stateDirty = true;
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

/** The marks of `l` on rows that `shown` accepts (a lane's marks come together: one lookup each). */
function marksInView(l: Layout, shown: (r: LaneRow) => boolean): MarkPos[] {
  const out: MarkPos[] = [];
  let lane: string | undefined;
  let keep = false;
  for (const m of l.marks) {
    if (m.lane !== lane) {
      lane = m.lane;
      keep = shown(l.rowById.get(lane)!);
    }
    if (keep) out.push(m);
  }
  return out;
}

/** Draw everything from the view's current model, options and state. */
export function draw(view: View): void {
  if (view.raf) cancelAnimationFrame(view.raf);
  view.raf = 0;
  const { model, options, state } = view;
  // Many zoom events between two frames save the state once.
  if (view.stateDirty) {
    view.stateDirty = false;
    options.onState?.(viewState(view));
  }
  const tr = translator(options.strings);
  // Read again only after a theme change (before this frame touches the DOM: the style is clean).
  const palette = (view.palette ??= readPalette(view.dense));
  const fkey = JSON.stringify(state.filter);
  if (view.shownKey.model !== model || view.shownKey.filter !== fkey) {
    view.shown = filterModel(model, state.filter);
    view.shownKey = { model, filter: fkey };
  }
  const shown = view.shown;
  // Every geometry read comes before the first DOM write, so the frame forces no extra layout.
  const el = view.scroll.node()!;
  const avail = el.clientHeight;
  const width = el.clientWidth || 800;
  const port = { top: el.scrollTop, height: avail };
  const h =
    options.laneHeight ??
    Math.max(16, Math.min(26, Math.floor(avail / Math.max(1, shown.lanes.length))));
  // Header, toolbar and legend change with the model or the choices, not with zoom and pan.
  const chrome = [
    model.header,
    options.strings,
    !options.onStop,
    !options.notKept,
    fkey,
    state.printLabels,
    model.lanes,
  ];
  if (chrome.some((v, i) => v !== view.chrome[i])) {
    view.chrome = chrome;
    const notKept = options.notKept === true && model.header === null;
    updateHeader(view.header, model.header, tr, notKept ? undefined : options.onStop, notKept);
    updateToolbar(view.toolbar, tr, state.filter, state.printLabels, model.lanes);
    drawLegend(view.legend, tr);
    view.empty.classed('hidden', model.lanes.length > 0).text(tr(notKept ? 'notKept' : 'waiting'));
    view.scroll.attr('aria-label', tr('lanesLabel'));
  }

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
  const base = {
    lanes: shown.lanes,
    domain: [domain[0], domain[1]] as const,
    range: [left, right] as const,
    laneHeight: h,
    now: end,
    collapsed,
    locks: tableOf(shown).lockOrder(),
  };
  // Rows first; then only the spans and marks of the rows in view, found through the indexes.
  const first = layout({ ...base, spans: [], marks: [] });
  const rows = first.rows;
  const table = tableOf(shown);
  const win = { d0: domain[0], d1: domain[1], left, right, now: end };
  const inView = (r: LaneRow, pad: number): boolean =>
    r.y + r.height > port.top - pad && r.y < port.top + port.height + pad;
  const svgRows =
    rows.length > VIRTUAL_ROWS ? rows.filter((r) => inView(r, port.height / 4)) : rows;
  const dense = countVisible(table, svgRows, win) > DENSE_SPANS;
  const l = layout({
    ...base,
    rowsOf: first,
    spans: dense ? [] : visibleSpans(table, svgRows, win),
    marks: visibleMarks(
      shown.marks,
      svgRows,
      domain[0] - (domain[1] - domain[0]) * 0.01,
      domain[1] + (domain[1] - domain[0]) * 0.01,
      shown.markIndex?.byLane,
    ),
  });
  if (dense) l.find = spanFinder(table, l.rowOf, win, l.locks);
  view.layout = l;
  const found = describe(view, tr);
  const focusLock = found?.type === 'span' ? (found.item.lockId ?? null) : null;
  // Queue ids have no lock colour: a focused queue keeps only queue blocks bright on the canvas.
  const focusIndex = focusLock === null ? -1 : l.locks.indexOf(focusLock);
  const mainDone = model.header?.mainDone ?? null;
  const marksIn = l.marks.length;
  const canvasMarks = marksIn > (dense ? MAX_SVG_MARKS_DENSE : MAX_SVG_MARKS);
  // Marks on the canvas: those of the rows it covers; as glyphs only over canvas spans (over SVG
  // spans, with the canvas under them, plain ticks as before).
  const onCanvas = canvasMarks ? marksInView(l, (r) => inView(r, 0)) : [];
  const glyphMarks = dense && canvasMarks && marksIn <= MAX_GLYPH_MARKS;
  drawAxis(view.axis, x, width, left, mainDone, tr('mainDone'));
  drawLanes(
    view.lanes,
    view.labels,
    l,
    {
      x,
      labelWidth: left,
      right,
      laneHeight: h,
      mainDone,
      flows: layoutFlows(shown.flows ?? [], l, (t) => x(t), left, right, svgRows),
      labels: marksIn > MAX_SVG_MARKS ? [] : layoutMarkLabels(l, state.printLabels, left, right),
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
      rows: svgRows,
      marks: canvasMarks ? [] : l.marks,
    },
    width,
  );
  const canvasRows = rows.filter((r) => inView(r, 0));
  drawDenseCanvas(
    view.dense,
    dense ? mergeIndexed(table, canvasRows, win, lockIndex(table, l.locks)) : null,
    canvasRows,
    { width, top: port.top, height: Math.min(port.height, Math.max(1, l.height)), left, right },
    palette,
    {
      dim:
        focusLock === null
          ? null
          : (kind, lock) => (focusIndex >= 0 ? lock !== focusIndex : kind !== 'queueBlock'),
      ticks: glyphMarks ? [] : onCanvas,
      glyphs: glyphMarks
        ? {
            marks: onCanvas,
            sprite: markSprites(view.lanes.node()!, palette, l, h, window.devicePixelRatio || 1),
          }
        : undefined,
      grid: dense ? gridTimes({ x, labelWidth: left, right }).map((t) => x(t)) : [],
    },
  );
  drawSelection(view.lanes.select('.sl-selection'), outlineOf(l, state.selected, left, right));
  drawOverview(view.overview, shown, l, width, left, right, end, view.zoom.window, palette);
  attrs(view.overview.el.node(), { title: tr('overview') });
  updateInspector(view.inspector, view.inspectorOpen ? view.content : null, tr);
}
