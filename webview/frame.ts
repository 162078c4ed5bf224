// Pure frame metrics: how long the run is so far and how wide the lane label column must be.
import type { SwimlaneModel } from './layout';
import { orderLanes, type OrderedLane } from './laneOrder';
import { tableOf } from './modelSpans';
import { INDENT } from './renderLanes';

const ends = new WeakMap<SwimlaneModel, number>();

/** Latest time anything in the model reaches (ns), at least 1 ms (cached per model object). */
export function timeEnd(m: SwimlaneModel): number {
  let end = ends.get(m);
  if (end === undefined) ends.set(m, (end = computeEnd(m)));
  return end;
}

/** {@link timeEnd} without the cache. */
function computeEnd(m: SwimlaneModel): number {
  const h = m.header;
  let end = h ? Math.max(h.duration, h.mainDone ?? 0, h.axisEnd ?? 0) : 0;
  for (const l of m.lanes) end = Math.max(end, l.begin ?? 0, l.end ?? 0);
  end = Math.max(end, tableOf(m).maxTime);
  if (m.markIndex) end = Math.max(end, m.markIndex.maxT);
  else for (const k of m.marks) end = Math.max(end, k.t);
  return Math.max(end, 1e6);
}

/**
 * Width of the label column (px) for these lanes, estimated from text length and depth; a
 * process whose threads are hidden (`collapsed`) gets `suffix` more characters ("+2 threads").
 */
export function labelColumn(
  m: SwimlaneModel,
  collapsed: ReadonlySet<string>,
  suffix: number,
): number {
  const order = orderLanes(m.lanes, collapsed);
  // Zoom and pan frames ask again for the same lanes: the last answer is kept.
  if (lastColumn?.order === order && lastColumn.suffix === suffix) return lastColumn.width;
  let w = 0;
  for (const { lane, depth } of order) {
    let chars = collapsed.has(lane.id) ? suffix * 6.8 : 0;
    for (const ch of `${lane.name} (${lane.pid})`) chars += ch.codePointAt(0)! > 0x2e80 ? 12 : 6.8;
    w = Math.max(w, chars + depth * INDENT + 26);
  }
  const width = Math.round(Math.min(300, Math.max(110, w)));
  lastColumn = { order, suffix, width };
  return width;
}

/** The last label column: for which ordered lanes and suffix, and its width. */
let lastColumn: { order: readonly OrderedLane[]; suffix: number; width: number } | null = null;
