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
import { fromWire } from '../src/shared/packedDelta';

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

/** The columns of one item list (unchecked cells), or null when the structure is broken: not an
 *  object, a column missing or not an array, columns of different lengths (the source columns
 *  may also be empty). */
function shape<C extends object>(v: unknown, spec: Record<keyof C, Cell>): C | null {
  if (!isObj(v) || !Array.isArray(v.id)) return null;
  const len = v.id.length;
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(spec)) {
    const col = v[name];
    if (!Array.isArray(col)) return null;
    if (col.length !== len && !(col.length === 0 && name.startsWith('src'))) return null;
    out[name] = col as unknown[];
  }
  if (isObj(v) && Array.isArray(v.srcFile) && v.srcFile.length !== (v.srcLine as unknown[]).length)
    return null;
  return out as unknown as C;
}

/** Whether every cell is a finite number (or null, where `nulls`): a column sent as differences,
 *  where one bad cell would shift every row after it. */
function allNumbers(col: unknown[], nulls = false): boolean {
  for (const v of col) {
    if (!(typeof v === 'number' && Number.isFinite(v)) && !(nulls && v === null)) return false;
  }
  return true;
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
  for (const name of names) checkColumn(cols[name], spec[name], n, bad);
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
  const spans = shape<SpanColumns>(data.spans, SPAN_COLUMNS);
  const marks = shape<MarkColumns>(data.marks, MARK_COLUMNS);
  const flows = shape<FlowColumns>(data.flows, FLOW_COLUMNS);
  if (!spans || !marks || !flows) return null;
  if (diff) {
    const numeric = [spans.id, spans.start, marks.id, marks.t, flows.id, flows.fromT, flows.toT];
    if (!numeric.every((c) => allNumbers(c)) || !allNumbers(spans.end, true)) return null;
  }
  const plain = fromWire({
    strings: strings as string[],
    lanes: [],
    spans,
    marks,
    flows,
    header,
    diff,
  });
  const n = strings.length;
  return {
    strings: plain.strings,
    lanes: lanes(data.lanes),
    spans: rows(plain.spans, SPAN_COLUMNS, n, 'spans', warn),
    marks: rows(plain.marks, MARK_COLUMNS, n, 'marks', warn),
    flows: rows(plain.flows, FLOW_COLUMNS, n, 'flows', warn),
    header,
  };
}
