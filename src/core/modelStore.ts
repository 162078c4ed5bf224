// Storage behind the trace model: lanes, spans, marks, header, and what changed since the last
// delta. Pure. TraceModel (traceModel.ts) decides what events mean; this keeps the books (the
// retention trim: modelStoreTrim.ts).
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
import { OpenSpans } from './openSpans';
import { DEFAULT_RETENTION, type QueueTally, type RetentionBudget } from './retention';
import { StoreTrimmer } from './modelStoreTrim';

/** Lanes, spans and marks with dirty tracking for deltas (upserts) and full snapshots.
 *  Bounded: beyond the retention budget, detail older than a horizon is merged into one
 *  summary span per lane and counted in `header.dropped` (see retention.ts). */
export class ModelStore {
  protected last = 0;
  private readonly lanes = new Map<string, Lane>();
  private spans: Span[] = [];
  private marks: Mark[] = [];
  private readonly open = new OpenSpans();
  private readonly dirtyLanes = new Set<Lane>();
  private readonly dirtySpans = new Set<Span>();
  private newMarks: Mark[] = [];
  private flows: Flow[] = [];
  private newFlows: Flow[] = [];
  private order = 0;
  private ids = { span: 0, mark: 0, flow: 0 };
  /** When to trim, and what was merged (the per-lane digests; see modelStoreTrim.ts). */
  private readonly trimmer: StoreTrimmer;
  /** Source location of the event being applied; stamped on the items it creates. */
  protected src: SourceLocation | undefined;
  /** One shared [file, line] per source location (a parsed event brings fresh copies). */
  private readonly srcs = new Map<string, SourceLocation>();

  constructor(
    protected readonly header: Header,
    budget: RetentionBudget = DEFAULT_RETENTION,
  ) {
    this.trimmer = new StoreTrimmer(budget, () => this.ids.span++);
  }

  /** All lanes, sorted by spawn order. */
  allLanes(): Lane[] {
    return [...this.lanes.values()].sort((a, b) => a.order - b.order);
  }

  /** All spans kept (detail; the per-lane summaries of merged detail are in summarySpans()). */
  allSpans(): readonly Span[] {
    return this.spans;
  }

  /** One span per lane standing for the detail merged to bound memory. */
  summarySpans(): Span[] {
    return this.trimmer.summarySpans();
  }

  /** Per queue: puts, gets and depth of the queue marks merged away (see tallyQueues). */
  mergedQueues(): ReadonlyMap<string, QueueTally> {
    return this.trimmer.mergedQueues();
  }

  /** All marks kept. */
  allMarks(): readonly Mark[] {
    return this.marks;
  }

  /** All arrows kept. */
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
      spans: [...this.summarySpans(), ...this.spans].map((s) => ({ ...s })),
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

  /** Mark a known lane dirty (as laneById does); returns it. */
  protected touchLane(lane: Lane): Lane {
    this.dirtyLanes.add(lane);
    return lane;
  }

  /** The shared copy of a source location (interned up to 10k distinct ones). */
  protected intern(src: SourceLocation | undefined): SourceLocation | undefined {
    if (src === undefined) return undefined;
    const key = `${src[1]}:${src[0]}`;
    const known = this.srcs.get(key);
    if (known) return known;
    if (this.srcs.size < 10_000) this.srcs.set(key, src);
    return src;
  }

  /** Whether a lane exists. */
  protected hasLane(id: string): boolean {
    return this.lanes.has(id);
  }

  /** Add a point event on a lane. */
  protected addMark(lane: Lane, kind: MarkKind, t: number, text: string): void {
    const m: Mark = { id: this.ids.mark++, lane: lane.id, kind, t, text };
    if (this.src) m.src = this.src;
    this.marks.push(m);
    this.newMarks.push(m);
    if (this.marks.length > this.trimmer.limits.marks) this.trim();
  }

  /** Open a span held by thread `tid` of `pid` under `tag` and `id` (closing any span open
   *  there). */
  protected openSpan(
    pid: number,
    tid: number,
    tag: string,
    id: string,
    lane: Lane,
    kind: SpanKind,
    t: number,
    label: string,
    lockId?: string,
  ): void {
    this.closeSpan(pid, tid, tag, id, t);
    const s: Span = { id: this.ids.span++, lane: lane.id, kind, start: t, end: null, label };
    if (lockId !== undefined) s.lockId = lockId;
    if (this.src) s.src = this.src;
    this.spans.push(s);
    this.open.add(pid, tid, tag, id, s);
    this.dirtySpans.add(s);
    if (this.spans.length > this.trimmer.limits.spans) this.trim();
  }

  /** Add an arrow between two lanes. */
  protected addFlow(kind: FlowKind, from: FlowEnd, to: FlowEnd, label?: string): void {
    const f: Flow = { id: this.ids.flow++, kind, from, to };
    if (label !== undefined) f.label = label;
    this.flows.push(f);
    this.newFlows.push(f);
    if (this.flows.length > this.trimmer.limits.flows) this.trim();
  }

  /** Close the span open under (pid, tid, tag, id), if any. */
  protected closeSpan(pid: number, tid: number, tag: string, id: string, t: number): void {
    const s = this.open.take(pid, tid, tag, id);
    if (s) this.ended(s, t);
  }

  /** A span taken out of the open ones ends at `t` (not before its start). */
  private ended(s: Span, t: number): void {
    s.end = Math.max(t, s.start);
    this.dirtySpans.add(s);
  }

  /** Close the open spans that `which` picks, in the order they were opened. */
  private closeWhere(which: (s: Span) => boolean, t: number): void {
    for (const held of this.open.all()) {
      if (!which(held.span)) continue;
      this.open.remove(held);
      this.ended(held.span, t);
    }
  }

  /** Close every open span of a lane (its process or thread ended). */
  protected closeLaneSpans(laneId: string, t: number): void {
    this.closeWhere((s) => s.lane === laneId, t);
  }

  /** Close every open span of a process and its threads. */
  protected closeProcessSpans(pid: number, t: number): void {
    const prefix = `${pid}/`;
    this.closeWhere((s) => s.lane === String(pid) || s.lane.startsWith(prefix), t);
  }

  /** Close all open spans at the last time seen (end of run). */
  protected closeAll(): void {
    this.closeWhere(() => true, this.last);
    // Processes that never reported their end (SIGKILL, killed with the tree on Stop) ended
    // by the end of the run at the latest: their lanes end there, exit code unknown.
    for (const lane of this.lanes.values()) {
      if (lane.end !== null) continue;
      lane.end = Math.max(this.last, lane.begin ?? 0);
      this.dirtyLanes.add(lane);
    }
  }

  /** Over budget: merge old detail into per-lane digests (StoreTrimmer.trim). */
  private trim(): void {
    const { spans, marks, flows, newMarks, newFlows, dirtySpans } = this;
    this.trimmer.trim({ spans, marks, flows, newMarks, newFlows, dirtySpans }, this.header);
  }
}
