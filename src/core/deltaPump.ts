// Rate-limits model deltas to the webview: at most one post per interval (60 per second), and
// none while the previous post is still being delivered (flow control: changes coalesce in the
// model meanwhile, so a slow webview gets fewer, larger deltas and no backlog builds up). Pure.

/** Minimum time between two posts, in ms (60 per second). */
export const MIN_INTERVAL_MS = 1000 / 60;

/** A delivery that has not settled after this long no longer holds deltas back. */
export const MAX_HOLD_MS = 1000;

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
 *  When `flush` returns a promise, the next flush waits until it settled. */
export class DeltaPump {
  private timer: unknown = null;
  private lastFlush = -Infinity;
  private busy = false;
  private again = false;
  /** How many times flush ran. */
  flushes = 0;

  constructor(
    private readonly flush: () => unknown,
    private readonly interval = MIN_INTERVAL_MS,
    private readonly timers: PumpTimers = realTimers,
  ) {}

  /** Something changed: schedule a flush within the interval. */
  poke(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastFlush + this.interval - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.run(), wait);
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
    const done = this.flush() as PromiseLike<unknown> | undefined;
    if (typeof done?.then !== 'function') return;
    this.busy = true;
    let guard: unknown = null;
    const settle = (): void => {
      if (!this.busy) return;
      this.timers.clearTimeout(guard);
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    };
    guard = this.timers.setTimeout(settle, MAX_HOLD_MS);
    done.then(settle, settle);
  }
}
