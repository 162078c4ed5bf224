// The raw event stream of a run, kept (bounded) for the `.swimlane.jsonl` export. Pure.
import type { TraceEvent } from './events';

/** Events kept per run (about 280 bytes each as parsed objects, so ~28 MB at most: the host stays
 * under its 100 MB budget on an endless run); later ones are counted, not kept. */
export const MAX_LOGGED_EVENTS = 100_000;

/** Append-only list of a run's events, in arrival order. */
export class EventLog {
  private readonly items: TraceEvent[] = [];
  /** Events not kept because the log was full. */
  dropped = 0;

  constructor(private readonly max = MAX_LOGGED_EVENTS) {}

  /** Keep one event (or count it as dropped when full). */
  push(e: TraceEvent): void {
    if (this.items.length < this.max) this.items.push(e);
    else this.dropped++;
  }

  /** The events kept so far. */
  all(): readonly TraceEvent[] {
    return this.items;
  }
}
