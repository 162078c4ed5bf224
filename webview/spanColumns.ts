// The storage under SpanTable (spanTable.ts): one typed array per span field, the interned
// string tables, the row of each span id, the rows of each lane, and the one row writer every
// upsert goes through. Pure: no DOM.
import { SPAN_KIND_CODES } from '../src/shared/webviewProtocol';
import { grow, Strings } from './internTable';
import { LaneRows } from './laneRows';

const QUEUE_BLOCK = SPAN_KIND_CODES.indexOf('queueBlock');

/** A lookup from indices into `list` to indices in `into` (each string interned on first use;
 *  -1 stays -1). */
export function remapStrings(list: readonly string[], into: Strings): (i: number) => number {
  const known = new Int32Array(list.length).fill(-1);
  return (i) => (i < 0 ? -1 : known[i] >= 0 ? known[i] : (known[i] = into.of(list[i])));
}

/** Span rows in columns; rows are insertion order, a write to a known id rewrites its row. */
export class SpanColumns {
  size = 0;
  id = new Float64Array(0);
  start = new Float64Array(0);
  /** End time, NaN while the span is open. */
  end = new Float64Array(0);
  kind = new Uint8Array(0);
  lane = new Uint32Array(0);
  /** Index into `lockIds`, -1 when the span has no lock or queue id. */
  lock = new Int32Array(0);
  label = new Uint32Array(0);
  /** Index into `strings` of the source file, -1 when none; `srcLine` its line. */
  srcFile = new Int32Array(0);
  srcLine = new Int32Array(0);
  /** Labels and source files; lane ids; lock and queue ids (replaced by retainRows). */
  strings = new Strings();
  lanes = new Strings();
  lockIds = new Strings();
  /** Earliest start per lock id (lock spans only, queues excluded), for stable lock colours. */
  protected lockFirst: number[] = [];
  /** Row + 1 by id for small non-negative integer ids (the host's counters); a Map for others. */
  private rowByIdDense = new Int32Array(0);
  private readonly rowByIdMap = new Map<number, number>();
  /** The rows of each lane (by index into `lanes`), with their time index. */
  protected perLane: LaneRows[] = [];
  /** Latest start or end of any span (ns). */
  maxTime = 0;

  /** Write one span's row (strings already interned; `end` NaN while open). */
  protected put(
    id: number,
    laneIdx: number,
    kind: number,
    start: number,
    end: number,
    lock: number,
    label: number,
    srcFile: number,
    srcLine: number,
  ): void {
    let r: number | undefined = this.row(id);
    if (r < 0) {
      r = this.size++;
      if (r >= this.id.length) this.reserve(r + 1);
      this.setRow(id, r);
      this.laneRows(laneIdx).add(r);
    } else if (this.lane[r] !== laneIdx) {
      this.perLane[this.lane[r]].remove(r);
      this.laneRows(laneIdx).add(r, true);
    } else this.perLane[laneIdx].touch(r, this.start[r] !== start);
    this.id[r] = id;
    this.start[r] = start;
    this.end[r] = end;
    this.kind[r] = kind;
    this.lane[r] = laneIdx;
    this.lock[r] = lock;
    if (lock >= 0 && kind !== QUEUE_BLOCK)
      this.lockFirst[lock] = Math.min(this.lockFirst[lock] ?? Infinity, start);
    this.label[r] = label;
    this.srcFile[r] = srcFile;
    this.srcLine[r] = srcFile >= 0 ? srcLine : 0;
    if (start > this.maxTime) this.maxTime = start;
    if (end > this.maxTime) this.maxTime = end;
  }

  /** Make room for `n` rows. */
  private reserve(n: number): void {
    this.id = grow(this.id, n);
    this.start = grow(this.start, n);
    this.end = grow(this.end, n);
    this.kind = grow(this.kind, n);
    this.lane = grow(this.lane, n);
    this.lock = grow(this.lock, n);
    this.label = grow(this.label, n);
    this.srcFile = grow(this.srcFile, n);
    this.srcLine = grow(this.srcLine, n);
  }

  /** The rows of lane `i`, made on first use. */
  private laneRows(i: number): LaneRows {
    return (this.perLane[i] ??= new LaneRows());
  }

  /** Row of span `id`, or -1. */
  row(id: number): number {
    if (Number.isInteger(id) && id >= 0 && id < this.rowByIdDense.length && this.rowByIdDense[id])
      return this.rowByIdDense[id] - 1;
    return this.rowByIdMap.get(id) ?? -1;
  }

  /** Remember that span `id` is in row `r`. */
  private setRow(id: number, r: number): void {
    // Dense while ids stay below 4 × rows + 64k (counters); anything else goes to the Map.
    if (Number.isInteger(id) && id >= 0 && id < 4 * this.size + 65536) {
      if (id >= this.rowByIdDense.length) this.rowByIdDense = grow(this.rowByIdDense, id + 1);
      this.rowByIdDense[id] = r + 1;
    } else this.rowByIdMap.set(id, r);
  }

  /** Forget every row's id, lane and lock bookkeeping and take new string tables; the columns
   *  keep their data, for put() to compact rows in place (retainRows). */
  protected clearRows(strings: Strings, lanes: Strings, lockIds: Strings): void {
    this.rowByIdDense.fill(0);
    this.rowByIdMap.clear();
    this.perLane = [];
    this.lockFirst = [];
    this.maxTime = 0;
    this.strings = strings;
    this.lanes = lanes;
    this.lockIds = lockIds;
    this.size = 0;
  }
}
