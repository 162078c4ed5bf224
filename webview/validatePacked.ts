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
} from '../src/shared/webviewProtocol';

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

/** The columns of one item list with their malformed rows removed, or null when the structure
 *  is broken (not an object, a column missing or not an array, columns of different lengths). */
function asColumns<C extends object>(
  v: unknown,
  spec: Record<keyof C, Cell>,
  n: number,
  what: string,
  warn: Warn,
): C | null {
  if (!isObj(v)) return null;
  const names = Object.keys(spec) as (keyof C & string)[];
  const first = v[names[0]];
  if (!Array.isArray(first)) return null;
  const len = first.length;
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    const col = v[name];
    if (!Array.isArray(col) || col.length !== len) return null;
    out[name] = col as unknown[];
  }
  const bad = new Uint8Array(len);
  for (const name of names) checkColumn(out[name], spec[name], n, bad);
  const dropped = bad.reduce((a, b) => a + b, 0);
  if (dropped) {
    warn(`swimlane: dropped ${dropped} malformed ${what}`);
    for (const name of names) out[name] = out[name].filter((_, r) => !bad[r]);
  }
  return out as unknown as C;
}

/** A packed delta, or null (the caller warns) when its structure is broken. */
export function asPacked(
  data: Obj,
  lanes: (v: unknown[]) => Lane[],
  header: PackedDelta['header'] | null,
  warn: Warn,
): PackedDelta | null {
  const { strings } = data;
  if (!header || !Array.isArray(strings) || !Array.isArray(data.lanes)) return null;
  for (const s of strings as unknown[]) if (typeof s !== 'string') return null;
  const n = strings.length;
  const spans = asColumns<SpanColumns>(data.spans, SPAN_COLUMNS, n, 'spans', warn);
  const marks = asColumns<MarkColumns>(data.marks, MARK_COLUMNS, n, 'marks', warn);
  const flows = asColumns<FlowColumns>(data.flows, FLOW_COLUMNS, n, 'flows', warn);
  if (!spans || !marks || !flows) return null;
  return { strings: strings as string[], lanes: lanes(data.lanes), spans, marks, flows, header };
}
