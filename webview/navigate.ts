// Pure keyboard navigation over the model: items of a lane in time order, lanes in row order.
import type { Lane, Mark, Span } from '../src/shared/webviewProtocol';
import type { SwimlaneModel } from './layout';
import { tableOf } from './modelSpans';
import type { Selected } from './viewState';

/** A found item with its kind. */
export type Found =
  { type: 'span'; item: Span } | { type: 'mark'; item: Mark } | { type: 'lane'; item: Lane };

/** The item a selection names, or null when it is not in the model. */
export function findSelected(m: SwimlaneModel, sel: Selected | null): Found | null {
  if (!sel) return null;
  switch (sel.type) {
    case 'span': {
      const t = tableOf(m);
      const r = t.row(sel.id);
      return r < 0 ? null : { type: 'span', item: t.span(r) };
    }
    case 'mark': {
      const item = m.marks.find((k) => k.id === sel.id);
      return item ? { type: 'mark', item } : null;
    }
    case 'lane': {
      const item = m.lanes.find((l) => l.id === sel.id);
      return item ? { type: 'lane', item } : null;
    }
  }
}

/** Lane id of a selection (the lane itself, or the lane an item lies on). */
export function laneOf(m: SwimlaneModel, sel: Selected | null): string | null {
  const f = findSelected(m, sel);
  if (!f) return null;
  return f.type === 'lane' ? f.item.id : f.item.lane;
}

/** Time extent [t0, t1] of a selection, or null for a lane. */
export function timeOf(f: Found, now: number): [number, number] | null {
  switch (f.type) {
    case 'span':
      return [f.item.start, f.item.end ?? now];
    case 'mark':
      return [f.item.t, f.item.t];
    case 'lane':
      return null;
  }
}

/** Spans and marks of a lane in time order (spans by start; ties: spans first, then by id). */
export function laneItems(m: SwimlaneModel, lane: string): { sel: Selected; t: number }[] {
  const out: { sel: Selected; t: number; o: number }[] = [];
  const t = tableOf(m);
  const ix = t.index(lane);
  for (const r of ix?.rows ?? [])
    out.push({ sel: { type: 'span', id: t.id[r] }, t: t.start[r], o: 0 });
  for (const k of m.marks)
    if (k.lane === lane) out.push({ sel: { type: 'mark', id: k.id }, t: k.t, o: 1 });
  out.sort((a, b) => a.t - b.t || a.o - b.o || (a.sel.id as number) - (b.sel.id as number));
  return out.map(({ sel, t }) => ({ sel, t }));
}

/** The next (dir 1) or previous (dir -1) item on the selection's lane; from a lane, its first/last. */
export function stepOnLane(m: SwimlaneModel, sel: Selected, dir: 1 | -1): Selected | null {
  const lane = laneOf(m, sel);
  if (lane === null) return null;
  const items = laneItems(m, lane);
  if (items.length === 0) return null;
  if (sel.type === 'lane') return (dir === 1 ? items[0] : items[items.length - 1]).sel;
  const i = items.findIndex((x) => x.sel.type === sel.type && x.sel.id === sel.id);
  const j = i + dir;
  return j >= 0 && j < items.length ? items[j].sel : null;
}

/** The lane after (dir 1) or before (dir -1) `lane` in `rows` (display order), or null at an end. */
export function stepLane(rows: readonly string[], lane: string | null, dir: 1 | -1): string | null {
  if (rows.length === 0) return null;
  if (lane === null) return dir === 1 ? rows[0] : rows[rows.length - 1];
  const i = rows.indexOf(lane);
  const j = i < 0 ? 0 : i + dir;
  return j >= 0 && j < rows.length ? rows[j] : null;
}
