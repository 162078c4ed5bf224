// Validates a packed (columnar) delta from the host without ever throwing: a broken structure
// drops the message, a malformed row drops that row (reported), like validate.ts for objects.
import {
  FLOW_KIND_CODES,
  MARK_KIND_CODES,
  SPAN_KIND_CODES,
  type FlowColumns,
  type Lane,
  type MarkColumns,
  type PackedDelta,
  type SpanColumns,
  type WireColumns,
} from '../src/shared/webviewProtocol';
import { fillSources, plainList } from '../src/shared/packedWire';

/** Where validation problems are reported. */
type Warn = (message: string) => void;

type Obj = Record<string, unknown>;

/** What a column's cells must be: a number, a string index, a string index or -1, a kind code
 *  (below the given count), or a number or null. */
type Cell = 'num' | 'str' | 'str?' | 'numOrNull' | { kinds: number };

const SPAN_COLUMNS: Record<keyof SpanColumns, Cell> = {
  id: 'num',
  lane: 'str',
  kind: { kinds: SPAN_KIND_CODES.length },
  start: 'num',
  end: 'numOrNull',
  label: 'str',
  lockId: 'str?',
  srcFile: 'str?',
  srcLine: 'num',
};
const MARK_COLUMNS: Record<keyof MarkColumns, Cell> = {
  id: 'num',
  lane: 'str',
  kind: { kinds: MARK_KIND_CODES.length },
  t: 'num',
  text: 'str',
  srcFile: 'str?',
  srcLine: 'num',
};
const FLOW_COLUMNS: Record<keyof FlowColumns, Cell> = {
  id: 'num',
  kind: { kinds: FLOW_KIND_CODES.length },
  fromLane: 'str',
  fromT: 'num',
  toLane: 'str',
  toT: 'num',
  label: 'str?',
};

/** Columns known to hold only valid numbers (decoded from compact strings): not checked again. */
const numbersOnly = new WeakSet<unknown[]>();

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Mark in `bad` the rows whose cell in `col` is not a valid `cell` (`n` strings in the table). */
function checkColumn(col: unknown[], cell: Cell, n: number, bad: Uint8Array): void {
  const len = bad.length;
  if (typeof cell === 'object') {
    const k = cell.kinds;
    for (let r = 0; r < len; r++) {
      const v = col[r];
      if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < k)) bad[r] = 1;
    }
    return;
  }
  for (let r = 0; r < len; r++) {
    const v = col[r];
    let ok: boolean;
    switch (cell) {
      case 'num':
        ok = typeof v === 'number' && Number.isFinite(v);
        break;
      case 'numOrNull':
        ok = v === null || (typeof v === 'number' && Number.isFinite(v));
        break;
      case 'str':
        ok = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;
        break;
      case 'str?':
        ok = typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < n;
        break;
    }
    if (!ok) bad[r] = 1;
  }
}

/** The columns of one item list in plain form (unchecked cells: compact strings decoded and
 *  differences undone, see packedWire.ts), or null when the structure is broken: not an object,
 *  a column missing or neither an array nor a compact string, a difference that is not a
 *  number, columns of different lengths (the source columns may also be empty, and are then
 *  filled). */
function shape<C extends object>(
  list: 'spans' | 'marks' | 'flows',
  v: unknown,
  spec: Record<keyof C, Cell>,
  diff: boolean,
): C | null {
  if (!isObj(v)) return null;
  const picked: Record<string, unknown> = {};
  for (const name of Object.keys(spec)) {
    const col = v[name];
    if (typeof col !== 'string' && !Array.isArray(col)) return null;
    picked[name] = col;
  }
  const out = plainList(list, picked as WireColumns<C>, diff) as Record<string, unknown[]> | null;
  if (!out) return null;
  // A compact string decodes to integers only (and nulls where allowed): its number cells are
  // valid as they are (their running sums and sums with a base are finite too).
  for (const name of Object.keys(spec)) {
    const cell = spec[name as keyof C];
    if (typeof picked[name] === 'string' && (cell === 'num' || cell === 'numOrNull'))
      numbersOnly.add(out[name]);
  }
  const len = out.id.length;
  for (const name of Object.keys(spec)) {
    const col = out[name];
    if (col.length !== len && !(col.length === 0 && name.startsWith('src'))) return null;
  }
  if (out.srcFile) {
    if (out.srcFile.length !== out.srcLine.length) return null;
    fillSources(out as unknown as { id: unknown[]; srcFile: number[]; srcLine: number[] });
  }
  return out as unknown as C;
}

/** `c` with its malformed rows removed (reported). */
function rows<C extends object>(
  c: C,
  spec: Record<keyof C, Cell>,
  n: number,
  what: string,
  warn: Warn,
): C {
  const names = Object.keys(spec) as (keyof C & string)[];
  const cols = c as unknown as Record<string, unknown[]>;
  const bad = new Uint8Array(cols.id.length);
  for (const name of names) {
    if (!numbersOnly.has(cols[name])) checkColumn(cols[name], spec[name], n, bad);
  }
  const dropped = bad.reduce((a, b) => a + b, 0);
  if (!dropped) return c;
  warn(`swimlane: dropped ${dropped} malformed ${what}`);
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = cols[name].filter((_, r) => !bad[r]);
  return out as unknown as C;
}

/** A packed delta in its plain form (see PackedDelta: differences decoded, source columns
 *  filled), or null (the caller warns) when its structure is broken. */
export function asPacked(
  data: Obj,
  lanes: (v: unknown[]) => Lane[],
  header: PackedDelta['header'] | null,
  warn: Warn,
): PackedDelta | null {
  const { strings, diff } = data;
  if (!header || !Array.isArray(strings) || !Array.isArray(data.lanes)) return null;
  for (const s of strings as unknown[]) if (typeof s !== 'string') return null;
  if (diff !== undefined && typeof diff !== 'boolean') return null;
  const spans = shape<SpanColumns>('spans', data.spans, SPAN_COLUMNS, diff === true);
  const marks = shape<MarkColumns>('marks', data.marks, MARK_COLUMNS, diff === true);
  const flows = shape<FlowColumns>('flows', data.flows, FLOW_COLUMNS, diff === true);
  if (!spans || !marks || !flows) return null;
  const n = strings.length;
  return {
    strings: strings as string[],
    lanes: lanes(data.lanes),
    spans: rows(spans, SPAN_COLUMNS, n, 'spans', warn),
    marks: rows(marks, MARK_COLUMNS, n, 'marks', warn),
    flows: rows(flows, FLOW_COLUMNS, n, 'flows', warn),
    header,
  };
}
