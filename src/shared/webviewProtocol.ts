// Host ↔ webview protocol: the swimlane model items and the messages that carry them.
// Imported by the extension host (src/) and the webview bundle (webview/); no vscode, no DOM.

/** Lifecycle of a run as the header shows it. */
export type RunState = 'starting' | 'running' | 'finished' | 'failed' | 'stopped';

/** One process lane (id "pid") or thread sub-lane (id "pid/tid"). Times are ns since the run's first event. */
export interface Lane {
  id: string;
  pid: number;
  /** Native thread id, for a thread sub-lane; absent for a process lane. */
  thread?: number;
  name: string;
  parent: number | null;
  /** Spawn order; lanes are drawn sorted by it. */
  order: number;
  daemon: boolean;
  main: boolean;
  begin: number | null;
  end: number | null;
  exitCode: number | null;
  /** Set when another process killed this one: 'daemon' (main code finished), 'terminate', 'kill'. */
  killed?: 'daemon' | 'terminate' | 'kill' | null;
}

/**
 * What a span shows: plain running, sleeping, waiting for a lock, holding a lock, blocked on a
 * queue (full on put, empty on get), running a pool task.
 */
export type SpanKind = 'run' | 'sleep' | 'lockWait' | 'lockHold' | 'queueBlock' | 'task';

/** `[file, line]` of the user's code that caused an item, when the tracer knew it. */
export type SourceLocation = [string, number];

/** A time interval on a lane; `end` is null while it is still open. */
export interface Span {
  id: number;
  lane: string;
  kind: SpanKind;
  start: number;
  end: number | null;
  label: string;
  /** Lock id for lock spans, queue id for queue blocks. */
  lockId?: string;
  src?: SourceLocation;
}

/** Point events on a lane; `killed` is an end forced by another process (or the main code's end). */
export type MarkKind =
  'start' | 'end' | 'killed' | 'print' | 'exc' | 'release' | 'spawn' | 'io' | 'mark';

/** A point event; `text` is program output or a description, always rendered as text. */
export interface Mark {
  id: number;
  lane: string;
  kind: MarkKind;
  t: number;
  text: string;
  src?: SourceLocation;
}

/** What an arrow means: a parent starting a child, or an item travelling through a queue. */
export type FlowKind = 'spawn' | 'queue';

/** One end of an arrow: a lane at a time (ns). */
export interface FlowEnd {
  lane: string;
  t: number;
}

/** An arrow between lanes: spawn (parent → child's begin) or queue (put → get of one item). */
export interface Flow {
  id: number;
  kind: FlowKind;
  from: FlowEnd;
  to: FlowEnd;
  /** What travels (the queue item, the child's name). */
  label?: string;
}

/** The run summary shown in the panel header. */
export interface Header {
  title: string;
  state: RunState;
  /** ns from the first event to the last one seen (or to now while running). */
  duration: number;
  processes: number;
  ticketsSold: number | null;
  ticketsAvailable: number | null;
  lockWaitTotal: number;
  lockWaitMax: number;
  /** ns of the main module's end, when seen. */
  mainDone: number | null;
  events: number;
  badFrames: number;
  /** Items dropped or merged to bound memory; shown as a counter when > 0. */
  dropped: number;
  /** Detail (closed spans, marks, arrows) older than this (ns) was merged into one summary span
   *  per lane to bound memory; absent until that first happens. */
  mergedBefore?: number;
  error: string | null;
  /** What the run shows, in plain words ("oversold by 3: lost update on db.txt"). */
  findings?: string[];
  /** End of a time axis shared with another run (Compare…), in ns; the view spans at least this. */
  axisEnd?: number;
}

/** Model changes since the previous delta: upserts keyed by id. */
export interface ModelDelta {
  lanes: Lane[];
  spans: Span[];
  marks: Mark[];
  header: Header;
  /** New arrows (append-only); absent when there are none. */
  flows?: Flow[];
}

/** Span kinds by their code in {@link SpanColumns.kind}. */
export const SPAN_KIND_CODES: readonly SpanKind[] = [
  'run',
  'task',
  'queueBlock',
  'lockWait',
  'lockHold',
  'sleep',
];

/** Mark kinds by their code in {@link MarkColumns.kind}. */
export const MARK_KIND_CODES: readonly MarkKind[] = [
  'start',
  'end',
  'killed',
  'print',
  'exc',
  'release',
  'spawn',
  'io',
  'mark',
];

/** Arrow kinds by their code in {@link FlowColumns.kind}. */
export const FLOW_KIND_CODES: readonly FlowKind[] = ['spawn', 'queue'];

/** Spans in columns: row i of every array is one span. Strings are indexes into the packed
 *  delta's `strings`; -1 means absent (no lock id, no source). */
export interface SpanColumns {
  id: number[];
  lane: number[];
  kind: number[];
  start: number[];
  /** null while the span is open. */
  end: (number | null)[];
  label: number[];
  lockId: number[];
  srcFile: number[];
  /** 0 when there is no source. */
  srcLine: number[];
}

/** Marks in columns (see {@link SpanColumns}). */
export interface MarkColumns {
  id: number[];
  lane: number[];
  kind: number[];
  t: number[];
  text: number[];
  srcFile: number[];
  srcLine: number[];
}

/** Arrows in columns (see {@link SpanColumns}); `label` -1 when there is none. */
export interface FlowColumns {
  id: number[];
  kind: number[];
  fromLane: number[];
  fromT: number[];
  toLane: number[];
  toT: number[];
  label: number[];
}

/** A {@link ModelDelta} in columns of numbers over one table of the delta's distinct strings
 *  (cheaper to serialize, clone, check and store than one object per item), in its plain form:
 *  what the webview's validator returns. See src/shared/packedDelta.ts. */
export interface PackedDelta {
  strings: string[];
  lanes: Lane[];
  spans: SpanColumns;
  marks: MarkColumns;
  flows: FlowColumns;
  header: Header;
}

/** Columns as posted: each one its numbers, or a string of them in the compact encoding. */
export type WireColumns<C> = { [K in keyof C]: C[K] | string };

/** A {@link PackedDelta} as the host posts it (src/shared/packedWire.ts). Three shortcuts keep
 *  it short: the `srcFile` and `srcLine` columns of a list are empty when none of its items has a
 *  source; with `diff` set, ids and times are differences — `id`, span `start`, mark `t` and
 *  arrow `fromT` from the previous row's (the first row's from 0), span `end` from its own
 *  `start`, arrow `toT` from its own `fromT` (set only when every such value and difference is a
 *  safe integer, so decoding is exact); and a column whose numbers are all integers of magnitude
 *  ≤ 2^51 (or null, in span `end`) goes as one string (src/shared/wireColumn.ts): per number a
 *  base-32 varint of its zigzag code, digits '#'…'B' (more follow) and ']'…'|' (the last), null
 *  '!'. */
export interface PackedWire {
  strings: string[];
  lanes: Lane[];
  spans: WireColumns<SpanColumns>;
  marks: WireColumns<MarkColumns>;
  flows: WireColumns<FlowColumns>;
  header: Header;
  diff?: boolean;
}

/** Messages the host posts to the webview (only after it received `ready`). A live model change
 *  comes `packed`; `delta` (objects) is the same content, for saved state, exports and tests. */
export type HostToWebview =
  /** `noRun`: the host has no run for this panel (one VS Code revived after a window reload). */
  | { type: 'init'; strings: Record<string, string>; noRun?: boolean }
  | { type: 'reset' }
  | ({ type: 'delta' } & ModelDelta)
  | ({ type: 'packed' } & PackedWire);

/** Messages the webview posts to the host. */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'stop' }
  | { type: 'openSource'; file: string; line: number }
  | { type: 'export'; format: ExportFormat; data: string };

/** Export file formats: `data` is the SVG text, or a PNG as a base64 `data:` URL. */
export type ExportFormat = 'svg' | 'png';
