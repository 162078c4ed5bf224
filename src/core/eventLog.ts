// The raw event stream of a run, kept (bounded) for the `.swimlane.jsonl` export. Pure.
// Kept as the export's own bytes (UTF-8 JSON lines in 1 MB chunks), not as parsed objects: about
// 100 bytes per event instead of ~280, and nothing for the garbage collector to trace.
import type { TraceEvent } from './events';

/** Events kept per run (~10 MB of JSON lines for a typical event mix); later ones are counted,
 *  not kept. */
export const MAX_LOGGED_EVENTS = 100_000;

/** Size of one chunk of the log's bytes (a longer line gets a chunk of its own size). */
export const CHUNK_BYTES = 1 << 20;

const NL = 0x0a;

/** Append-only list of a run's events, in arrival order, stored as JSON lines. */
export class EventLog {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes used in each chunk (its lines; a chunk's tail that a line did not fit in is unused). */
  private readonly ends: number[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private count = 0;
  private readonly encoder = new TextEncoder();
  /** Events not kept because the log was full. */
  dropped = 0;

  constructor(private readonly max = MAX_LOGGED_EVENTS) {}

  /** Keep one event (or count it as dropped when full). */
  push(e: TraceEvent): void {
    if (this.count >= this.max) this.dropped++;
    else this.pushLine(JSON.stringify(e));
  }

  /** Keep one event given as its JSON text, a line without a newline (the tracer's own frame
   *  text: no stringify of the parsed object), or count it as dropped when full. */
  pushLine(line: string): void {
    if (this.count >= this.max) {
      this.dropped++;
      return;
    }
    let chunk = this.chunks.at(-1);
    // encodeInto never writes a partial character; a line that does not fit starts a new chunk
    // (the bytes it wrote in the old one are not counted as used).
    let done = chunk ? this.encoder.encodeInto(line, chunk.subarray(this.used)) : null;
    if (!chunk || !done || done.read < line.length || this.used + done.written >= chunk.length) {
      // UTF-8 takes at most 3 bytes per UTF-16 unit; + 1 for the newline.
      chunk = new Uint8Array(Math.max(CHUNK_BYTES, 3 * line.length + 1));
      this.chunks.push(chunk);
      this.ends.push(0);
      this.used = 0;
      done = this.encoder.encodeInto(line, chunk);
    }
    this.used += done.written;
    chunk[this.used++] = NL;
    this.ends[this.ends.length - 1] = this.used;
    this.count++;
  }

  /** How many events are kept. */
  get length(): number {
    return this.count;
  }

  /** Bytes held (capacity of the chunks). */
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }

  /** The kept events as `.swimlane.jsonl` text (one JSON event per line). */
  jsonl(): string {
    const decoder = new TextDecoder('utf-8');
    let out = '';
    this.chunks.forEach((c, i) => (out += decoder.decode(c.subarray(0, this.ends[i]))));
    return out;
  }

  /** The events kept so far, parsed again (a fresh array per call: for exports, not hot paths). */
  all(): TraceEvent[] {
    const text = this.jsonl();
    const events: TraceEvent[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      events.push(JSON.parse(text.slice(from, nl)) as TraceEvent);
      from = nl + 1;
    }
    return events;
  }
}
