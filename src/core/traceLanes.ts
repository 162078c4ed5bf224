// The trace model's lanes: which lane an event draws on (a process's main thread on the process
// lane, other threads on sub-lanes "pid/tid"), process and thread lifecycle events, and the
// spawn and queue arrows between lanes. Pure; TraceModel (traceModel.ts) builds on it.
import type { EventBase, EventOf } from './events';
import { ModelStore } from './modelStore';
import type { Lane } from '../shared/webviewProtocol';

/** ModelStore plus lane resolution and the process/thread lifecycle; see TraceModel. */
export abstract class TraceLanes extends ModelStore {
  /** Native id of each process's main thread (from its hello). */
  private readonly mainTid = new Map<number, number>();
  /** Arrow tails waiting for their head: child lane id → spawn point; queue item → put point. */
  private readonly pendingSpawn = new Map<string, { lane: string; t: number; name: string }>();
  private readonly pendingPut = new Map<string, { lane: string; t: number }>();
  /** The lane at() resolved per pid and native thread id (a pid's entries are forgotten when
   *  its hello names the main thread). */
  private readonly laneAt = new Map<number, Map<number, Lane>>();

  /** A process says hello: remember its main thread; the first process is MainProcess. */
  protected hello(e: EventOf<'hello'>, t: number): void {
    const pid = e.pid;
    this.mainTid.set(pid, e.tid);
    this.laneAt.delete(pid);
    const lane = this.proc(pid, e.main ? null : e.ppid);
    if (e.main) {
      lane.main = true;
      if (lane.name === String(pid)) lane.name = 'MainProcess';
      if (lane.begin === null) lane.begin = t;
    }
  }

  /** A parent starts a child process: its lane, and the tail of the spawn arrow. */
  protected procSpawn(e: EventOf<'proc.spawn'>, t: number): void {
    const child = this.proc(e.child, e.pid);
    child.name = e.name;
    child.daemon = e.daemon;
    const from = this.at(e);
    this.pendingSpawn.set(child.id, { lane: from.id, t, name: e.name });
    this.addMark(from, 'spawn', t, `start ${e.name} (pid ${e.child})`);
  }

  /** A child process begins running its target. */
  protected procBegin(e: EventOf<'proc.begin'>, t: number): void {
    const lane = this.proc(e.pid, e.ppid);
    Object.assign(lane, { name: e.name, daemon: e.daemon, begin: t });
    this.spawnArrow(lane.id, t);
    this.addMark(lane, 'start', t, `${e.name} begins`);
  }

  /** A process exits (or its exit is seen): end its lane and its open spans. */
  protected procEnd(e: EventOf<'proc.end'>, t: number): void {
    const pid = e.pid;
    const lane = this.proc(pid, null);
    if (lane.end === null || !lane.killed) lane.end = t;
    lane.exitCode = e.code;
    this.closeProcessSpans(pid, t);
    this.addMark(lane, 'end', t, e.sig ? `killed by signal ${e.sig}` : `exit ${e.code ?? '?'}`);
  }

  /** A process is killed (daemon at exit, terminate() or kill()). */
  protected procKill(e: EventOf<'proc.kill'>, t: number): void {
    const lane = this.proc(e.child, e.pid);
    if (lane.end === null) lane.end = t;
    lane.killed = e.why;
    this.closeProcessSpans(e.child, t);
    const why =
      e.why === 'daemon' ? 'killed: main code finished' : `killed by ${e.why}() from ${e.pid}`;
    this.addMark(lane, 'killed', t, why);
  }

  /** A thread is started: its sub-lane, and the tail of the spawn arrow. */
  protected threadStart(e: EventOf<'thread.start'>, t: number): void {
    const child = this.thread(e.pid, e.child, e.name, e.daemon);
    const from = this.at(e);
    this.pendingSpawn.set(child.id, { lane: from.id, t, name: e.name });
    this.addMark(from, 'spawn', t, `start thread ${e.name}`);
  }

  /** A thread begins running its target. */
  protected threadBegin(e: EventOf<'thread.begin'>, t: number): void {
    const lane = this.at(e);
    if (lane.thread) Object.assign(lane, { name: e.name, daemon: e.daemon, begin: t });
    this.spawnArrow(lane.id, t);
    this.addMark(lane, 'start', t, `${e.name} begins`);
  }

  /** A thread ends (or is abandoned at exit): end its sub-lane and its open spans. */
  protected threadEnd(e: EventOf<'thread.end'>, t: number): void {
    const lane = this.at(e);
    if (lane.thread) lane.end = t;
    this.closeLaneSpans(lane.id, t);
    this.addMark(
      lane,
      'end',
      t,
      e.abandoned ? 'abandoned at exit (daemon thread)' : `${e.name} ends`,
    );
  }

  /** Arrow from the spawn point to the child lane's begin, once both are known. */
  private spawnArrow(child: string, t: number): void {
    const from = this.pendingSpawn.get(child);
    if (!from) return;
    this.pendingSpawn.delete(child);
    this.addFlow('spawn', { lane: from.lane, t: from.t }, { lane: child, t }, from.name);
  }

  /** Arrow from an item's put to its get (either may be seen first across processes). */
  protected queueArrow(e: EventOf<'queue.put' | 'queue.get'>, lane: string, t: number): void {
    const item = `${e.id}:${e.item}`;
    const other = this.pendingPut.get(item);
    if (!other) {
      this.pendingPut.set(item, { lane, t });
      return;
    }
    this.pendingPut.delete(item);
    const here = { lane, t };
    const label = `${e.label} #${e.item}`; // made once per arrow, when both ends are known
    if (e.k === 'queue.get') this.addFlow('queue', other, here, label);
    else this.addFlow('queue', here, other, label);
  }

  /** The lane an event draws on: its process's lane, or its thread's sub-lane. */
  protected at(e: EventBase): Lane {
    let byTid = this.laneAt.get(e.pid);
    const known = byTid?.get(e.tid);
    if (known) return this.touchLane(known);
    const main = this.mainTid.get(e.pid) ?? e.pid;
    const lane = e.tid === main ? this.proc(e.pid, null) : this.thread(e.pid, e.tid, null, false);
    if (!byTid) this.laneAt.set(e.pid, (byTid = new Map()));
    byTid.set(e.tid, lane);
    return lane;
  }

  /** The lane of process `pid` (made on first use), its parent filled in once known. */
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

  /** The sub-lane of thread `tid` of process `pid` (made on first use, after its process). */
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
