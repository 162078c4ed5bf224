// The header of an imported (finished) trace, computed from its items. Pure.
import type { Flow, Header, Lane, Mark, Span } from '../shared/webviewProtocol';

/** Header for a model read from a file; `saved` (an exported header) fills what it can. */
export function finishedHeader(
  title: string,
  lanes: Lane[],
  spans: Span[],
  marks: Mark[],
  flows: Flow[],
  saved?: unknown,
): Header {
  let duration = 0;
  for (const l of lanes) duration = Math.max(duration, l.begin ?? 0, l.end ?? 0);
  for (const s of spans) duration = Math.max(duration, s.end ?? s.start);
  for (const m of marks) duration = Math.max(duration, m.t);
  for (const f of flows) duration = Math.max(duration, f.from.t, f.to.t);
  const header: Header = {
    title,
    state: 'finished',
    duration,
    processes: lanes.filter((l) => l.thread === undefined).length,
    ticketsSold: null,
    ticketsAvailable: null,
    lockWaitTotal: 0,
    lockWaitMax: 0,
    mainDone: null,
    events: 0,
    badFrames: 0,
    dropped: 0,
    error: null,
  };
  if (typeof saved === 'object' && saved !== null) {
    const s = saved as Partial<Record<keyof Header, unknown>>;
    for (const k of ['ticketsSold', 'ticketsAvailable', 'mainDone'] as const) {
      if (typeof s[k] === 'number') header[k] = s[k] as number;
    }
    for (const k of ['lockWaitTotal', 'lockWaitMax', 'events', 'badFrames', 'dropped'] as const) {
      if (typeof s[k] === 'number') header[k] = s[k] as number;
    }
    if (s.state === 'failed' || s.state === 'stopped') header.state = s.state;
    if (typeof s.error === 'string') header.error = s.error;
    if (Array.isArray(s.findings) && s.findings.every((f) => typeof f === 'string')) {
      header.findings = s.findings as string[];
    }
    if (typeof s.duration === 'number') header.duration = Math.max(duration, s.duration);
  }
  return header;
}
