// The wire form of a packed delta: ids and times as exact differences, empty source columns when
// no item has a source (see PackedDelta in webviewProtocol.ts). Pure: host and webview.
import type { PackedDelta } from './webviewProtocol';

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

/** The wire form of a plain packed delta: ids and times as exact differences (`diff`) when they
 *  all can be, source columns emptied when no item has a source. */
export function toWire(p: PackedDelta): PackedDelta {
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
  const out: PackedDelta = { ...p, spans, marks, flows };
  if (spanId && start && end && markId && t && flowId && fromT && toT) {
    Object.assign(spans, { id: spanId, start, end });
    Object.assign(marks, { id: markId, t });
    Object.assign(flows, { id: flowId, fromT, toT });
    out.diff = true;
  } else delete out.diff;
  for (const c of [spans, marks]) {
    if (c.srcFile.every((f) => f < 0)) Object.assign(c, { srcFile: [], srcLine: [] });
  }
  return out;
}

/** The plain form of a packed delta as sent (undoes {@link toWire}). Expects its columns to have
 *  the right lengths (source columns: the list's length or empty) and numbers where diffs are. */
export function fromWire(p: PackedDelta): PackedDelta {
  const spans = { ...p.spans };
  const marks = { ...p.marks };
  const flows = { ...p.flows };
  for (const c of [spans, marks]) {
    if (c.srcFile.length === 0 && c.id.length > 0) {
      Object.assign(c, { srcFile: c.id.map(() => -1), srcLine: c.id.map(() => 0) });
    }
  }
  if (p.diff) {
    spans.id = sums(spans.id);
    spans.start = sums(spans.start);
    spans.end = plus(spans.end, spans.start);
    marks.id = sums(marks.id);
    marks.t = sums(marks.t);
    flows.id = sums(flows.id);
    flows.fromT = sums(flows.fromT);
    flows.toT = plus(flows.toT, flows.fromT) as number[];
  }
  const out: PackedDelta = { ...p, spans, marks, flows };
  delete out.diff;
  return out;
}
