// Shape checks for model items read from files (our own Chrome exports). Pure, never throw.
import type { Flow, Lane, Mark, Span } from '../shared/webviewProtocol';
import { MARK_KIND_CODES, SPAN_KIND_CODES } from '../shared/webviewProtocol';

const SPAN_KINDS: ReadonlySet<string> = new Set(SPAN_KIND_CODES);
const MARK_KINDS: ReadonlySet<string> = new Set(MARK_KIND_CODES);

function obj(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : null;
}
const num = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const numOrNull = (x: unknown): boolean => x === null || num(x);
const str = (x: unknown): boolean => typeof x === 'string';

/** A lane as the model holds it. */
export function isLane(x: unknown): x is Lane {
  const o = obj(x);
  return (
    !!o &&
    str(o.id) &&
    num(o.pid) &&
    str(o.name) &&
    numOrNull(o.parent) &&
    num(o.order) &&
    typeof o.daemon === 'boolean' &&
    typeof o.main === 'boolean' &&
    numOrNull(o.begin) &&
    numOrNull(o.end) &&
    numOrNull(o.exitCode) &&
    (o.thread === undefined || num(o.thread))
  );
}

/** A span as the model holds it. */
export function isSpan(x: unknown): x is Span {
  const o = obj(x);
  return (
    !!o &&
    num(o.id) &&
    str(o.lane) &&
    SPAN_KINDS.has(o.kind as string) &&
    num(o.start) &&
    numOrNull(o.end) &&
    str(o.label)
  );
}

/** A mark as the model holds it. */
export function isMark(x: unknown): x is Mark {
  const o = obj(x);
  return (
    !!o && num(o.id) && str(o.lane) && MARK_KINDS.has(o.kind as string) && num(o.t) && str(o.text)
  );
}

function isEnd(x: unknown): boolean {
  const o = obj(x);
  return !!o && str(o.lane) && num(o.t);
}

/** An arrow as the model holds it. */
export function isFlow(x: unknown): x is Flow {
  const o = obj(x);
  return (
    !!o &&
    num(o.id) &&
    (o.kind === 'spawn' || o.kind === 'queue') &&
    isEnd(o.from) &&
    isEnd(o.to) &&
    (o.label === undefined || str(o.label))
  );
}
