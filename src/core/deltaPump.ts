// Rate-limits model deltas to the webview: at most one post per interval (60 per second). Pure.

/** Minimum time between two posts, in ms (60 per second). */
export const MIN_INTERVAL_MS = 1000 / 60;

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

/** Calls `flush` at most once per interval after `poke()`; `flushNow()` bypasses the wait. */
export class DeltaPump {
  private timer: unknown = null;
  private lastFlush = -Infinity;
  /** How many times flush ran. */
  flushes = 0;

  constructor(
    private readonly flush: () => void,
    private readonly interval = MIN_INTERVAL_MS,
    private readonly timers: PumpTimers = realTimers,
  ) {}

  /** Something changed: schedule a flush within the interval. */
  poke(): void {
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
    this.flush();
  }
}
