// Incremental trace model: tracer events in, swimlane lanes/spans/marks and deltas out. Pure.
// A process's main thread draws on the process lane; other threads get sub-lanes "pid/tid".
import { assertNever, type EventBase, type TraceEvent } from './events';
import { LabelCache } from './labelCache';
import { ModelStore } from './modelStore';
import type { RetentionBudget } from './retention';
import { stripAnsi } from './text';
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

/** Builds the swimlane model from events; see ModelStore for deltas and snapshots. */
export class TraceModel extends ModelStore {
  private t0: number | null = null;
  /** Native id of each process's main thread (from its hello). */
  private readonly mainTid = new Map<number, number>();
  /** Arrow tails waiting for their head: child lane id → spawn point; queue item → put point. */
  private readonly pendingSpawn = new Map<string, { lane: string; t: number; name: string }>();
  private readonly pendingPut = new Map<string, { lane: string; t: number }>();
  /** The lane at() resolved per pid and native thread id (a pid's entries are forgotten when
   *  its hello names the main thread). */
  private readonly laneAt = new Map<number, Map<number, Lane>>();
  /** Labels made from event fields, one string per distinct value (see LabelCache). */
  private readonly waitsFor = new LabelCache<string>((label) => `waits for ${label}`);
  private readonly holds = new LabelCache<string>((label) => `holds ${label}`);
  private readonly releases = new LabelCache<string>((label) => `releases ${label}`);
  private readonly sleeps = new LabelCache<number>((secs) => `sleep(${Number(secs.toFixed(3))} s)`);
  private readonly prints = new LabelCache<string>((raw) => stripAnsi(raw).replace(/\n$/, ''));

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
      case 'hello': {
        this.mainTid.set(pid, e.tid);
        this.laneAt.delete(pid);
        const lane = this.proc(pid, e.main ? null : e.ppid);
        if (e.main) {
          lane.main = true;
          if (lane.name === String(pid)) lane.name = 'MainProcess';
          if (lane.begin === null) lane.begin = t;
        }
        break;
      }
      case 'proc.spawn': {
        const child = this.proc(e.child, pid);
        child.name = e.name;
        child.daemon = e.daemon;
        const from = this.at(e);
        this.pendingSpawn.set(child.id, { lane: from.id, t, name: e.name });
        this.addMark(from, 'spawn', t, `start ${e.name} (pid ${e.child})`);
        break;
      }
      case 'proc.begin': {
        const lane = this.proc(pid, e.ppid);
        Object.assign(lane, { name: e.name, daemon: e.daemon, begin: t });
        this.spawnArrow(lane.id, t);
        this.addMark(lane, 'start', t, `${e.name} begins`);
        break;
      }
      case 'proc.end': {
        const lane = this.proc(pid, null);
        if (lane.end === null || !lane.killed) lane.end = t;
        lane.exitCode = e.code;
        this.closeProcessSpans(pid, t);
        this.addMark(lane, 'end', t, e.sig ? `killed by signal ${e.sig}` : `exit ${e.code ?? '?'}`);
        break;
      }
      case 'proc.kill': {
        const lane = this.proc(e.child, pid);
        if (lane.end === null) lane.end = t;
        lane.killed = e.why;
        this.closeProcessSpans(e.child, t);
        const why =
          e.why === 'daemon' ? 'killed: main code finished' : `killed by ${e.why}() from ${pid}`;
        this.addMark(lane, 'killed', t, why);
        break;
      }
      case 'proc.joined':
        this.addMark(this.at(e), 'mark', t, `joined ${e.child}: exit ${e.code ?? '?'}`);
        break;
      case 'main.done':
        this.header.mainDone = t;
        this.addMark(this.at(e), 'mark', t, 'main code finished');
        break;
      case 'thread.start': {
        const child = this.thread(pid, e.child, e.name, e.daemon);
        const from = this.at(e);
        this.pendingSpawn.set(child.id, { lane: from.id, t, name: e.name });
        this.addMark(from, 'spawn', t, `start thread ${e.name}`);
        break;
      }
      case 'thread.begin': {
        const lane = this.at(e);
        if (lane.thread) Object.assign(lane, { name: e.name, daemon: e.daemon, begin: t });
        this.spawnArrow(lane.id, t);
        this.addMark(lane, 'start', t, `${e.name} begins`);
        break;
      }
      case 'thread.end': {
        const lane = this.at(e);
        if (lane.thread) lane.end = t;
        this.closeLaneSpans(lane.id, t);
        this.addMark(
          lane,
          'end',
          t,
          e.abandoned ? 'abandoned at exit (daemon thread)' : `${e.name} ends`,
        );
        break;
      }
      case 'lock.wait':
        this.openSpan(
          pid,
          tid,
          'w',
          e.id,
          this.at(e),
          'lockWait',
          t,
          this.waitsFor.get(e.label),
          e.id,
        );
        break;
      case 'lock.acquired':
        this.closeSpan(pid, tid, 'w', e.id, t);
        if (e.kind !== 'Event' && e.kind !== 'Barrier' && e.kind !== 'Condition') {
          const label = this.holds.get(e.label);
          this.openSpan(pid, tid, 'h', e.id, this.at(e), 'lockHold', t, label, e.id);
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
      case 'queue.get':
        this.closeSpan(pid, tid, 'q', e.id, t);
        this.queueArrow(e.k, `${e.id}:${e.item}`, this.at(e).id, t, `${e.label} #${e.item}`);
        this.addMark(
          this.at(e),
          'io',
          t,
          `${e.label}.${e.k === 'queue.put' ? 'put' : 'get'} #${e.item}`,
        );
        break;
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

  /** Arrow from the spawn point to the child lane's begin, once both are known. */
  private spawnArrow(child: string, t: number): void {
    const from = this.pendingSpawn.get(child);
    if (!from) return;
    this.pendingSpawn.delete(child);
    this.addFlow('spawn', { lane: from.lane, t: from.t }, { lane: child, t }, from.name);
  }

  /** Arrow from an item's put to its get (either may be seen first across processes). */
  private queueArrow(
    k: 'queue.put' | 'queue.get',
    item: string,
    lane: string,
    t: number,
    label: string,
  ): void {
    const other = this.pendingPut.get(item);
    if (!other) {
      this.pendingPut.set(item, { lane, t });
      return;
    }
    this.pendingPut.delete(item);
    const here = { lane, t };
    if (k === 'queue.get') this.addFlow('queue', other, here, label);
    else this.addFlow('queue', here, other, label);
  }

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

  /** The lane an event draws on: its process's lane, or its thread's sub-lane. */
  private at(e: EventBase): Lane {
    let byTid = this.laneAt.get(e.pid);
    const known = byTid?.get(e.tid);
    if (known) return this.touchLane(known);
    const main = this.mainTid.get(e.pid) ?? e.pid;
    const lane = e.tid === main ? this.proc(e.pid, null) : this.thread(e.pid, e.tid, null, false);
    if (!byTid) this.laneAt.set(e.pid, (byTid = new Map()));
    byTid.set(e.tid, lane);
    return lane;
  }

  private proc(pid: number, parent: number | null): Lane {
    const lane = this.laneById(String(pid), () => ({
      id: String(pid),
      pid,
      name: String(pid),
      parent,
      daemon: false,
      main: false,
      begin: null,
      end: null,
      exitCode: null,
      killed: null,
    }));
    if (lane.parent === null && parent !== null && !lane.main) lane.parent = parent;
    return lane;
  }

  private thread(pid: number, tid: number, name: string | null, daemon: boolean): Lane {
    if (!this.hasLane(String(pid))) this.proc(pid, null); // parents are ordered before children
    const lane = this.laneById(`${pid}/${tid}`, () => ({
      id: `${pid}/${tid}`,
      pid,
      thread: tid,
      name: name ?? `Thread ${tid}`,
      parent: pid,
      daemon,
      main: false,
      begin: null,
      end: null,
      exitCode: null,
      killed: null,
    }));
    if (name !== null) Object.assign(lane, { name, daemon });
    return lane;
  }
}
