// Incremental trace model: tracer events in, swimlane lanes/spans/marks and deltas out. Pure.
import { assertNever, type TraceEvent } from './events';
import { stripAnsi } from './text';
import type {
  Header,
  Lane,
  Mark,
  MarkKind,
  ModelDelta,
  RunState,
  Span,
  SpanKind,
} from '../shared/webviewProtocol';

/** Options that give the model a scenario's findings rules. */
export interface TraceModelOptions {
  title: string;
  /** Tickets in db.txt at the start, for the ticket demos; null elsewhere. */
  ticketsAvailable?: number | null;
  /** Text of the print that means "one ticket sold". */
  successText?: string;
}

/** Builds the swimlane model from events and hands out what changed since the last delta. */
export class TraceModel {
  private t0: number | null = null;
  private last = 0;
  private readonly lanes = new Map<string, Lane>();
  private readonly spans: Span[] = [];
  private readonly marks: Mark[] = [];
  private readonly open = new Map<string, Span>();
  private readonly dirtyLanes = new Set<Lane>();
  private readonly dirtySpans = new Set<Span>();
  private newMarks: Mark[] = [];
  private order = 0;
  private readonly header: Header;

  constructor(private readonly options: TraceModelOptions) {
    this.header = {
      title: options.title,
      state: 'starting',
      duration: 0,
      processes: 0,
      ticketsSold: (options.ticketsAvailable ?? null) === null ? null : 0,
      ticketsAvailable: options.ticketsAvailable ?? null,
      lockWaitTotal: 0,
      lockWaitMax: 0,
      mainDone: null,
      events: 0,
      badFrames: 0,
      dropped: 0,
      error: null,
    };
  }

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

  /** Current header (a copy). */
  getHeader(): Header {
    return { ...this.header };
  }

  /** Update the run state shown in the header (driven by the runner). */
  setState(state: RunState, error: string | null = null): void {
    this.header.state = state;
    if (error !== null) this.header.error = error;
    if (state === 'finished' || state === 'failed' || state === 'stopped') this.closeAll();
  }

  /** Count a malformed frame. */
  noteBadFrame(): void {
    this.header.badFrames++;
  }

  /** Apply one tracer event. */
  apply(e: TraceEvent): void {
    if (this.t0 === null) this.t0 = e.t;
    const t = e.t - this.t0;
    if (t > this.last) this.last = t;
    this.header.events++;
    const pid = e.pid;
    switch (e.k) {
      case 'hello': {
        const lane = this.lane(pid, e.main ? null : e.ppid);
        if (e.main) {
          lane.main = true;
          if (lane.name === String(pid)) lane.name = 'MainProcess';
          if (lane.begin === null) lane.begin = t;
        }
        break;
      }
      case 'proc.spawn': {
        const child = this.lane(e.child, pid);
        child.name = e.name;
        child.daemon = e.daemon;
        this.mark(pid, 'spawn', t, `start ${e.name} (pid ${e.child})`);
        break;
      }
      case 'proc.begin': {
        const lane = this.lane(pid, e.ppid);
        lane.name = e.name;
        lane.daemon = e.daemon;
        lane.begin = t;
        this.mark(pid, 'start', t, `${e.name} begins`);
        break;
      }
      case 'proc.end': {
        const lane = this.lane(pid, null);
        if (lane.end === null || !lane.killed) lane.end = t;
        lane.exitCode = e.code;
        this.closeLane(lane.id, t);
        this.mark(pid, 'end', t, e.sig ? `killed by signal ${e.sig}` : `exit ${e.code ?? '?'}`);
        break;
      }
      case 'proc.kill': {
        const lane = this.lane(e.child, pid);
        const why =
          e.why === 'daemon' ? 'killed: main code finished' : `killed by ${e.why}() from ${pid}`;
        if (lane.end === null) lane.end = t;
        lane.killed = e.why;
        this.closeLane(lane.id, t);
        this.mark(e.child, 'end', t, why);
        break;
      }
      case 'main.done':
        this.header.mainDone = t;
        this.mark(pid, 'mark', t, 'main code finished');
        break;
      case 'lock.wait':
        this.openSpan(
          `${pid}:${e.tid}:w:${e.id}`,
          pid,
          'lockWait',
          t,
          `waits for ${e.label}`,
          e.id,
        );
        break;
      case 'lock.acquired': {
        this.closeSpan(`${pid}:${e.tid}:w:${e.id}`, t);
        this.openSpan(`${pid}:${e.tid}:h:${e.id}`, pid, 'lockHold', t, `holds ${e.label}`, e.id);
        this.header.lockWaitTotal += e.waited;
        this.header.lockWaitMax = Math.max(this.header.lockWaitMax, e.waited);
        break;
      }
      case 'lock.release':
        this.closeSpan(`${pid}:${e.tid}:h:${e.id}`, t);
        this.mark(pid, 'release', t, `releases ${e.label}`);
        break;
      case 'lock.fail':
        this.closeSpan(`${pid}:${e.tid}:w:${e.id}`, t);
        this.mark(pid, 'mark', t, `gave up waiting for ${e.label}`);
        break;
      case 'sleep':
        this.openSpan(
          `${pid}:${e.tid}:s`,
          pid,
          'sleep',
          t,
          `sleep(${Number(e.secs.toFixed(3))} s)`,
        );
        break;
      case 'sleep.end':
        this.closeSpan(`${pid}:${e.tid}:s`, t);
        break;
      case 'out': {
        const text = stripAnsi(e.text).replace(/\n$/, '');
        this.mark(pid, 'print', t, text);
        if (this.options.successText && this.header.ticketsSold !== null) {
          if (text.includes(this.options.successText)) this.header.ticketsSold++;
        }
        break;
      }
      case 'exc':
        this.mark(pid, 'exc', t, `${e.type}: ${e.msg}`);
        break;
      case 'io.read':
      case 'io.write':
        this.mark(pid, 'io', t, `${e.k === 'io.read' ? 'read' : 'write'} ${e.path}: ${e.preview}`);
        break;
      case 'mark':
        this.mark(pid, 'mark', t, e.label);
        break;
      default:
        assertNever(e);
    }
  }

  /** Everything changed since the previous call (all of it on the first call). */
  takeDelta(): ModelDelta {
    this.header.duration = this.last;
    this.header.processes = this.lanes.size;
    const delta: ModelDelta = {
      lanes: [...this.dirtyLanes].map((l) => ({ ...l })),
      spans: [...this.dirtySpans].map((s) => ({ ...s })),
      marks: this.newMarks,
      header: { ...this.header },
    };
    this.dirtyLanes.clear();
    this.dirtySpans.clear();
    this.newMarks = [];
    return delta;
  }

  /** A delta holding the whole model, for a webview that (re)loads. */
  snapshot(): ModelDelta {
    this.header.duration = this.last;
    this.header.processes = this.lanes.size;
    return {
      lanes: this.allLanes().map((l) => ({ ...l })),
      spans: this.spans.map((s) => ({ ...s })),
      marks: [...this.marks],
      header: { ...this.header },
    };
  }

  private lane(pid: number, parent: number | null): Lane {
    const id = String(pid);
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = {
        id,
        pid,
        name: id,
        parent,
        order: this.order++,
        daemon: false,
        main: false,
        begin: null,
        end: null,
        exitCode: null,
        killed: null,
      };
      this.lanes.set(id, lane);
    } else if (lane.parent === null && parent !== null && !lane.main) {
      lane.parent = parent;
    }
    this.dirtyLanes.add(lane);
    return lane;
  }

  private mark(pid: number, kind: MarkKind, t: number, text: string): void {
    const lane = this.lane(pid, null);
    const m: Mark = { id: this.marks.length, lane: lane.id, kind, t, text };
    this.marks.push(m);
    this.newMarks.push(m);
  }

  private openSpan(
    key: string,
    pid: number,
    kind: SpanKind,
    t: number,
    label: string,
    lockId?: string,
  ): void {
    this.closeSpan(key, t);
    const lane = this.lane(pid, null);
    const s: Span = { id: this.spans.length, lane: lane.id, kind, start: t, end: null, label };
    if (lockId !== undefined) s.lockId = lockId;
    this.spans.push(s);
    this.open.set(key, s);
    this.dirtySpans.add(s);
  }

  private closeSpan(key: string, t: number): void {
    const s = this.open.get(key);
    if (!s) return;
    s.end = Math.max(t, s.start);
    this.open.delete(key);
    this.dirtySpans.add(s);
  }

  private closeLane(laneId: string, t: number): void {
    for (const [key, s] of this.open) if (s.lane === laneId) this.closeSpan(key, t);
  }

  private closeAll(): void {
    for (const key of [...this.open.keys()]) this.closeSpan(key, this.last);
  }
}
