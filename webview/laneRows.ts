// One lane's rows of the SpanTable and its time index (rows sorted by start + running max of ends),
// kept up to date incrementally: spans appended in start order are added at the end of the index
// and a span that closed only re-derives the running max from its position on, so the cost of a
// delta follows the delta, not the lane. Anything else (a span moved lanes or in time, spans
// arriving out of order) rebuilds the lane's index once on next use. Pure: no DOM.

/** One lane's index: its rows sorted by start, the running maximum of their ends, and each
 *  row's start, end (NaN: open), kind and lock in that order: a frame that walks the lane reads
 *  them one after another instead of gathering them across the table's columns. */
export interface LaneIndex {
  rows: Uint32Array;
  maxEnd: Float64Array;
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  lock: Int32Array;
}

/** Columns the index reads (the table's current arrays). */
interface Cols {
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  lock: Int32Array;
}

/** Grow to at least `n` elements (×1.5), keeping the first `keep`. */
function grown<T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(
  a: T,
  n: number,
  keep: number,
): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, Math.ceil(a.length * 1.5), 64));
  b.set(a.subarray(0, keep));
  return b;
}

/** The rows of one lane and its incrementally maintained time index. */
export class LaneRows {
  /** Rows in insertion order. */
  readonly rows: number[] = [];
  private sorted = new Uint32Array(0);
  private maxEnd = new Float64Array(0);
  /** The sorted rows' start, end, kind and lock (see LaneIndex). */
  private sStart = new Float64Array(0);
  private sEnd = new Float64Array(0);
  private sKind = new Uint8Array(0);
  private sLock = new Int32Array(0);
  /** Rows in the index (`sorted[0, n)`). */
  private n = 0;
  /** Rows added since the index was last brought up to date. */
  private added: number[] = [];
  /** Rows already indexed whose end changed since then (their start did not). */
  private changed: number[] = [];
  /** The index must be rebuilt from `rows`. */
  private broken = true;
  private view: LaneIndex | null = null;

  /** A new row on this lane (`moved`: it came from another lane, so its row is not the newest). */
  add(r: number, moved = false): void {
    this.rows.push(r);
    if (moved) this.broken = true;
    else if (!this.broken) this.added.push(r);
    this.view = null;
  }

  /** Row `r` left this lane. */
  remove(r: number): void {
    this.rows.splice(this.rows.indexOf(r), 1);
    this.broken = true;
    this.view = null;
  }

  /** Row `r` of this lane was rewritten; `startMoved` when its start changed. */
  touch(r: number, startMoved: boolean): void {
    if (startMoved) this.broken = true;
    else if (!this.broken) this.changed.push(r);
    this.view = null;
  }

  /** The up-to-date index. */
  index(c: Cols): LaneIndex {
    if (this.view) return this.view;
    let from = this.broken ? 0 : this.update(c);
    if (from < 0) {
      this.broken = true;
      from = 0;
    }
    if (this.broken) this.rebuild(c);
    this.added = [];
    this.changed = [];
    this.broken = false;
    const { sorted, maxEnd, n, sStart, sEnd, sKind, sLock } = this;
    const { start, end, kind, lock } = c;
    let m = from > 0 ? maxEnd[from - 1] : -Infinity;
    // Every row that changed or was added sits at `from` or after it: copy its values again.
    for (let i = from; i < n; i++) {
      const r = sorted[i];
      const e = end[r];
      m = Math.max(m, Number.isNaN(e) ? Infinity : e);
      maxEnd[i] = m;
      sStart[i] = start[r];
      sEnd[i] = e;
      sKind[i] = kind[r];
      sLock[i] = lock[r];
    }
    this.view = {
      rows: sorted.subarray(0, n),
      maxEnd: maxEnd.subarray(0, n),
      start: sStart.subarray(0, n),
      end: sEnd.subarray(0, n),
      kind: sKind.subarray(0, n),
      lock: sLock.subarray(0, n),
    };
    return this.view;
  }

  /** Apply the pending changes in place; the first position whose running max is stale, or -1
   *  when the index must be rebuilt instead. */
  private update(c: Cols): number {
    const start = c.start;
    let from = this.n;
    for (const r of this.changed) {
      const p = this.position(r, start);
      if (p >= 0) from = Math.min(from, p);
    }
    const add = this.added;
    if (add.length === 0) return from;
    let inOrder = true;
    for (let i = 1; i < add.length && inOrder; i++) inOrder = start[add[i - 1]] <= start[add[i]];
    if (!inOrder) add.sort((a, b) => start[a] - start[b] || a - b);
    if (this.n > 0 && start[add[0]] < start[this.sorted[this.n - 1]]) return -1;
    const size = this.n + add.length;
    this.sorted = grown(this.sorted, size, this.n);
    this.maxEnd = grown(this.maxEnd, size, this.n);
    this.sStart = grown(this.sStart, size, this.n);
    this.sEnd = grown(this.sEnd, size, this.n);
    this.sKind = grown(this.sKind, size, this.n);
    this.sLock = grown(this.sLock, size, this.n);
    this.sorted.set(add, this.n);
    this.n += add.length;
    return from;
  }

  /** Position of row `r` in the index (binary search on its start), or -1. */
  private position(r: number, start: Float64Array): number {
    const t = start[r];
    const s = this.sorted;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[s[mid]] < t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.n && start[s[i]] === t; i++) if (s[i] === r) return i;
    return -1;
  }

  /** Sort every row of the lane into a fresh index. */
  private rebuild(c: Cols): void {
    const start = c.start;
    const rows = Uint32Array.from(this.rows);
    let sorted = true;
    for (let i = 1; i < rows.length && sorted; i++) sorted = start[rows[i - 1]] <= start[rows[i]];
    if (!sorted) rows.sort((a, b) => start[a] - start[b] || a - b);
    this.sorted = rows;
    this.maxEnd = new Float64Array(rows.length);
    this.sStart = new Float64Array(rows.length);
    this.sEnd = new Float64Array(rows.length);
    this.sKind = new Uint8Array(rows.length);
    this.sLock = new Int32Array(rows.length);
    this.n = rows.length;
  }
}
