// Bounded retention for the model: the budget, the time horizon to merge before, and per-lane
// digests of what was merged (counts and total time per kind). Pure. Used by ModelStore.
import type { Mark, Span } from '../shared/webviewProtocol';

/** How many items the host keeps; beyond it, detail older than a time horizon is merged. */
export interface RetentionBudget {
  spans: number;
  marks: number;
  flows: number;
}

/** The default budget: ~25 MB of host heap at most, whatever the run's length. */
export const DEFAULT_RETENTION: RetentionBudget = { spans: 60_000, marks: 60_000, flows: 10_000 };

/** A trim keeps this share of the budget, so trims are rare (amortised O(1) per item). */
export const KEEP_SHARE = 0.5;

/**
 * The horizon for one list sorted (roughly) by time: the time of the item that leaves
 * `keep` items after it, or -Infinity when the list is within `limit`.
 */
export function horizonOf<T>(
  list: readonly T[],
  limit: number,
  keep: number,
  time: (x: T) => number,
): number {
  if (list.length <= limit) return -Infinity;
  return time(list[Math.max(0, list.length - keep)]);
}

/** Keep the items of `list` for which `keep` holds, in place and in order (no new array). */
export function keepWhere<T>(list: T[], keep: (x: T) => boolean): void {
  let w = 0;
  for (let r = 0; r < list.length; r++) if (keep(list[r])) list[w++] = list[r];
  list.length = w;
}

/**
 * Merge the closed spans that ended before `before` into their lane's digest, in place and in
 * order; an open span from before it is marked dirty (sent again, so the webview can tell it
 * from spans it still holds open that were closed and merged here, see webview/store.ts), a
 * merged one no longer is. Resolves how many were merged.
 */
export function mergeSpansBefore(
  spans: Span[],
  before: number,
  digestFor: (lane: string) => LaneDigest,
  dirty: Set<Span>,
): number {
  let w = 0;
  for (let r = 0; r < spans.length; r++) {
    const s = spans[r];
    if (s.end === null && s.start < before) dirty.add(s);
    if (s.end === null || s.end >= before) spans[w++] = s;
    else {
      digestFor(s.lane).addSpan(s);
      dirty.delete(s);
    }
  }
  const merged = spans.length - w;
  spans.length = w;
  return merged;
}

/** Merge the marks before `before` into their lane's digest, in place and in order (the merged
 *  `io` marks are added to `io`); resolves how many were merged. */
export function mergeMarksBefore(
  marks: Mark[],
  before: number,
  digestFor: (lane: string) => LaneDigest,
  io: Mark[],
): number {
  let w = 0;
  for (let r = 0; r < marks.length; r++) {
    const m = marks[r];
    if (m.t >= before) marks[w++] = m;
    else {
      digestFor(m.lane).addMark(m);
      if (m.kind === 'io') io.push(m);
    }
  }
  const merged = marks.length - w;
  marks.length = w;
  return merged;
}

const plural = (n: number, word: string): string => `${n} ${word}`;

/** What was merged on one lane: counts (and total ns for spans) per kind, and the time range. */
export class LaneDigest {
  readonly spanKinds = new Map<string, { n: number; ns: number }>();
  readonly markKinds = new Map<string, number>();
  first = Infinity;
  last = -Infinity;
  spans = 0;
  marks = 0;

  /** Count a merged span. */
  addSpan(s: Span): void {
    let k = this.spanKinds.get(s.kind);
    if (k === undefined) this.spanKinds.set(s.kind, (k = { n: 0, ns: 0 }));
    k.n++;
    k.ns += (s.end ?? s.start) - s.start;
    this.spans++;
    this.cover(s.start, s.end ?? s.start);
  }

  /** Count a merged mark. */
  addMark(m: Mark): void {
    this.markKinds.set(m.kind, (this.markKinds.get(m.kind) ?? 0) + 1);
    this.marks++;
    this.cover(m.t, m.t);
  }

  private cover(a: number, b: number): void {
    if (a < this.first) this.first = a;
    if (b > this.last) this.last = b;
  }

  /** The summary span's label: what was merged, in plain words. */
  label(): string {
    const spans = [...this.spanKinds]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([kind, { n, ns }]) => `${kind} ×${n} (${(ns / 1e9).toFixed(3)} s)`);
    const marks = [...this.markKinds]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${kind} ×${n}`);
    const parts = [`older detail merged to bound memory: ${plural(this.spans, 'spans')}`];
    if (spans.length) parts.push(spans.join(', '));
    parts.push(plural(this.marks, 'marks'));
    if (marks.length) parts.push(marks.join(', '));
    return parts.join('; ');
  }
}

/** A queue mark's text: `<queue label>.put #<item>` or `.get #<item>` (see TraceModel); what
 *  queueOp() reads without a regex match (its arrays were ~50 bytes of garbage per mark). */
export const QUEUE_MARK = /^(.*)\.(put|get) #\S+$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SPACE_FROM = /\s/g; // used with lastIndex: whitespace at or after it

/** Where a queue mark's `.put #`/`.get #` is (the queue's label ends there) and whether it is a
 *  put (1) or a get (-1); null when `text` does not match QUEUE_MARK. */
export function queueOp(text: string): { at: number; d: 1 | -1 } | null {
  // The item (after the last " #") has no whitespace, so QUEUE_MARK's greedy label ends there.
  const sp = text.lastIndexOf(' #');
  if (sp < 4 || sp + 2 >= text.length || text.charCodeAt(sp - 4) !== 0x2e) return null;
  const put = text.startsWith('put', sp - 3);
  if (!put && !text.startsWith('get', sp - 3)) return null;
  SPACE_FROM.lastIndex = sp + 2;
  // A line break is whitespace, so one anywhere in the text is in the label or fails the item.
  if (SPACE_FROM.test(text) || LINE_BREAK.test(text)) return null;
  return { at: sp - 4, d: put ? 1 : -1 };
}

/** One queue's puts and gets so far, and its depth (items waiting) now and at most. */
export interface QueueTally {
  puts: number;
  gets: number;
  depth: number;
  max: number;
}

/** One queue's operations in arrival order: times, +1 (put) or -1 (get), and whether arrival
 *  order is already the tally's order (by time, a put before a get at one instant). */
interface QueueOps {
  t: number[];
  d: number[];
  sorted: boolean;
}

/** Fold queue marks (any order; sorted here by time, a put before a get at one instant)
 *  into per-queue tallies, continuing from `into` (the tallies of earlier, merged marks). */
export function tallyQueues(
  marks: Iterable<Mark>,
  into: ReadonlyMap<string, QueueTally> = new Map(),
): Map<string, QueueTally> {
  const ops = new Map<string, QueueOps>();
  for (const m of marks) {
    if (m.kind !== 'io') continue;
    const q = queueOp(m.text);
    if (!q) continue;
    const d = q.d;
    const name = m.text.slice(0, q.at);
    let o = ops.get(name);
    if (!o) ops.set(name, (o = { t: [], d: [], sorted: true }));
    const n = o.t.length;
    // Out of order when the previous one sorts after this one (later, or a get before a put).
    if (n && (o.t[n - 1] > m.t || (o.t[n - 1] === m.t && o.d[n - 1] < d))) o.sorted = false;
    o.t.push(m.t);
    o.d.push(d);
  }
  const out = new Map<string, QueueTally>();
  for (const [name, t] of into) out.set(name, { ...t });
  for (const [name, o] of ops) {
    const t = out.get(name) ?? { puts: 0, gets: 0, depth: 0, max: 0 };
    // Marks mostly arrive in order: sort (stable, by index) only when they did not.
    const order = o.sorted ? null : o.t.map((_, i) => i).sort(byTimePutFirst(o));
    for (let k = 0; k < o.d.length; k++) {
      const d = o.d[order ? order[k] : k];
      t.depth += d;
      if (d > 0) t.puts++;
      else t.gets++;
      t.max = Math.max(t.max, t.depth);
    }
    out.set(name, t);
  }
  return out;
}

/** Compares two operations of `o` by index: earlier first, a put before a get at one time. */
function byTimePutFirst(o: QueueOps): (a: number, b: number) => number {
  return (a, b) => o.t[a] - o.t[b] || o.d[b] - o.d[a];
}
