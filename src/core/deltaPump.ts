// Rate-limits model deltas to the webview: at most one post per interval (60 per second), none
// while the previous post is still being delivered, and after a delivery that took D ms none for
// min(D, PACE_CAP_MS) more (flow control: changes coalesce in the model meanwhile, so a busy
// webview gets time to draw and then fewer, larger deltas; no backlog builds up). Pure.

/** Minimum time between two posts, in ms (60 per second). */
export const MIN_INTERVAL_MS = 1000 / 60;

/** A delivery that has not settled after this long no longer holds the next delta back... */
export const MAX_HOLD_MS = 1000;

/** ...but no more than this many deliveries are ever un-settled at once: a slow webview (VS Code's
 *  postMessage lags behind a busy page) gets a backlog of at most one delta, never an unbounded
 *  queue of them in the host. */
export const MAX_UNSETTLED = 2;

/** After a delivery that took D ms, the next post waits min(D, PACE_CAP_MS) more: a webview too
 *  busy to take a delta at once gets time to draw it, and then fewer, larger deltas. */
export const PACE_CAP_MS = 250;

/** Timer functions, injectable for tests. */
export interface PumpTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: PumpTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Calls `flush` at most once per interval after `poke()`; `flushNow()` bypasses the wait.
 *  When `flush` returns a promise, the next flush waits until it settled, or MAX_HOLD_MS passed
 *  and fewer than MAX_UNSETTLED flushes are un-settled. */
export class DeltaPump {
  private timer: unknown = null;
  private lastFlush = -Infinity;
  /** The latest flush's delivery is pending and within its hold time. */
  private holding = false;
  /** Flushes whose promise has not settled yet. */
  private pending = 0;
  /** Which flush the hold belongs to (an older delivery settling does not end a newer hold). */
  private generation = 0;
  private holdTimer: unknown = null;
  private again = false;
  /** No post before this time (pacing after a slow delivery). */
  private notBefore = -Infinity;
  /** The pace the flush in progress asked for (see {@link paceAtLeast}). */
  private minPace = 0;
  /** How many times flush ran. */
  flushes = 0;

  constructor(
    private readonly flush: () => unknown,
    private readonly interval = MIN_INTERVAL_MS,
    private readonly timers: PumpTimers = realTimers,
  ) {}

  /** Flushes whose delivery has not settled yet (at most MAX_UNSETTLED, + 1 after flushNow). */
  get unsettled(): number {
    return this.pending;
  }

  /** Something changed: schedule a flush within the interval. */
  poke(): void {
    if (this.holding || this.pending >= MAX_UNSETTLED) {
      this.again = true;
      return;
    }
    if (this.timer !== null) return;
    const at = Math.max(this.lastFlush + this.interval, this.notBefore);
    const wait = Math.max(0, at - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.run(), wait);
  }

  /** Called by `flush` while it runs: after this delivery settles, wait at least `ms` (capped at
   *  PACE_CAP_MS) before the next flush, however fast the delivery was (a big delta keeps the
   *  webview busy after it was delivered). */
  paceAtLeast(ms: number): void {
    this.minPace = Math.max(this.minPace, ms);
  }

  /** Flush immediately (end of run) and cancel any pending timer. */
  flushNow(): void {
    this.cancel();
    this.run();
  }

  /** Cancel a pending flush. */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    this.lastFlush = this.timers.now();
    this.flushes++;
    this.minPace = 0;
    const done = this.flush() as PromiseLike<unknown> | undefined;
    const minPace = this.minPace;
    if (typeof done?.then !== 'function') return;
    const gen = ++this.generation;
    this.pending++;
    this.holding = true;
    if (this.holdTimer !== null) this.timers.clearTimeout(this.holdTimer);
    this.holdTimer = this.timers.setTimeout(() => {
      if (gen === this.generation) this.endHold();
    }, MAX_HOLD_MS);
    const posted = this.lastFlush;
    const settled = (): void => {
      this.pending--;
      const now = this.timers.now();
      const pace = Math.min(Math.max(now - posted, minPace), PACE_CAP_MS);
      this.notBefore = Math.max(this.notBefore, now + pace);
      if (gen === this.generation) this.endHold();
      else this.resume();
    };
    done.then(settled, settled);
  }

  /** The latest flush's hold ended (it settled, or MAX_HOLD_MS passed). */
  private endHold(): void {
    if (this.holdTimer !== null) this.timers.clearTimeout(this.holdTimer);
    this.holdTimer = null;
    this.holding = false;
    this.resume();
  }

  /** Run the flush that pokes asked for while held, if nothing holds it any more. */
  private resume(): void {
    if (!this.again || this.holding || this.pending >= MAX_UNSETTLED) return;
    this.again = false;
    this.poke();
  }
}
