// Mouse and keyboard on the lanes: hover tooltip, click to select, double-click to open the
// source, arrow keys / Tab to move, Enter for details, Escape to clear, brushing a time range.
import { pointer } from 'd3';
import { installBrush } from './brush';
import { hitTest } from './hitTest';
import { inspectorFields } from './inspectorFields';
import { laneLabel } from './laneOrder';
import {
  findSelected,
  laneItems,
  laneOf,
  stepLane,
  stepOnLane,
  timeOf,
  type Found,
} from './navigate';
import { markKindText, spanKindText, translator, type Tr } from './strings';
import { hideTooltip, showTooltip, tipLines } from './tooltip';
import type { View } from './view';
import type { Selected } from './viewState';

/** What the interactions may do to the view. */
export interface InteractActions {
  /** Select (null clears); `open` opens the inspector too. */
  select(sel: Selected | null, open: boolean): void;
  /** Zoom or another view change happened: save state and redraw. */
  redraw(): void;
}

/** Title of a found item: its kind in words, or the lane's label. */
function titleOf(f: Found, tr: Tr): string {
  switch (f.type) {
    case 'span':
      return spanKindText(tr, f.item.kind);
    case 'mark':
      return markKindText(tr, f.item.kind);
    case 'lane':
      return laneLabel(f.item);
  }
}

/** Fill `view.content` for the current selection; returns the selected item (or null). */
export function describe(view: View, tr: Tr): Found | null {
  const found = findSelected(view.model, view.state.selected);
  if (!found) {
    view.content = null;
    view.announce.text('');
    return null;
  }
  const src = found.type === 'lane' ? undefined : found.item.src;
  const onOpen = view.options.onOpenSource;
  let note: string | null = null;
  if (found.type === 'span' && found.item.lockId !== undefined)
    note = tr(found.item.kind === 'queueBlock' ? 'sameQueue' : 'sameLock');
  view.content = {
    title: titleOf(found, tr),
    fields: inspectorFields(found, view.model, tr, view.end),
    note,
    onSource: src && onOpen ? () => onOpen(src[0], src[1]) : null,
  };
  const text =
    found.type === 'span' ? found.item.label : found.type === 'mark' ? found.item.text : '';
  view.announce.text(`${view.content.title}${text ? `: ${text}` : ''}`);
  return found;
}

/** The item under a lanes-<svg> point: a mark, else the top span, else the lane (null: nothing). */
function itemAt(view: View, px: number, py: number): Selected | null {
  const hit = view.layout ? hitTest(view.layout, px, py) : null;
  if (!hit) return null;
  if (px < view.labelWidth) return { type: 'lane', id: hit.row.id };
  if (hit.mark) return { type: 'mark', id: hit.mark.marks[0].id };
  if (hit.spans.length) return { type: 'span', id: hit.spans[0].id };
  return { type: 'lane', id: hit.row.id };
}

/** Visible time window (ns) and the px → ns mapping of the last draw. */
function timeAt(view: View): (px: number) => number {
  const [d0, d1] = view.zoom.window ?? [0, view.end];
  const left = view.labelWidth;
  return (px) => d0 + ((px - left) / Math.max(1, view.right - left)) * (d1 - d0);
}

/** Scroll the lanes so the row of `lane` is visible. */
function scrollToLane(view: View, lane: string | null): void {
  const row = lane === null ? undefined : view.layout?.rowOf(lane);
  const el = view.scroll.node();
  if (!row || !el) return;
  if (row.y < el.scrollTop) el.scrollTop = row.y;
  else if (row.y + row.height > el.scrollTop + el.clientHeight)
    el.scrollTop = row.y + row.height - el.clientHeight;
}

/** Keyboard: ←/→ previous/next event on the lane, ↑/↓ and Tab lanes, Enter details, Escape clear. */
function onKey(view: View, act: InteractActions, ev: KeyboardEvent): void {
  const m = view.shown;
  const cur = view.state.selected;
  const rows = view.layout?.rows.map((r) => r.id) ?? [];
  let next: Selected | null = null;
  switch (ev.key) {
    case 'ArrowRight':
    case 'ArrowLeft': {
      const dir = ev.key === 'ArrowRight' ? 1 : -1;
      next = cur ? stepOnLane(m, cur, dir) : rows.length ? { type: 'lane', id: rows[0] } : null;
      break;
    }
    case 'ArrowDown':
    case 'ArrowUp':
    case 'Tab': {
      const dir = ev.key === 'ArrowUp' || (ev.key === 'Tab' && ev.shiftKey) ? -1 : 1;
      const lane = stepLane(rows, laneOf(m, cur), dir);
      if (lane === null) return; // Tab at the last lane leaves the lanes
      const f = findSelected(m, cur);
      const t = f ? timeOf(f, view.end) : null;
      const items = laneItems(m, lane);
      next = { type: 'lane', id: lane };
      if (t && items.length) {
        const best = items.reduce((a, b) => (Math.abs(b.t - t[0]) < Math.abs(a.t - t[0]) ? b : a));
        next = best.sel;
      }
      break;
    }
    case 'Enter':
      if (cur) act.select(cur, true);
      ev.preventDefault();
      return;
    case 'Escape':
      act.select(null, false);
      ev.preventDefault();
      return;
    default:
      return;
  }
  ev.preventDefault();
  if (!next) return;
  const f = findSelected(m, next);
  const t = f ? timeOf(f, view.end) : null;
  if (t) view.zoom.reveal(t[0], t[1]);
  scrollToLane(view, laneOf(m, next));
  act.select(next, false);
}

/** Install every mouse and keyboard behaviour of the lanes, axis and overview. */
export function installInteractions(view: View, act: InteractActions): void {
  const node = view.lanes.node()!;
  view.lanes
    .on('mousemove', (ev: MouseEvent) => {
      const [px, py] = pointer(ev, node);
      const hit = view.layout ? hitTest(view.layout, px, py) : null;
      if (!hit) return hideTooltip(view.tip);
      const tr = translator(view.options.strings);
      showTooltip(view.tip, tipLines(hit, tr, px < view.labelWidth), ev.clientX, ev.clientY);
    })
    .on('mouseleave', () => hideTooltip(view.tip))
    .on('click', (ev: MouseEvent) => {
      if (ev.target instanceof Element && ev.target.closest('.sl-toggle')) return;
      const [px, py] = pointer(ev, node);
      act.select(itemAt(view, px, py), true);
      view.scroll.node()?.focus({ preventScroll: true });
    })
    .on('dblclick', (ev: MouseEvent) => {
      const [px, py] = pointer(ev, node);
      const f = findSelected(view.model, itemAt(view, px, py));
      const src = f && f.type !== 'lane' ? f.item.src : undefined;
      if (src) view.options.onOpenSource?.(src[0], src[1]);
    });
  view.scroll.on('keydown', (ev: KeyboardEvent) => onKey(view, act, ev));
  view.inspector.on('keydown', (ev: KeyboardEvent) => {
    if (ev.key !== 'Escape') return;
    act.select(null, false);
    view.scroll.node()?.focus({ preventScroll: true });
  });
  const axis = view.axis.node()!;
  installBrush([axis, node], {
    frame: view.plot.node()!,
    band: view.band.node()!,
    accept: (ev) => ev.shiftKey || (ev.target instanceof Node && axis.contains(ev.target)),
    limits: () => [view.labelWidth, view.right],
    done: (x0, x1) => {
      const t = timeAt(view);
      view.zoom.show(t(x0), t(x1));
      act.redraw();
    },
  });
  const ov = view.overview;
  const ovBand = ov.el.append('div').attr('class', 'sl-brush hidden').node()!;
  const ovTime = (x: number): number =>
    ((x - view.labelWidth) / Math.max(1, view.right - view.labelWidth)) * view.end;
  installBrush([ov.el.node()!], {
    frame: ov.el.node()!,
    band: ovBand,
    accept: () => true,
    limits: () => [view.labelWidth, view.right],
    done: (x0, x1) => {
      view.zoom.show(ovTime(x0), ovTime(x1));
      act.redraw();
    },
  });
  ov.el.on('click', (ev: MouseEvent) => {
    const w = view.zoom.window;
    if (!w) return;
    const x = ev.clientX - ov.el.node()!.getBoundingClientRect().left;
    const half = (w[1] - w[0]) / 2;
    view.zoom.show(ovTime(x) - half, ovTime(x) + half);
    act.redraw();
  });
}
