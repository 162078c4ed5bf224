// Best-effort read of a Chrome trace made by another tool: threads → lanes, X and B/E → spans,
// instants → marks, s/f → arrows. Anything else is counted as skipped. Pure, never throws.
import type { Flow, Lane, Mark, ModelDelta, Span } from '../shared/webviewProtocol';
import { usToNs } from './chromeEvents';
import { skip, type ImportReport } from './importReport';
import { finishedHeader } from './importedHeader';

/** Human words for the phases this reader does not use. */
const SKIPPED_PHASES: Record<string, string> = {
  C: 'counter events (C)',
  b: 'async events (b/n/e)',
  n: 'async events (b/n/e)',
  e: 'async events (b/n/e)',
  S: 'legacy async events (S/T/p/F)',
  T: 'legacy async events (S/T/p/F)',
  p: 'legacy async events (S/T/p/F)',
  F: 'legacy async events (S/T/p/F)',
  N: 'object events (N/O/D)',
  O: 'object events (N/O/D)',
  D: 'object events (N/O/D)',
  P: 'sample events (P)',
  t: 'flow steps (t)',
  v: 'memory dumps (v/V)',
  V: 'memory dumps (v/V)',
  c: 'clock sync (c)',
  '(': 'context events',
  ')': 'context events',
};

/** Phases this reader turns into model items. */
const USED = new Set(['X', 'B', 'E', 'i', 'I', 'R', 's', 'f']);

interface Raw {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat: string;
  id: string;
  args: Record<string, unknown>;
}

/** Numbers for pids/tids given as strings (some tools do). */
class Ids {
  private readonly map = new Map<string, number>();
  get(x: unknown): number | null {
    if (typeof x === 'number' && Number.isFinite(x)) return Math.trunc(x);
    if (typeof x !== 'string') return null;
    let n = this.map.get(x);
    if (n === undefined) this.map.set(x, (n = 1_000_000 + this.map.size));
    return n;
  }
}

function normalise(e: unknown, ids: Ids, report: ImportReport): Raw | null {
  if (typeof e !== 'object' || e === null) return (skip(report, 'not an object'), null);
  const o = e as Record<string, unknown>;
  if (typeof o.ph !== 'string') return (skip(report, 'no phase (ph)'), null);
  const pid = ids.get(o.pid ?? 0);
  const tid = ids.get(o.tid ?? pid ?? 0);
  if (pid === null || tid === null) return (skip(report, 'invalid pid/tid'), null);
  const ts = typeof o.ts === 'number' && Number.isFinite(o.ts) ? o.ts : null;
  if (ts === null && o.ph !== 'M') return (skip(report, 'no timestamp (ts)'), null);
  const id = o.id ?? (o.id2 as { local?: unknown; global?: unknown } | undefined)?.global;
  return {
    ph: o.ph,
    name: typeof o.name === 'string' ? o.name : '',
    pid,
    tid,
    ts: ts ?? 0,
    dur: typeof o.dur === 'number' && o.dur >= 0 ? o.dur : undefined,
    cat: typeof o.cat === 'string' ? o.cat : '',
    id: id === undefined ? '' : String(id),
    args: typeof o.args === 'object' && o.args !== null ? (o.args as Record<string, unknown>) : {},
  };
}

/** The model of another tool's trace; `report` gets what was skipped. */
export function foreignModel(input: unknown[], title: string, report: ImportReport): ModelDelta {
  const ids = new Ids();
  const raws: Raw[] = [];
  for (const e of input) {
    const r = normalise(e, ids, report);
    if (r) raws.push(r);
  }
  let t0 = Infinity;
  for (const r of raws) if (USED.has(r.ph)) t0 = Math.min(t0, r.ts);
  if (!Number.isFinite(t0)) t0 = 0;
  const at = (ts: number): number => Math.max(0, usToNs(ts - t0));

  const lanes = new Map<string, Lane>();
  const procNames = new Map<number, string>();
  const sortIndex = new Map<string, number>();
  const laneOf = (pid: number, tid: number): Lane => {
    const proc = lanes.get(String(pid)) ?? newLane(String(pid), pid, undefined);
    const id = tid === pid ? String(pid) : `${pid}/${tid}`;
    return id === proc.id ? proc : (lanes.get(id) ?? newLane(id, pid, tid));
  };
  const newLane = (id: string, pid: number, thread: number | undefined): Lane => {
    const lane: Lane = {
      id,
      pid,
      name: thread === undefined ? String(pid) : `thread ${thread}`,
      parent: null,
      order: lanes.size,
      daemon: false,
      main: false,
      begin: null,
      end: null,
      exitCode: null,
    };
    if (thread !== undefined) lane.thread = thread;
    lanes.set(id, lane);
    return lane;
  };
  const touch = (lane: Lane, t: number): void => {
    lane.begin = lane.begin === null ? t : Math.min(lane.begin, t);
    lane.end = lane.end === null ? t : Math.max(lane.end, t);
  };

  const spans: Span[] = [];
  const marks: Mark[] = [];
  const flows: Flow[] = [];
  const open = new Map<string, Raw[]>();
  const flowStarts = new Map<string, { lane: string; t: number; name: string }>();
  const addSpan = (lane: Lane, start: number, end: number, r: Raw): void => {
    spans.push({
      id: spans.length,
      lane: lane.id,
      kind: 'run',
      start,
      end,
      label: r.name || r.cat,
    });
    touch(lane, start);
    touch(lane, end);
  };
  raws.sort((a, b) => a.ts - b.ts);
  for (const r of raws) {
    switch (r.ph) {
      case 'M': {
        const name = typeof r.args.name === 'string' ? r.args.name : null;
        const index = typeof r.args.sort_index === 'number' ? r.args.sort_index : null;
        if (r.name === 'process_name' && name !== null) procNames.set(r.pid, name);
        else if (r.name === 'thread_name' && name !== null) laneOf(r.pid, r.tid).name = name;
        else if (r.name === 'process_sort_index' && index !== null)
          sortIndex.set(`p:${r.pid}`, index);
        else if (r.name === 'thread_sort_index' && index !== null)
          sortIndex.set(`t:${laneOf(r.pid, r.tid).id}`, index);
        else skip(report, `metadata ${r.name || '(unnamed)'}`);
        break;
      }
      case 'X': {
        const start = at(r.ts);
        addSpan(laneOf(r.pid, r.tid), start, start + usToNs(r.dur ?? 0), r);
        break;
      }
      case 'B': {
        const key = `${r.pid}:${r.tid}`;
        open.set(key, [...(open.get(key) ?? []), r]);
        break;
      }
      case 'E': {
        const stack = open.get(`${r.pid}:${r.tid}`);
        const begin = stack?.pop();
        if (!begin) skip(report, 'end (E) without a begin');
        else addSpan(laneOf(r.pid, r.tid), at(begin.ts), at(r.ts), begin);
        break;
      }
      case 'i':
      case 'I':
      case 'R': {
        const lane = laneOf(r.pid, r.tid);
        marks.push({ id: marks.length, lane: lane.id, kind: 'mark', t: at(r.ts), text: r.name });
        touch(lane, at(r.ts));
        break;
      }
      case 's': {
        const lane = laneOf(r.pid, r.tid);
        flowStarts.set(`${r.cat}\u0000${r.name}\u0000${r.id}`, {
          lane: lane.id,
          t: at(r.ts),
          name: r.name,
        });
        touch(lane, at(r.ts));
        break;
      }
      case 'f': {
        const from = flowStarts.get(`${r.cat}\u0000${r.name}\u0000${r.id}`);
        if (!from) {
          skip(report, 'flow end (f) without a start');
          break;
        }
        const lane = laneOf(r.pid, r.tid);
        const kind = /spawn|fork|create/i.test(`${r.cat} ${r.name}`) ? 'spawn' : 'queue';
        flows.push({
          id: flows.length,
          kind,
          from: { lane: from.lane, t: from.t },
          to: { lane: lane.id, t: at(r.ts) },
          label: from.name,
        });
        touch(lane, at(r.ts));
        break;
      }
      default:
        skip(report, SKIPPED_PHASES[r.ph] ?? `unknown phase "${r.ph.slice(0, 8)}"`);
    }
  }
  for (const stack of open.values()) {
    for (let i = 0; i < stack.length; i++) skip(report, 'begin (B) without an end');
  }
  for (const [pid, name] of procNames) {
    const lane = lanes.get(String(pid)) ?? newLane(String(pid), pid, undefined);
    lane.name = name;
  }
  spans.sort((a, b) => a.start - b.start || a.id - b.id).forEach((sp, i) => (sp.id = i));
  const list = [...lanes.values()];
  // A thread's own sort index when given, else its process's; ties by pid, process lane first.
  const rank = (l: Lane): number =>
    sortIndex.get(`t:${l.id}`) ?? sortIndex.get(`p:${l.pid}`) ?? Number.MAX_SAFE_INTEGER;
  list.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.pid - b.pid ||
      (a.thread === undefined ? -1 : 0) - (b.thread === undefined ? -1 : 0) ||
      a.order - b.order,
  );
  list.forEach((l, i) => (l.order = i));
  if (list[0]) list[0].main = true;
  return {
    lanes: list,
    spans,
    marks,
    flows,
    header: finishedHeader(title, list, spans, marks, flows),
  };
}
