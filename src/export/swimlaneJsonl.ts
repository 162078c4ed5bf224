// The raw event stream as `.swimlane.jsonl`: one tracer event (protocol v1) per line. Pure.
// Reading accepts the tracer's own framing too (a leading 0x1E per line).
import type { TraceEvent } from '../core/events';
import { TraceModel } from '../core/traceModel';
import { validateEvent } from '../core/validateEvent';
import { skip, type ImportResult } from './importReport';

/** File name ending of the raw event stream. */
export const JSONL_SUFFIX = '.swimlane.jsonl';

/** The `.swimlane.jsonl` text of a run's events. */
export function toJsonl(events: readonly TraceEvent[]): string {
  let out = '';
  for (const e of events) out += `${JSON.stringify(e)}\n`;
  return out;
}

/** Parse `.swimlane.jsonl` text; invalid lines are reported, never fatal. */
export function parseJsonl(text: string): {
  events: TraceEvent[];
  lines: number;
  skipped: Record<string, number>;
} {
  const events: TraceEvent[] = [];
  const report: ImportResult['report'] = { format: 'jsonl', events: 0, skipped: {} };
  let lines = 0;
  for (const raw of text.split('\n')) {
    const line = (raw.startsWith('\u001e') ? raw.slice(1) : raw).trim();
    if (line === '') continue;
    lines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      skip(report, 'lines that are not JSON');
      continue;
    }
    const v = validateEvent(parsed);
    if (v.ok) events.push(v.event);
    else skip(report, 'lines that are not valid events');
  }
  return { events, lines, skipped: report.skipped };
}

/** The model of a finished run from its events (what the panel showed at its end). */
export function modelFromEvents(events: readonly TraceEvent[], title: string): TraceModel {
  const model = new TraceModel({ title });
  for (const e of events) model.apply(e);
  model.setState('finished');
  return model;
}

/** Read `.swimlane.jsonl` text into a finished model and a report of skipped lines. */
export function importJsonl(text: string, title: string): ImportResult {
  const { events, lines, skipped } = parseJsonl(text);
  if (lines > 0 && events.length === 0) {
    throw new Error('no valid swimlane event in the file (expected one JSON event per line)');
  }
  const model = modelFromEvents(events, title);
  return { model: model.snapshot(), report: { format: 'jsonl', events: lines, skipped } };
}
