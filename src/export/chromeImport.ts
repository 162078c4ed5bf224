// Chrome Trace Event JSON → swimlane model. Pure. A trace this extension wrote comes back exactly
// (from `args.swimlane`); one from another tool is read best effort: X and B/E slices become
// spans, instants become marks, s/f flows become arrows, and everything else is counted in the
// report of what was skipped.
import type { Flow, Lane, Mark, ModelDelta, Span } from '../shared/webviewProtocol';
import { GENERATOR } from './chromeEvents';
import { isFlow, isLane, isMark, isSpan } from './modelGuards';
import { foreignModel } from './chromeForeign';
import { finishedHeader } from './importedHeader';
import { skip, type ImportReport, type ImportResult } from './importReport';

/** The event list of a Chrome trace in either the array or the object form; null if neither. */
export function chromeEventList(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null) {
    const ev = (json as { traceEvents?: unknown }).traceEvents;
    if (Array.isArray(ev)) return ev;
  }
  return null;
}

function isOurs(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const other = (json as { otherData?: { generator?: unknown } }).otherData;
  return other?.generator === GENERATOR;
}

function swimlaneArg(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return undefined;
  const args = (e as { args?: unknown }).args;
  return typeof args === 'object' && args !== null
    ? (args as { swimlane?: unknown }).swimlane
    : undefined;
}

/** Exact read-back of a trace this extension exported. */
function ownModel(
  json: unknown,
  events: unknown[],
  title: string,
  report: ImportReport,
): ModelDelta {
  const lanes: Lane[] = [];
  const spans: Span[] = [];
  const marks: Mark[] = [];
  const flows: Flow[] = [];
  for (const e of events) {
    const ph = (e as { ph?: unknown })?.ph;
    const item = swimlaneArg(e);
    if (item === undefined) continue; // metadata and lifetime slices carry nothing to read back
    if (ph === 'M' && isLane(item)) lanes.push(item);
    else if (ph === 'X' && isSpan(item)) spans.push(item);
    else if (ph === 'i' && isMark(item)) marks.push(item);
    else if (ph === 's' && isFlow(item)) flows.push(item);
    else skip(report, 'invalid swimlane item');
  }
  const saved = (json as { otherData: { header?: unknown; title?: unknown } }).otherData;
  const savedTitle = typeof saved.title === 'string' ? saved.title : title;
  const header = finishedHeader(savedTitle, lanes, spans, marks, flows, saved.header);
  lanes.sort((a, b) => a.order - b.order);
  return { lanes, spans, marks, flows, header };
}

/** Read a parsed Chrome trace (any tool's) into a model; never throws on bad input. */
export function importChromeTrace(json: unknown, title: string): ImportResult {
  const list = chromeEventList(json);
  if (!list)
    throw new Error('not a Chrome trace: expected an array of events or {"traceEvents": [...]}');
  const report: ImportReport = { format: 'chrome', events: list.length, skipped: {} };
  if (isOurs(json)) {
    report.format = 'swimlane';
    return { model: ownModel(json, list, title, report), report };
  }
  return { model: foreignModel(list, title, report), report };
}
