// Storage behind the trace model: lanes, spans, marks, header, and what changed since the last
// delta. Pure. TraceModel (traceModel.ts) decides what events mean; this keeps the books.
import type {
  Flow,
  FlowEnd,
  FlowKind,
  Header,
  Lane,
  Mark,
  MarkKind,
  ModelDelta,
  SourceLocation,
  Span,
  SpanKind,
} from '../shared/webviewProtocol';

/** Lanes, spans and marks with dirty tracking for deltas (upserts) and full snapshots. */
export class ModelStore {
  protected last = 0;
  private readonly lanes = new Map<string, Lane>();
  private readonly spans: Span[] = [];
  private readonly marks: Mark[] = [];
  private readonly open = new Map<string, Span>();
  private readonly dirtyLanes = new Set<Lane>();
  private readonly dirtySpans = new Set<Span>();
  private newMarks: Mark[] = [];
  private readonly flows: Flow[] = [];
  private newFlows: Flow[] = [];
  private order = 0;
  /** Source location of the event being applied; stamped on the items it creates. */
  protected src: SourceLocation | undefined;

  constructor(protected readonly header: Header) {}

  /** All lanes, sorted by spawn order. */
  allLanes(): Lane[] {
    return [...this.lanes.values()].sort((a, b) => a.order - b.order);
  }

  /** All spans so far. */
  allSpans(): readonly Span[] {
    return this.spans;
  }

  /** All marks so far. */
  allMarks(): readonly Mark[] {
    return this.marks;
  }

  /** All arrows so far. */
  allFlows(): readonly Flow[] {
    return this.flows;
  }

  /** Current header (a copy). Findings are added by the host's FindingsFeed, which reads the
   *  whole model at most every 250 ms, not here on every delta. */
  getHeader(): Header {
    return { ...this.header, processes: this.processCount(), duration: this.last };
  }

  /** Everything changed since the previous call (all of it on the first call). */
  takeDelta(): ModelDelta {
    const delta: ModelDelta = {
      lanes: [...this.dirtyLanes].map((l) => ({ ...l })),
      spans: [...this.dirtySpans].map((s) => ({ ...s })),
      marks: this.newMarks,
      header: this.getHeader(),
    };
    if (this.newFlows.length) delta.flows = this.newFlows;
    this.dirtyLanes.clear();
    this.dirtySpans.clear();
    this.newMarks = [];
    this.newFlows = [];
    return delta;
  }

  /** A delta holding the whole model, for a webview that (re)loads. */
  snapshot(): ModelDelta {
    const snap: ModelDelta = {
      lanes: this.allLanes().map((l) => ({ ...l })),
      spans: this.spans.map((s) => ({ ...s })),
      marks: [...this.marks],
      header: this.getHeader(),
    };
    if (this.flows.length) snap.flows = [...this.flows];
    return snap;
  }

  private processCount(): number {
    let n = 0;
    for (const l of this.lanes.values()) if (l.thread === undefined || l.thread === null) n++;
    return n;
  }

  /** Get or create a lane (marked dirty: the caller is about to change it). */
  protected laneById(id: string, init: () => Omit<Lane, 'order'>): Lane {
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = { ...init(), order: this.order++ };
      this.lanes.set(id, lane);
    }
    this.dirtyLanes.add(lane);
    return lane;
  }

  /** Whether a lane exists. */
  protected hasLane(id: string): boolean {
    return this.lanes.has(id);
  }

  /** Add a point event on a lane. */
  protected addMark(lane: Lane, kind: MarkKind, t: number, text: string): void {
    const m: Mark = { id: this.marks.length, lane: lane.id, kind, t, text };
    if (this.src) m.src = this.src;
    this.marks.push(m);
    this.newMarks.push(m);
  }

  /** Open a span under `key` (closing any span open under the same key). */
  protected openSpan(
    key: string,
    lane: Lane,
    kind: SpanKind,
    t: number,
    label: string,
    lockId?: string,
  ): void {
    this.closeSpan(key, t);
    const s: Span = { id: this.spans.length, lane: lane.id, kind, start: t, end: null, label };
    if (lockId !== undefined) s.lockId = lockId;
    if (this.src) s.src = this.src;
    this.spans.push(s);
    this.open.set(key, s);
    this.dirtySpans.add(s);
  }

  /** Add an arrow between two lanes. */
  protected addFlow(kind: FlowKind, from: FlowEnd, to: FlowEnd, label?: string): void {
    const f: Flow = { id: this.flows.length, kind, from, to };
    if (label !== undefined) f.label = label;
    this.flows.push(f);
    this.newFlows.push(f);
  }

  /** Close the span open under `key`, if any. */
  protected closeSpan(key: string, t: number): void {
    const s = this.open.get(key);
    if (!s) return;
    s.end = Math.max(t, s.start);
    this.open.delete(key);
    this.dirtySpans.add(s);
  }

  /** Close every open span of a lane (its process or thread ended). */
  protected closeLaneSpans(laneId: string, t: number): void {
    for (const [key, s] of this.open) if (s.lane === laneId) this.closeSpan(key, t);
  }

  /** Close every open span of a process and its threads. */
  protected closeProcessSpans(pid: number, t: number): void {
    const prefix = `${pid}/`;
    for (const [key, s] of this.open) {
      if (s.lane === String(pid) || s.lane.startsWith(prefix)) this.closeSpan(key, t);
    }
  }

  /** Close all open spans at the last time seen (end of run). */
  protected closeAll(): void {
    for (const key of [...this.open.keys()]) this.closeSpan(key, this.last);
    // Processes that never reported their end (SIGKILL, killed with the tree on Stop) ended
    // by the end of the run at the latest: their lanes end there, exit code unknown.
    for (const lane of this.lanes.values()) {
      if (lane.end !== null) continue;
      lane.end = Math.max(this.last, lane.begin ?? 0);
      this.dirtyLanes.add(lane);
    }
  }
}
