// The webview's marks, kept incrementally: one array in id order (the host's creation order;
// upserts replace in place) and per lane a list sorted by time, so a delta costs its own marks,
// not every mark held. Pure.
import type { Mark } from '../src/shared/webviewProtocol';

/** Position in `list` (sorted by t, then id) where `m` belongs. */
function upperBound(list: readonly Mark[], m: Mark): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = list[mid];
    if (x.t < m.t || (x.t === m.t && x.id <= m.id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index in `list` (sorted by id) of the first item whose id is ≥ `id`. */
function idLowerBound(list: readonly { id: number }[], id: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Put `item` into `list` (sorted by id): appended when its id is the highest (the usual case),
 *  else inserted in order or replacing the item with the same id, which is returned. */
export function upsertById<T extends { id: number }>(list: T[], item: T): T | undefined {
  const n = list.length;
  if (n === 0 || list[n - 1].id < item.id) {
    list.push(item);
    return undefined;
  }
  const i = idLowerBound(list, item.id);
  if (list[i].id !== item.id) {
    list.splice(i, 0, item);
    return undefined;
  }
  const old = list[i];
  list[i] = item;
  return old;
}

/** Keep only the items of `list` for which `keep` is true, in place and in order. */
export function retainInPlace<T>(list: T[], keep: (item: T) => boolean): void {
  let w = 0;
  for (let r = 0; r < list.length; r++) if (keep(list[r])) list[w++] = list[r];
  list.length = w;
}

/** Marks by id, in id order and per lane by time. */
export class MarkList {
  /** Every mark, in id order (the same array grows: callers must not keep derived caches
   *  keyed by it; `version` says when it changed). The host sends marks in the order it made
   *  them, ids growing, so a new mark is appended; an id seen before replaces that mark. */
  readonly all: Mark[] = [];
  /** Per lane, its marks sorted by time (then id). */
  readonly byLane = new Map<string, Mark[]>();
  /** Latest mark time (0 when none). */
  maxT = 0;

  /** Insert a mark, or replace the one with the same id. */
  upsert(m: Mark): void {
    const old = upsertById(this.all, m);
    if (old) this.unindex(old);
    let list = this.byLane.get(m.lane);
    if (!list) this.byLane.set(m.lane, (list = []));
    const last = list[list.length - 1];
    if (!last || last.t < m.t || (last.t === m.t && last.id < m.id)) list.push(m);
    else list.splice(upperBound(list, m), 0, m);
    if (m.t > this.maxT) this.maxT = m.t;
  }

  /** Take `m` out of its lane list. */
  private unindex(m: Mark): void {
    const list = this.byLane.get(m.lane);
    const p = list ? list.lastIndexOf(m) : -1;
    if (list && p >= 0) list.splice(p, 1);
  }

  /** Keep only the marks for which `keep` is true (one pass; the lane lists stay sorted). */
  retain(keep: (m: Mark) => boolean): void {
    retainInPlace(this.all, keep);
    for (const [lane, list] of this.byLane) {
      const left = list.filter(keep);
      if (left.length) this.byLane.set(lane, left);
      else this.byLane.delete(lane);
    }
  }

  /** Forget every mark. */
  clear(): void {
    this.all.length = 0;
    this.byLane.clear();
    this.maxT = 0;
  }

  /** Number of marks. */
  get size(): number {
    return this.all.length;
  }
}
