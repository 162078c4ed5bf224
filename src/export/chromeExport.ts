// Swimlane model → Chrome Trace Event JSON that Perfetto and chrome://tracing open. Pure.
// Each lane is a thread (process lane = the main thread, tid = pid) with one lifetime slice that
// encloses everything on it, so spans nest under it and every flow end is bound to a slice.
// Spans that do not nest (two locks released out of order) are clipped to their parent; the
// exact model items ride along in `args.swimlane`, so an import gives back the same model.
import type { Flow, Lane, Mark, ModelDelta, Span } from '../shared/webviewProtocol';
import { GENERATOR, nsToUs, type ChromeEvent, type ChromeTrace } from './chromeEvents';

/** The (pid, tid) a lane is drawn on. */
export function laneThread(lane: Lane): { pid: number; tid: number } {
  return { pid: lane.pid, tid: lane.thread ?? lane.pid };
}

interface Extent {
  lo: number;
  hi: number;
}

/** Time range covering a lane and everything on it. */
function extents(model: ModelDelta): Map<string, Extent> {
  const end = model.header.duration;
  const map = new Map<string, Extent>();
  const see = (lane: string, t: number): void => {
    const e = map.get(lane);
    if (!e) map.set(lane, { lo: t, hi: t });
    else {
      e.lo = Math.min(e.lo, t);
      e.hi = Math.max(e.hi, t);
    }
  };
  for (const l of model.lanes) {
    see(l.id, l.begin ?? end);
    see(l.id, l.end ?? end);
  }
  for (const s of model.spans) {
    see(s.lane, s.start);
    see(s.lane, s.end ?? end);
  }
  for (const m of model.marks) see(m.lane, m.t);
  for (const f of model.flows ?? []) {
    see(f.from.lane, f.from.t);
    see(f.to.lane, f.to.t);
  }
  return map;
}

/** X slices of one lane's spans, nested under [lo, hi]; partial overlaps clipped. */
function laneSlices(
  spans: Span[],
  ext: Extent,
  end: number,
  pid: number,
  tid: number,
): ChromeEvent[] {
  const sorted = spans
    .map((s) => ({ s, start: s.start, stop: s.end ?? end }))
    .sort((a, b) => a.start - b.start || b.stop - a.stop || a.s.id - b.s.id);
  const stack: { stop: number }[] = [{ stop: ext.hi }];
  const out: ChromeEvent[] = [];
  for (const item of sorted) {
    while (stack.length > 1 && stack[stack.length - 1].stop <= item.start) stack.pop();
    const parentStop = stack[stack.length - 1].stop;
    const stop = Math.min(item.stop, parentStop);
    out.push({
      name: item.s.label,
      cat: item.s.kind,
      ph: 'X',
      pid,
      tid,
      ts: nsToUs(item.start),
      dur: nsToUs(stop - item.start),
      args: { swimlane: item.s, ...(stop < item.stop ? { clipped: true } : {}) },
    });
    stack.push({ stop });
  }
  return out;
}

function metadata(lanes: Lane[]): ChromeEvent[] {
  const out: ChromeEvent[] = [];
  const procs = new Map<number, Lane | null>();
  for (const l of lanes) {
    if (l.thread === undefined) procs.set(l.pid, l);
    else if (!procs.has(l.pid)) procs.set(l.pid, null);
  }
  for (const [pid, lane] of procs) {
    const name = lane?.name ?? String(pid);
    const order =
      lane?.order ?? Math.min(...lanes.filter((l) => l.pid === pid).map((l) => l.order));
    out.push({ name: 'process_name', ph: 'M', pid, tid: pid, args: { name } });
    out.push({ name: 'process_sort_index', ph: 'M', pid, tid: pid, args: { sort_index: order } });
  }
  for (const l of lanes) {
    const { pid, tid } = laneThread(l);
    out.push({ name: 'thread_name', ph: 'M', pid, tid, args: { name: l.name, swimlane: l } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: l.order } });
  }
  return out;
}

function markEvent(m: Mark, lane: Lane): ChromeEvent {
  return {
    name: m.text.length > 80 ? `${m.text.slice(0, 79)}…` : m.text,
    cat: m.kind,
    ph: 'i',
    s: 't',
    ...laneThread(lane),
    ts: nsToUs(m.t),
    args: { swimlane: m },
  };
}

function flowEvents(f: Flow, from: Lane, to: Lane): ChromeEvent[] {
  const name = f.label ?? f.kind;
  return [
    {
      name,
      cat: f.kind,
      ph: 's',
      id: f.id,
      ...laneThread(from),
      ts: nsToUs(f.from.t),
      args: { swimlane: f },
    },
    { name, cat: f.kind, ph: 'f', bp: 'e', id: f.id, ...laneThread(to), ts: nsToUs(f.to.t) },
  ];
}

/** Order for the file: metadata first, then by time; an enclosing slice before what it holds. */
function byTime(a: ChromeEvent, b: ChromeEvent): number {
  if (a.ph === 'M' || b.ph === 'M') return (a.ph === 'M' ? 0 : 1) - (b.ph === 'M' ? 0 : 1);
  return (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? -1) - (a.dur ?? -1);
}

/** The Chrome Trace Event JSON object of a finished (or running) model. */
export function toChromeTrace(model: ModelDelta): ChromeTrace {
  const end = model.header.duration;
  const lanes = new Map(model.lanes.map((l) => [l.id, l]));
  const ext = extents(model);
  const spansBy = new Map<string, Span[]>();
  for (const s of model.spans) {
    if (!lanes.has(s.lane)) continue;
    const list = spansBy.get(s.lane) ?? [];
    list.push(s);
    spansBy.set(s.lane, list);
  }
  const events: ChromeEvent[] = metadata(model.lanes);
  for (const l of model.lanes) {
    const e = ext.get(l.id) ?? { lo: 0, hi: end };
    const { pid, tid } = laneThread(l);
    events.push({
      name: l.name,
      cat: 'lane',
      ph: 'X',
      pid,
      tid,
      ts: nsToUs(e.lo),
      dur: nsToUs(e.hi - e.lo),
    });
    events.push(...laneSlices(spansBy.get(l.id) ?? [], e, end, pid, tid));
  }
  for (const m of model.marks) {
    const lane = lanes.get(m.lane);
    if (lane) events.push(markEvent(m, lane));
  }
  for (const f of model.flows ?? []) {
    const from = lanes.get(f.from.lane);
    const to = lanes.get(f.to.lane);
    if (from && to) events.push(...flowEvents(f, from, to));
  }
  events.sort(byTime);
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      generator: GENERATOR,
      version: 1,
      title: model.header.title,
      header: model.header,
    },
  };
}
