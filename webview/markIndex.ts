// Pure per-lane time index of marks: each lane's marks sorted by time, so a frame takes only the
// marks of the rows it shows inside the visible window (two binary searches per row).
import type { Mark } from '../src/shared/webviewProtocol';
import type { LaneRow } from './layout';

const built = new WeakMap<readonly Mark[], Map<string, Mark[]>>();

/** The marks of `marks` by lane, each list sorted by time (cached per marks array). */
export function marksByLane(marks: readonly Mark[]): Map<string, Mark[]> {
  let by = built.get(marks);
  if (!by) {
    by = new Map();
    for (const m of marks) {
      const list = by.get(m.lane);
      if (list) list.push(m);
      else by.set(m.lane, [m]);
    }
    for (const list of by.values()) {
      let sorted = true;
      for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1].t <= list[i].t;
      if (!sorted) list.sort((a, b) => a.t - b.t || a.id - b.id);
    }
    built.set(marks, by);
  }
  return by;
}

/** First index in `list` (sorted by t) whose time is ≥ t. */
function lowerBound(list: readonly Mark[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The marks on `rows` with a time in [t0, t1] (`byLane`: an index kept elsewhere, e.g. the store's). */
export function visibleMarks(
  marks: readonly Mark[],
  rows: readonly LaneRow[],
  t0: number,
  t1: number,
  byLane?: ReadonlyMap<string, readonly Mark[]>,
): Mark[] {
  const by = byLane ?? marksByLane(marks);
  const out: Mark[] = [];
  for (const row of rows) {
    const list = by.get(row.id);
    if (!list) continue;
    for (let i = lowerBound(list, t0); i < list.length && list[i].t <= t1; i++) out.push(list[i]);
  }
  return out;
}
