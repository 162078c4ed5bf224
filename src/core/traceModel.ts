// Incremental trace model: tracer events in, swimlane lanes/spans/marks and deltas out. Pure.
// apply() is the one exhaustive switch over event kinds; spans, marks and the header are made
// here, lanes and the process/thread lifecycle in traceLanes.ts, storage in modelStore.ts.
import { assertNever, type TraceEvent } from './events';
import { LabelCache } from './labelCache';
import type { RetentionBudget } from './retention';
import { stripAnsi } from './text';
import { TraceLanes } from './traceLanes';
import type { Lane, RunState } from '../shared/webviewProtocol';

/** Options that give the model a scenario's findings rules. */
export interface TraceModelOptions {
  title: string;
  /** Tickets in db.txt at the start, for the ticket demos; null elsewhere. */
  ticketsAvailable?: number | null;
  /** Text of the print that means "one ticket sold". */
  successText?: string;
  /** How much detail to keep before merging old detail (default DEFAULT_RETENTION). */
  retention?: RetentionBudget;
}

/** Builds the swimlane model from events; see TraceLanes for lanes, ModelStore for deltas. */
export class TraceModel extends TraceLanes {
  private t0: number | null = null;
  /** Labels made from event fields, one string per distinct value (see LabelCache). */
  private readonly waitsFor = new LabelCache<string>((label) => `waits for ${label}`);
  private readonly holds = new LabelCache<string>((label) => `holds ${label}`);
  private readonly releases = new LabelCache<string>((label) => `releases ${label}`);
  private readonly sleeps = new LabelCache<number>((secs) => `sleep(${Number(secs.toFixed(3))} s)`);
  private readonly prints = new LabelCache<string>((raw) => stripAnsi(raw).replace(/\n$/, ''));
  /** One string per lock id: the spans keep it, not each parsed event's own copy. */
  private readonly lockIds = new LabelCache<string>((id) => id);

  constructor(private readonly options: TraceModelOptions) {
    super(
      {
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
      },
      options.retention,
    );
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
    const tid = e.tid;
    this.src = this.intern(e.src);
    switch (e.k) {
      case 'hello':
        this.hello(e, t);
        break;
      case 'proc.spawn':
        this.procSpawn(e, t);
        break;
      case 'proc.begin':
        this.procBegin(e, t);
        break;
      case 'proc.end':
        this.procEnd(e, t);
        break;
      case 'proc.kill':
        this.procKill(e, t);
        break;
      case 'proc.joined':
        this.addMark(this.at(e), 'mark', t, `joined ${e.child}: exit ${e.code ?? '?'}`);
        break;
      case 'main.done':
        this.header.mainDone = t;
        this.addMark(this.at(e), 'mark', t, 'main code finished');
        break;
      case 'thread.start':
        this.threadStart(e, t);
        break;
      case 'thread.begin':
        this.threadBegin(e, t);
        break;
      case 'thread.end':
        this.threadEnd(e, t);
        break;
      case 'lock.wait': {
        const id = this.lockIds.get(e.id);
        this.openSpan(pid, tid, 'w', id, this.at(e), 'lockWait', t, this.waitsFor.get(e.label), id);
        break;
      }
      case 'lock.acquired':
        this.closeSpan(pid, tid, 'w', e.id, t);
        if (e.kind !== 'Event' && e.kind !== 'Barrier' && e.kind !== 'Condition') {
          const id = this.lockIds.get(e.id);
          const label = this.holds.get(e.label);
          this.openSpan(pid, tid, 'h', id, this.at(e), 'lockHold', t, label, id);
        }
        this.header.lockWaitTotal += e.waited;
        this.header.lockWaitMax = Math.max(this.header.lockWaitMax, e.waited);
        break;
      case 'lock.release':
        this.closeSpan(pid, tid, 'h', e.id, t);
        this.addMark(this.at(e), 'release', t, this.releases.get(e.label));
        break;
      case 'lock.fail':
        this.closeSpan(pid, tid, 'w', e.id, t);
        this.addMark(this.at(e), 'mark', t, `gave up waiting for ${e.label}`);
        break;
      case 'lock.burst': {
        // One closed hold span for the whole run of short holds, labelled with the count.
        const end = e.last - (this.t0 ?? e.t);
        if (end > this.last) this.last = end;
        const label = `holds ${e.label} ×${e.count} (${Number((e.held / 1e6).toFixed(3))} ms held)`;
        this.openSpan(pid, tid, 'b', e.id, this.at(e), 'lockHold', t, label, e.id);
        this.closeSpan(pid, tid, 'b', e.id, end);
        break;
      }
      case 'sync.signal':
        this.addMark(this.at(e), 'mark', t, `${e.label}.${e.op}()`);
        break;
      case 'queue.block':
        this.openSpan(
          pid,
          tid,
          'q',
          e.id,
          this.at(e),
          'queueBlock',
          t,
          `blocked: ${e.label} ${e.op === 'put' ? 'full' : 'empty'}`,
          e.id,
        );
        break;
      case 'queue.timeout':
        this.closeSpan(pid, tid, 'q', e.id, t);
        this.addMark(this.at(e), 'mark', t, `gave up waiting for ${e.label}.${e.op}()`);
        break;
      case 'queue.put':
      case 'queue.get': {
        this.closeSpan(pid, tid, 'q', e.id, t);
        const lane = this.at(e);
        this.queueArrow(e, lane.id, t);
        this.addMark(lane, 'io', t, `${e.label}.${e.k === 'queue.put' ? 'put' : 'get'} #${e.item}`);
        break;
      }
      case 'task.begin':
        this.openSpan(pid, tid, 'task', '', this.at(e), 'task', t, `task ${e.func}`);
        break;
      case 'task.end':
        this.closeSpan(pid, tid, 'task', '', t);
        if (!e.ok) this.addMark(this.at(e), 'exc', t, `task ${e.task} raised`);
        break;
      case 'sleep':
        this.openSpan(pid, tid, 's', '', this.at(e), 'sleep', t, this.sleeps.get(e.secs));
        break;
      case 'sleep.end':
        this.closeSpan(pid, tid, 's', '', t);
        break;
      case 'out':
        this.print(this.at(e), t, e.text);
        break;
      case 'exc':
        this.addMark(this.at(e), 'exc', t, `${e.type}: ${e.msg}`);
        break;
      case 'io.read':
      case 'io.write':
        this.addMark(
          this.at(e),
          'io',
          t,
          `${e.k === 'io.read' ? 'read' : 'write'} ${e.path}: ${e.preview}`,
        );
        break;
      case 'mark':
        this.addMark(this.at(e), 'mark', t, e.label);
        break;
      default:
        assertNever(e);
    }
  }

  /** A print: a mark with its text; a sale when it says the scenario's success text. */
  private print(lane: Lane, t: number, raw: string): void {
    const text = this.prints.get(raw);
    this.addMark(lane, 'print', t, text);
    if (
      this.options.successText &&
      this.header.ticketsSold !== null &&
      text.includes(this.options.successText)
    ) {
      this.header.ticketsSold++;
    }
  }
}
