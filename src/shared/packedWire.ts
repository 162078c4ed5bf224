// The wire form of a packed delta: ids and times as exact differences, empty source columns when
// no item has a source, integer columns as compact strings (see PackedWire in
// webviewProtocol.ts). Pure: host and webview.
import type { PackedDelta, PackedWire, WireColumns } from './webviewProtocol';
import { decodeColumn, encodeColumn } from './wireColumn';

/** Each value minus the one before (the first minus 0); undefined when one is not exact. */
function diffs(xs: number[]): number[] | undefined {
  const out = new Array<number>(xs.length);
  let prev = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - prev;
    if (!Number.isSafeInteger(xs[i]) || !Number.isSafeInteger(d)) return undefined;
    out[i] = d;
    prev = xs[i];
  }
  return out;
}

/** Each value minus the same row of `base` (null kept); undefined when one is not exact. */
function minus(xs: (number | null)[], base: number[]): (number | null)[] | undefined {
  const out = new Array<number | null>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v === null) out[i] = null;
    else if (Number.isSafeInteger(v) && Number.isSafeInteger(v - base[i])) out[i] = v - base[i];
    else return undefined;
  }
  return out;
}

/** Running sums (undoes {@link diffs}). */
function sums(xs: number[]): number[] {
  const out = new Array<number>(xs.length);
  let acc = 0;
  for (let i = 0; i < xs.length; i++) out[i] = acc += xs[i];
  return out;
}

/** Each value plus the same row of `base`, null kept (undoes {@link minus}). */
function plus(xs: (number | null)[], base: number[]): (number | null)[] {
  return xs.map((v, i) => (v === null ? null : v + base[i]));
}

/** Each column of `c` that can be (see wireColumn.ts) as a compact string; `nullable` names the
 *  one column that may hold nulls. */
function compact<C extends object>(c: C, nullable?: keyof C): WireColumns<C> {
  const out = { ...c } as Record<string, (number | null)[] | string>;
  for (const [name, col] of Object.entries(c) as [string, (number | null)[]][]) {
    if (!col.length || (name !== nullable && col.includes(null))) continue;
    const s = encodeColumn(col);
    if (s !== null) out[name] = s;
  }
  return out as WireColumns<C>;
}

/** The wire form of a plain packed delta: ids and times as exact differences (`diff`) when they
 *  all can be, source columns emptied when no item has a source, and (`compact`, the default)
 *  integer columns as compact strings. */
export function toWire(p: PackedDelta, compactColumns = true): PackedWire {
  const spans = { ...p.spans };
  const marks = { ...p.marks };
  const flows = { ...p.flows };
  const cols = {
    spanId: diffs(spans.id),
    start: diffs(spans.start),
    end: minus(spans.end, spans.start),
    markId: diffs(marks.id),
    t: diffs(marks.t),
    flowId: diffs(flows.id),
    fromT: diffs(flows.fromT),
    toT: minus(flows.toT, flows.fromT),
  };
  const { spanId, start, end, markId, t, flowId, fromT, toT } = cols;
  let diff = false;
  if (spanId && start && end && markId && t && flowId && fromT && toT) {
    Object.assign(spans, { id: spanId, start, end });
    Object.assign(marks, { id: markId, t });
    Object.assign(flows, { id: flowId, fromT, toT });
    diff = true;
  }
  for (const c of [spans, marks]) {
    if (c.srcFile.every((f) => f < 0)) Object.assign(c, { srcFile: [], srcLine: [] });
  }
  const out: PackedWire = compactColumns
    ? { ...p, spans: compact(spans, 'end'), marks: compact(marks), flows: compact(flows) }
    : { ...p, spans, marks, flows };
  if (diff) out.diff = true;
  return out;
}

/** The three item lists of a packed delta. */
type List = 'spans' | 'marks' | 'flows';

/** Per list, the columns sent as differences from the previous row's value (with `diff`). */
const RUNNING: Record<List, readonly string[]> = {
  spans: ['id', 'start'],
  marks: ['id', 't'],
  flows: ['id', 'fromT'],
};

/** Per list, the columns sent as differences from another column of the same row. */
const RELATIVE: Record<List, readonly (readonly [string, string])[]> = {
  spans: [['end', 'start']],
  marks: [],
  flows: [['toT', 'fromT']],
};

/** Whether every cell is a finite number (or null, where `nulls`). */
function allNumbers(col: unknown[], nulls = false): col is (number | null)[] {
  for (const v of col) {
    if (!(typeof v === 'number' && Number.isFinite(v)) && !(nulls && v === null)) return false;
  }
  return true;
}

/** One list's columns in plain form: compact strings decoded (only span `end` may hold nulls)
 *  and, with `diff`, differences undone; null when a string is not a compact column or, with
 *  `diff`, a difference is not a finite number (it would shift every row after it). Columns that
 *  are neither arrays nor strings, and lengths, are left for the caller to check. */
export function plainList<C extends object>(
  list: List,
  cols: WireColumns<C>,
  diff: boolean,
): C | null {
  const out: Record<string, unknown> = {};
  for (const [name, col] of Object.entries(cols) as [string, unknown][]) {
    const running = diff && RUNNING[list].includes(name);
    if (typeof col === 'string') {
      const nullable = list === 'spans' && name === 'end';
      const values = decodeColumn(col, nullable, running);
      if (!values) return null;
      out[name] = values;
    } else if (running) {
      if (!Array.isArray(col) || !allNumbers(col)) return null;
      out[name] = sums(col as number[]);
    } else out[name] = col;
  }
  if (diff) {
    for (const [name, from] of RELATIVE[list]) {
      const col = out[name];
      const base = out[from] as number[];
      if (!Array.isArray(col) || col.length !== base.length) return null;
      if (!allNumbers(col, name === 'end')) return null;
      out[name] = plus(col, base);
    }
  }
  return out as C;
}

/** Source columns sent empty (no item of the list has a source) filled: -1 and 0 per row. */
export function fillSources(c: { id: unknown[]; srcFile: number[]; srcLine: number[] }): void {
  if (c.srcFile.length === 0 && c.id.length > 0) {
    c.srcFile = new Array<number>(c.id.length).fill(-1);
    c.srcLine = new Array<number>(c.id.length).fill(0);
  }
}

/** The plain form of a packed delta as sent (undoes {@link toWire}). Expects a valid one (the
 *  webview's validator checks what it is sent); throws when a column cannot be decoded. */
export function fromWire(wire: PackedWire): PackedDelta {
  const diff = wire.diff === true;
  const spans = plainList('spans', wire.spans, diff);
  const marks = plainList('marks', wire.marks, diff);
  const flows = plainList('flows', wire.flows, diff);
  if (!spans || !marks || !flows) throw new Error('fromWire: a column cannot be decoded');
  fillSources(spans);
  fillSources(marks);
  const { strings, lanes, header } = wire;
  return { strings, lanes, spans, marks, flows, header };
}
