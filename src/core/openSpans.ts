// The spans a trace model holds open, found by where they were opened: a process, a thread, a
// slot tag ("w" lock wait, "h" hold, "q" queue block, "s" sleep, ...) and an id (a lock's or
// queue's id; "" for slots without one). Pure. Keyed by numbers and the event's own strings, so
// finding a span builds no key string per event.
import type { Span } from '../shared/webviewProtocol';

/** A slot: id → the span open there, or undefined once taken. Taking a span leaves its key
 *  (a thread reuses a handful of slots): a Map whose entries are deleted and added again at
 *  event rate rebuilds its table every few adds, ~50 bytes of garbage per event. */
type Slot = Map<string, Span | undefined>;

/** One open span and where it is held (see {@link OpenSpans.all}). */
export interface HeldSpan {
  span: Span;
  slot: Slot;
  id: string;
}

/** Open spans by (pid, tid, tag, id). */
export class OpenSpans {
  /** pid → tid → tag → id → span. */
  private readonly byPid = new Map<number, Map<number, Map<string, Slot>>>();
  /** The last thread looked up and its tags (events come in runs from one thread). */
  private lastPid = -1;
  private lastTid = -1;
  private lastTags: Map<string, Slot> | undefined;

  /** Remove and return the span open under (pid, tid, tag, id), if any. */
  take(pid: number, tid: number, tag: string, id: string): Span | undefined {
    const slot = this.tagsOf(pid, tid, false)?.get(tag);
    const s = slot?.get(id);
    if (s) slot!.set(id, undefined);
    return s;
  }

  /** Hold `span` under (pid, tid, tag, id); the caller took any span held there before. */
  add(pid: number, tid: number, tag: string, id: string, span: Span): void {
    const tags = this.tagsOf(pid, tid, true)!;
    let slot = tags.get(tag);
    if (!slot) tags.set(tag, (slot = new Map()));
    slot.set(id, span);
  }

  /** The tags map of thread (pid, tid); made when `make`, else undefined when there is none. */
  private tagsOf(pid: number, tid: number, make: boolean): Map<string, Slot> | undefined {
    if (pid === this.lastPid && tid === this.lastTid && this.lastTags) return this.lastTags;
    let byTid = this.byPid.get(pid);
    if (!byTid) {
      if (!make) return undefined;
      this.byPid.set(pid, (byTid = new Map()));
    }
    let tags = byTid.get(tid);
    if (!tags) {
      if (!make) return undefined;
      byTid.set(tid, (tags = new Map()));
    }
    this.lastPid = pid;
    this.lastTid = tid;
    this.lastTags = tags;
    return tags;
  }

  /** Every open span, in the order they were opened (span ids grow with each open): for the
   *  rare closes of a whole lane, process or run. */
  all(): HeldSpan[] {
    const out: HeldSpan[] = [];
    for (const byTid of this.byPid.values()) {
      for (const tags of byTid.values()) {
        for (const slot of tags.values()) {
          for (const [id, span] of slot) if (span) out.push({ span, slot, id });
        }
      }
    }
    return out.sort((a, b) => a.span.id - b.span.id);
  }

  /** Stop holding a span listed by {@link all}. */
  remove(held: HeldSpan): void {
    held.slot.set(held.id, undefined);
  }
}
