// UI strings with English defaults; the host may override any of them with its `init` message.
import type { MarkKind, RunState, SpanKind } from '../src/shared/webviewProtocol';

/** Default English UI text, keyed by the ids the host's `init.strings` may override. */
export const DEFAULT_STRINGS = {
  fit: 'Fit',
  fitTitle: 'Show the whole run',
  stop: 'Stop',
  hint: 'Wheel over the axis or Ctrl+wheel: zoom · drag: pan · drag on the axis or Shift+drag: zoom to a range',
  waiting: 'Waiting for the first events…',
  notKept:
    'This run was not kept across the window reload (it was still running, or too big to keep). Run it again to see it.',
  mainDone: 'main code finished',
  duration: 'Duration',
  processes: 'Processes',
  tickets: 'Tickets',
  sold: 'sold',
  available: 'available',
  oversold: 'oversold!',
  lockWait: 'Lock wait',
  total: 'total',
  max: 'max',
  badFrames: 'bad frames',
  dropped: 'older items merged',
  events: 'events',
  stillOpen: 'still going',
  childOf: 'child of',
  daemon: 'daemon',
  killed: 'killed',
  lived: 'lived',
  running: 'running',
  'span.run': 'running',
  'span.sleep': 'sleeping',
  'span.lockWait': 'waiting for a lock',
  'span.lockHold': 'holding a lock',
  'span.queueBlock': 'blocked on a queue',
  'span.task': 'running a pool task',
  'mark.start': 'process start',
  'mark.end': 'end (exit code)',
  'mark.killed': 'killed',
  'mark.print': 'print',
  'mark.release': 'lock released',
  'mark.spawn': 'spawns a process',
  'mark.exc': 'exception',
  'mark.io': 'file read/write',
  'mark.mark': 'note',
  'flow.spawn': 'starts a child',
  'flow.queue': 'queue put → get',
  threads: 'threads',
  printLabels: 'Print text',
  printLabelsTitle: 'Show what each print wrote next to its tick',
  collapse: 'Hide the threads of this process',
  expand: 'Show the threads of this process',
  inspector: 'Details',
  goToSource: 'Go to source',
  goToSourceTitle: 'Open the line of your program that did this (or double-click the item)',
  close: 'Close',
  yes: 'yes',
  no: 'no',
  sameLock: 'Every wait and hold of this lock is highlighted',
  sameQueue: 'Every block on this queue is highlighted',
  'field.kind': 'What',
  'field.text': 'Text',
  'field.lane': 'Lane',
  'field.start': 'Start',
  'field.end': 'End',
  'field.duration': 'Duration',
  'field.time': 'Time',
  'field.lock': 'Lock',
  'field.queue': 'Queue',
  'field.source': 'Source',
  'field.id': 'Id',
  'field.name': 'Name',
  'field.pid': 'Process id',
  'field.thread': 'Thread id',
  'field.parent': 'Parent',
  'field.main': 'Main process',
  'field.daemon': 'Daemon',
  'field.exitCode': 'Exit code',
  'field.killed': 'Killed',
  'field.items': 'Spans + marks',
  search: 'Search text…',
  searchTitle: 'Show only items whose text contains this',
  allKinds: 'All kinds',
  allProcesses: 'All processes',
  lanesLabel:
    'Swimlanes: one row per process or thread. Arrow keys: previous/next event; Tab or up/down: next lane; Enter: details; Escape: clear',
  zoomIn: '+',
  zoomOut: '−',
  zoomInTitle: 'Zoom in',
  zoomOutTitle: 'Zoom out',
  exportSvg: 'SVG',
  exportPng: 'PNG',
  exportTitle: 'Save the current view as an image',
  overview: 'Whole run: drag to choose the part to show',
  'state.starting': 'starting',
  'state.running': 'running',
  'state.finished': 'finished',
  'state.failed': 'failed',
  'state.stopped': 'stopped',
} as const;

/** A key of {@link DEFAULT_STRINGS}. */
export type StringKey = keyof typeof DEFAULT_STRINGS;

/** Looks up UI text: host override first, English default otherwise. */
export type Tr = (key: StringKey) => string;

/** Build a lookup over the host's overrides. */
export function translator(overrides: Readonly<Record<string, string>> = {}): Tr {
  return (key) => overrides[key] ?? DEFAULT_STRINGS[key];
}

/** Text for a span kind. */
export const spanKindText = (tr: Tr, kind: SpanKind): string => tr(`span.${kind}`);

/** Text for a mark kind. */
export const markKindText = (tr: Tr, kind: MarkKind): string => tr(`mark.${kind}`);

/** Text for a run state. */
export const stateText = (tr: Tr, state: RunState): string => tr(`state.${state}`);
