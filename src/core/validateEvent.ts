// Validates decoded JSON against the tracer → host protocol without ever throwing.
import type { EventKind, TraceEvent } from './events';

type FieldType =
  'int' | 'num' | 'str' | 'bool' | 'str?' | 'int?' | 'bool?' | 'strs' | 'src' | 'obj?';

const LOCK = { id: 'str', kind: 'str', label: 'str' } as const;
const QUEUE = LOCK;

/** Required fields per kind, beyond the common `t`, `pid` and `tid`. */
const FIELDS: Record<EventKind, Record<string, FieldType>> = {
  hello: {
    v: 'int',
    py: 'str',
    tracer: 'str',
    method: 'str',
    argv: 'strs',
    wall: 'num',
    ppid: 'int',
    main: 'bool',
    minor: 'int?',
  },
  'proc.spawn': { child: 'int', name: 'str', daemon: 'bool', target: 'str?' },
  'proc.begin': { name: 'str', daemon: 'bool', ppid: 'int' },
  'proc.end': { code: 'int?' },
  'proc.kill': { child: 'int', sig: 'int', why: 'str' },
  'proc.joined': { child: 'int', code: 'int?' },
  'main.done': {},
  'thread.start': { child: 'int', name: 'str', daemon: 'bool', target: 'str?' },
  'thread.begin': { name: 'str', daemon: 'bool' },
  'thread.end': { name: 'str', abandoned: 'bool?' },
  'sync.signal': { ...LOCK, op: 'str', n: 'int?' },
  'queue.put': { ...QUEUE, item: 'str', size: 'int?' },
  'queue.get': { ...QUEUE, item: 'str', size: 'int?', waited: 'num' },
  'queue.block': { ...QUEUE, op: 'str' },
  'queue.timeout': { ...QUEUE, op: 'str', waited: 'num' },
  'task.begin': { task: 'str', func: 'str' },
  'task.end': { task: 'str', ok: 'bool' },
  'lock.wait': LOCK,
  'lock.acquired': { ...LOCK, waited: 'num' },
  'lock.release': LOCK,
  'lock.fail': { ...LOCK, waited: 'num' },
  'lock.burst': { ...LOCK, count: 'int', last: 'int', held: 'num' },
  sleep: { secs: 'num' },
  'sleep.end': {},
  out: { stream: 'str', text: 'str' },
  exc: { type: 'str', msg: 'str', tb: 'strs' },
  'io.read': { path: 'str', preview: 'str' },
  'io.write': { path: 'str', preview: 'str' },
  mark: { label: 'str', data: 'obj?' },
};

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

/** The test for each field type. */
const CHECKS: Record<FieldType, (v: unknown) => boolean> = {
  int: isInt,
  num: (v) => typeof v === 'number' && Number.isFinite(v),
  str: (v) => typeof v === 'string',
  bool: (v) => typeof v === 'boolean',
  'str?': (v) => v === null || v === undefined || typeof v === 'string',
  'int?': (v) => v === null || v === undefined || isInt(v),
  'bool?': (v) => v === undefined || typeof v === 'boolean',
  strs: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  src: (v) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isInt(v[1]),
  'obj?': (v) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v)),
};

/** One field's name, type and test. */
interface FieldCheck {
  name: string;
  type: FieldType;
  ok: (v: unknown) => boolean;
}

/** FIELDS as lists of tests, built once (no per-event Object.entries or switch). */
const FIELD_LISTS = new Map<string, FieldCheck[]>(
  Object.entries(FIELDS).map(([k, spec]) => [
    k,
    Object.entries(spec).map(([name, type]) => ({ name, type, ok: CHECKS[type] })),
  ]),
);

/** Result of validating one decoded frame. */
export type Validation = { ok: true; event: TraceEvent } | { ok: false; error: string };

/** Check that `raw` is a well-formed event of a known kind; unknown fields are kept. */
export function validateEvent(raw: unknown): Validation {
  const error = eventError(raw);
  return error === null ? { ok: true, event: raw as TraceEvent } : { ok: false, error };
}

/** Why `raw` is not a well-formed event, or null when it is (validateEvent without a result
 *  object per event: the frame parser's hot path). */
export function eventError(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return 'frame is not a JSON object';
  }
  const obj = raw as Record<string, unknown>;
  const k = obj.k;
  const spec = typeof k === 'string' ? FIELD_LISTS.get(k) : undefined;
  if (spec === undefined) return `unknown kind ${JSON.stringify(k)}`;
  if (!isInt(obj.t)) return `${k}: field t must be an integer`;
  if (!isInt(obj.pid)) return `${k}: field pid must be an integer`;
  if (!isInt(obj.tid)) return `${k}: field tid must be an integer`;
  if (obj.src !== undefined && !CHECKS.src(obj.src)) {
    return `${k}: field src must be [file, line]`;
  }
  for (let i = 0; i < spec.length; i++) {
    const f = spec[i];
    if (!f.ok(obj[f.name])) return `${k}: field ${f.name} must be ${f.type}`;
  }
  return null;
}
