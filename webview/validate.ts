// Validates messages from the extension host without ever throwing: junk is dropped and reported.
import type {
  Flow,
  Header,
  HostToWebview,
  Lane,
  Mark,
  MarkKind,
  PackedDelta,
  RunState,
  SourceLocation,
  Span,
} from '../src/shared/webviewProtocol';
import { MARK_KIND_CODES, SPAN_KIND_CODES } from '../src/shared/webviewProtocol';
import { asPacked } from './validatePacked';

/** A host message once validated: a packed delta in its plain form (differences and compact
 *  columns decoded, see PackedDelta), any other message as posted. */
export type ValidHostMessage =
  Exclude<HostToWebview, { type: 'packed' }> | ({ type: 'packed' } & PackedDelta);

/** Where validation problems are reported (console.warn in the webview). */
export type Warn = (message: string) => void;

type Obj = Record<string, unknown>;

const RUN_STATES: ReadonlySet<string> = new Set<RunState>([
  'starting',
  'running',
  'finished',
  'failed',
  'stopped',
]);
const SPAN_KINDS: ReadonlySet<string> = new Set(SPAN_KIND_CODES);
const MARK_KINDS: ReadonlySet<string> = new Set(MARK_KIND_CODES);

const KILL_REASONS: ReadonlySet<string> = new Set(['daemon', 'terminate', 'kill']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** A `[file, line]` pair, null when malformed, undefined when absent. */
function asSrc(v: unknown): SourceLocation | null | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.length === 2 && isStr(v[0]) && isNum(v[1])) return [v[0], v[1]];
  return null;
}

/** A lane, or null when any field has the wrong type. */
export function asLane(v: unknown): Lane | null {
  if (!isObj(v)) return null;
  const { id, pid, name, parent, order, daemon, main, begin, end, exitCode } = v;
  if (!isStr(id) || !isNum(pid) || !isStr(name) || !isNumOrNull(parent) || !isNum(order))
    return null;
  if (typeof daemon !== 'boolean' || typeof main !== 'boolean') return null;
  if (!isNumOrNull(begin) || !isNumOrNull(end) || !isNumOrNull(exitCode)) return null;
  const lane: Lane = { id, pid, name, parent, order, daemon, main, begin, end, exitCode };
  const { killed } = v;
  if (killed === null || (isStr(killed) && KILL_REASONS.has(killed))) {
    lane.killed = killed as Lane['killed'];
  } else if (killed !== undefined) return null;
  const { thread } = v;
  if (isNum(thread)) lane.thread = thread;
  else if (thread !== undefined) return null;
  return lane;
}

/** A span, or null when malformed: the message's own object once checked (spans are many and
 *  the store copies them into columns, so no per-span copy is made; unknown fields are ignored). */
export function asSpan(v: unknown): Span | null {
  if (!isObj(v)) return null;
  const { id, lane, kind, start, end, label, lockId, src } = v;
  if (!isNum(id) || !isStr(lane) || !isStr(kind) || !SPAN_KINDS.has(kind)) return null;
  if (!isNum(start) || !isNumOrNull(end) || !isStr(label)) return null;
  if (lockId !== undefined && !isStr(lockId)) return null;
  if (
    src !== undefined &&
    !(Array.isArray(src) && src.length === 2 && isStr(src[0]) && isNum(src[1]))
  )
    return null;
  return v as unknown as Span;
}

/** A mark, or null when malformed. */
export function asMark(v: unknown): Mark | null {
  if (!isObj(v)) return null;
  const { id, lane, kind, t, text } = v;
  if (!isNum(id) || !isStr(lane) || !isStr(kind) || !MARK_KINDS.has(kind)) return null;
  if (!isNum(t) || !isStr(text)) return null;
  const src = asSrc(v.src);
  if (src === null) return null;
  const mark: Mark = { id, lane, kind: kind as MarkKind, t, text };
  if (src) mark.src = src;
  return mark;
}

/** One end of an arrow, or null. */
function asEnd(v: unknown): Flow['from'] | null {
  if (!isObj(v) || !isStr(v.lane) || !isNum(v.t)) return null;
  return { lane: v.lane, t: v.t };
}

/** An arrow, or null when malformed. */
export function asFlow(v: unknown): Flow | null {
  if (!isObj(v) || !isNum(v.id) || (v.kind !== 'spawn' && v.kind !== 'queue')) return null;
  const from = asEnd(v.from);
  const to = asEnd(v.to);
  if (!from || !to || (v.label !== undefined && !isStr(v.label))) return null;
  const flow: Flow = { id: v.id, kind: v.kind, from, to };
  if (isStr(v.label)) flow.label = v.label;
  return flow;
}

/** A header, or null when malformed. */
export function asHeader(v: unknown): Header | null {
  if (!isObj(v)) return null;
  const { title, state, duration, processes, ticketsSold, ticketsAvailable } = v;
  const { lockWaitTotal, lockWaitMax, mainDone, events, badFrames, dropped, error } = v;
  if (!isStr(title) || !isStr(state) || !RUN_STATES.has(state)) return null;
  if (!isNum(duration) || !isNum(processes) || !isNumOrNull(ticketsSold)) return null;
  if (!isNumOrNull(ticketsAvailable) || !isNum(lockWaitTotal) || !isNum(lockWaitMax)) return null;
  if (!isNumOrNull(mainDone) || !isNum(events) || !isNum(badFrames) || !isNum(dropped)) return null;
  if (error !== null && !isStr(error)) return null;
  const { findings } = v;
  if (findings !== undefined && !(Array.isArray(findings) && findings.every(isStr))) return null;
  const header: Header = {
    title,
    state: state as RunState,
    duration,
    processes,
    ticketsSold,
    ticketsAvailable,
    lockWaitTotal,
    lockWaitMax,
    mainDone,
    events,
    badFrames,
    dropped,
    error,
  };
  if (findings !== undefined) header.findings = findings as string[];
  const { axisEnd } = v;
  if (isNum(axisEnd)) header.axisEnd = axisEnd;
  else if (axisEnd !== undefined) return null;
  const { mergedBefore } = v;
  if (isNum(mergedBefore)) header.mergedBefore = mergedBefore;
  else if (mergedBefore !== undefined) return null;
  return header;
}

/** Keep the valid items of an array; report how many were dropped. */
function items<T>(v: unknown[], check: (x: unknown) => T | null, what: string, warn: Warn): T[] {
  const out: T[] = [];
  for (const x of v) {
    const ok = check(x);
    if (ok) out.push(ok);
  }
  if (out.length < v.length) warn(`swimlane: dropped ${v.length - out.length} malformed ${what}`);
  return out;
}

/** A typed host message, or null (after a warning) when `data` is not one. */
export function parseHostMessage(data: unknown, warn: Warn): ValidHostMessage | null {
  if (!isObj(data) || !isStr(data.type)) {
    warn('swimlane: ignored a message without a type');
    return null;
  }
  switch (data.type) {
    case 'reset':
      return { type: 'reset' };
    case 'init': {
      if (!isObj(data.strings)) break;
      const strings: Record<string, string> = {};
      for (const [k, s] of Object.entries(data.strings)) if (isStr(s)) strings[k] = s;
      return data.noRun === true
        ? { type: 'init', strings, noRun: true }
        : { type: 'init', strings };
    }
    case 'delta': {
      const { lanes, spans, marks } = data;
      const header = asHeader(data.header);
      if (!Array.isArray(lanes) || !Array.isArray(spans) || !Array.isArray(marks) || !header) break;
      const msg: ValidHostMessage = {
        type: 'delta',
        lanes: items(lanes, asLane, 'lanes', warn),
        spans: items(spans, asSpan, 'spans', warn),
        marks: items(marks, asMark, 'marks', warn),
        header,
      };
      if (Array.isArray(data.flows)) msg.flows = items(data.flows, asFlow, 'flows', warn);
      return msg;
    }
    case 'packed': {
      const lanes = (v: unknown[]): Lane[] => items(v, asLane, 'lanes', warn);
      const packed = asPacked(data, lanes, asHeader(data.header), warn);
      if (!packed) break;
      return { type: 'packed', ...packed };
    }
    default:
      warn(`swimlane: ignored a message of unknown type ${JSON.stringify(data.type).slice(0, 40)}`);
      return null;
  }
  warn(`swimlane: ignored a malformed '${data.type}' message`);
  return null;
}
