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
  type SourceLocation,
  type Span,
} from './webviewProtocol';
import { fromWire, toWire } from './packedWire';

export { fromWire, toWire } from './packedWire';

const codes = (list: readonly string[]): Map<string, number> => new Map(list.map((k, i) => [k, i]));
const SPAN_CODE = codes(SPAN_KIND_CODES);
const MARK_CODE = codes(MARK_KIND_CODES);
const FLOW_CODE = codes(FLOW_KIND_CODES);

/** Builds one packed delta: items are added one by one, each distinct string stored once. */
export class DeltaPacker {
  private readonly out: PackedDelta;
  private readonly at = new Map<string, number>();
  /** The last lane id seen and its index (items come in runs on one lane). */
  private lastLane = '';
  private lastLaneAt = -1;

  constructor(delta: Pick<ModelDelta, 'lanes' | 'header'>) {
    this.out = {
      strings: [],
      lanes: delta.lanes,
      spans: {
        id: [],
        lane: [],
        kind: [],
        start: [],
        end: [],
        label: [],
        lockId: [],
        srcFile: [],
        srcLine: [],
      },
      marks: { id: [], lane: [], kind: [], t: [], text: [], srcFile: [], srcLine: [] },
      flows: { id: [], kind: [], fromLane: [], fromT: [], toLane: [], toT: [], label: [] },
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

  private src(src: SourceLocation | undefined, file: number[], line: number[]): void {
    file.push(src ? this.str(src[0]) : -1);
    line.push(src ? src[1] : 0);
  }

  /** Add a span (its current values: the object may change later). */
  span(s: Span): void {
    const c = this.out.spans;
    c.id.push(s.id);
    c.lane.push(this.lane(s.lane));
    c.kind.push(SPAN_CODE.get(s.kind) ?? 0);
    c.start.push(s.start);
    c.end.push(s.end);
    c.label.push(this.str(s.label));
    c.lockId.push(s.lockId === undefined ? -1 : this.str(s.lockId));
    this.src(s.src, c.srcFile, c.srcLine);
  }

  /** Add a mark. */
  mark(m: Mark): void {
    const c = this.out.marks;
    c.id.push(m.id);
    c.lane.push(this.lane(m.lane));
    c.kind.push(MARK_CODE.get(m.kind) ?? 0);
    c.t.push(m.t);
    c.text.push(this.str(m.text));
    this.src(m.src, c.srcFile, c.srcLine);
  }

  /** Add an arrow. */
  flow(f: Flow): void {
    const c = this.out.flows;
    c.id.push(f.id);
    c.kind.push(FLOW_CODE.get(f.kind) ?? 0);
    c.fromLane.push(this.lane(f.from.lane));
    c.fromT.push(f.from.t);
    c.toLane.push(this.lane(f.to.lane));
    c.toT.push(f.to.t);
    c.label.push(f.label === undefined ? -1 : this.str(f.label));
  }

  /** The packed delta built so far. */
  done(): PackedDelta {
    return this.out;
  }
}

/** `delta` in columns, in its wire form (see {@link toWire}). */
export function packDelta(delta: ModelDelta): PackedDelta {
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

/** A (valid) packed delta as objects; `flows` absent when there are none, as in a ModelDelta. */
export function unpackDelta(wire: PackedDelta): ModelDelta {
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
