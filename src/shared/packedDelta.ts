// Model deltas ↔ their packed (columnar) wire form, see PackedDelta in webviewProtocol.ts. Pure:
// used by the host to post deltas and by the webview (saved state, tests) to read object deltas.
import {
  FLOW_KIND_CODES,
  MARK_KIND_CODES,
  SPAN_KIND_CODES,
  type Flow,
  type Mark,
  type ModelDelta,
  type PackedDelta,
  type PackedWire,
  type SourceLocation,
  type Span,
} from './webviewProtocol';
import { fromWire, toWire } from './packedWire';

export { fromWire, toWire } from './packedWire';

const codes = (list: readonly string[]): Map<string, number> => new Map(list.map((k, i) => [k, i]));
const SPAN_CODE = codes(SPAN_KIND_CODES);
const MARK_CODE = codes(MARK_KIND_CODES);
const FLOW_CODE = codes(FLOW_KIND_CODES);

/** Columns of `n` rows, made at their full length (no growing and copying while filled). */
const col = <T>(n: number): T[] => new Array<T>(n);

/** Builds one packed delta: rows are written one by one into columns sized for `delta`'s
 *  items, each distinct string stored once. */
export class DeltaPacker {
  private readonly out: PackedDelta;
  private readonly at = new Map<string, number>();
  /** The last lane id seen and its index (items come in runs on one lane). */
  private lastLane = '';
  private lastLaneAt = -1;
  /** Rows written so far: spans, marks, flows. */
  private ns = 0;
  private nm = 0;
  private nf = 0;

  constructor(delta: ModelDelta) {
    const [s, m, f] = [delta.spans.length, delta.marks.length, delta.flows?.length ?? 0];
    this.out = {
      strings: [],
      lanes: delta.lanes,
      spans: {
        id: col(s),
        lane: col(s),
        kind: col(s),
        start: col(s),
        end: col(s),
        label: col(s),
        lockId: col(s),
        srcFile: col(s),
        srcLine: col(s),
      },
      marks: {
        id: col(m),
        lane: col(m),
        kind: col(m),
        t: col(m),
        text: col(m),
        srcFile: col(m),
        srcLine: col(m),
      },
      flows: {
        id: col(f),
        kind: col(f),
        fromLane: col(f),
        fromT: col(f),
        toLane: col(f),
        toT: col(f),
        label: col(f),
      },
      header: delta.header,
    };
  }

  /** Index of `s` in the string table, added when new. */
  str(s: string): number {
    let i = this.at.get(s);
    if (i === undefined) {
      i = this.out.strings.length;
      this.out.strings.push(s);
      this.at.set(s, i);
    }
    return i;
  }

  private lane(id: string): number {
    if (id !== this.lastLane || this.lastLaneAt < 0) {
      this.lastLane = id;
      this.lastLaneAt = this.str(id);
    }
    return this.lastLaneAt;
  }

  private src(src: SourceLocation | undefined, file: number[], line: number[], r: number): void {
    file[r] = src ? this.str(src[0]) : -1;
    line[r] = src ? src[1] : 0;
  }

  /** Add a span (its current values: the object may change later). */
  span(s: Span): void {
    const c = this.out.spans;
    const r = this.ns++;
    c.id[r] = s.id;
    c.lane[r] = this.lane(s.lane);
    c.kind[r] = SPAN_CODE.get(s.kind) ?? 0;
    c.start[r] = s.start;
    c.end[r] = s.end;
    c.label[r] = this.str(s.label);
    c.lockId[r] = s.lockId === undefined ? -1 : this.str(s.lockId);
    this.src(s.src, c.srcFile, c.srcLine, r);
  }

  /** Add a mark. */
  mark(m: Mark): void {
    const c = this.out.marks;
    const r = this.nm++;
    c.id[r] = m.id;
    c.lane[r] = this.lane(m.lane);
    c.kind[r] = MARK_CODE.get(m.kind) ?? 0;
    c.t[r] = m.t;
    c.text[r] = this.str(m.text);
    this.src(m.src, c.srcFile, c.srcLine, r);
  }

  /** Add an arrow. */
  flow(f: Flow): void {
    const c = this.out.flows;
    const r = this.nf++;
    c.id[r] = f.id;
    c.kind[r] = FLOW_CODE.get(f.kind) ?? 0;
    c.fromLane[r] = this.lane(f.from.lane);
    c.fromT[r] = f.from.t;
    c.toLane[r] = this.lane(f.to.lane);
    c.toT[r] = f.to.t;
    c.label[r] = f.label === undefined ? -1 : this.str(f.label);
  }

  /** The packed delta: every row of the delta it was made for must have been added. */
  done(): PackedDelta {
    const { spans, marks, flows } = this.out;
    if (spans.id.length !== this.ns || marks.id.length !== this.nm || flows.id.length !== this.nf)
      throw new Error('DeltaPacker: rows added do not match the delta it was made for');
    return this.out;
  }
}

/** `delta` in columns, in its wire form (see {@link toWire}). */
export function packDelta(delta: ModelDelta): PackedWire {
  return toWire(packPlain(delta));
}

/** `delta` in columns, plain (no differences, every column full). */
export function packPlain(delta: ModelDelta): PackedDelta {
  const p = new DeltaPacker(delta);
  for (const s of delta.spans) p.span(s);
  for (const m of delta.marks) p.mark(m);
  for (const f of delta.flows ?? []) p.flow(f);
  return p.done();
}

/** The `[file, line]` of row `r`, or undefined (srcFile -1). */
function srcOf(
  strings: string[],
  file: number[],
  line: number[],
  r: number,
): SourceLocation | undefined {
  return file[r] >= 0 ? [strings[file[r]], line[r]] : undefined;
}

/** The span in row `r` of a (valid) packed delta. */
export function spanAt(p: PackedDelta, r: number): Span {
  const c = p.spans;
  const s: Span = {
    id: c.id[r],
    lane: p.strings[c.lane[r]],
    kind: SPAN_KIND_CODES[c.kind[r]],
    start: c.start[r],
    end: c.end[r],
    label: p.strings[c.label[r]],
  };
  if (c.lockId[r] >= 0) s.lockId = p.strings[c.lockId[r]];
  const src = srcOf(p.strings, c.srcFile, c.srcLine, r);
  if (src) s.src = src;
  return s;
}

/** The mark in row `r` of a (valid) packed delta. */
export function markAt(p: PackedDelta, r: number): Mark {
  const c = p.marks;
  const m: Mark = {
    id: c.id[r],
    lane: p.strings[c.lane[r]],
    kind: MARK_KIND_CODES[c.kind[r]],
    t: c.t[r],
    text: p.strings[c.text[r]],
  };
  const src = srcOf(p.strings, c.srcFile, c.srcLine, r);
  if (src) m.src = src;
  return m;
}

/** The arrow in row `r` of a (valid) packed delta. */
export function flowAt(p: PackedDelta, r: number): Flow {
  const c = p.flows;
  const f: Flow = {
    id: c.id[r],
    kind: FLOW_KIND_CODES[c.kind[r]],
    from: { lane: p.strings[c.fromLane[r]], t: c.fromT[r] },
    to: { lane: p.strings[c.toLane[r]], t: c.toT[r] },
  };
  if (c.label[r] >= 0) f.label = p.strings[c.label[r]];
  return f;
}

/** A (valid) packed delta, plain or as posted, as objects; `flows` absent when there are none,
 *  as in a ModelDelta. */
export function unpackDelta(wire: PackedDelta | PackedWire): ModelDelta {
  const p = fromWire(wire);
  const rows = <T>(n: number, at: (p: PackedDelta, r: number) => T): T[] =>
    Array.from({ length: n }, (_, r) => at(p, r));
  const delta: ModelDelta = {
    lanes: p.lanes,
    spans: rows(p.spans.id.length, spanAt),
    marks: rows(p.marks.id.length, markAt),
    header: p.header,
  };
  if (p.flows.id.length) delta.flows = rows(p.flows.id.length, flowAt);
  return delta;
}
