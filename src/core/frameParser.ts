// Splits the tracer's stdout into frames (0x1E + JSON + "\n") and raw program output. Never throws.
import type { TraceEvent } from './events';
import { eventError } from './validateEvent';

const RS = 0x1e;
const NL = 0x0a;

/** Frames longer than this without a newline are given up on and kept as raw output. */
export const MAX_FRAME_BYTES = 1 << 20;

/** One thing the parser found in the byte stream. */
export type ParsedItem =
  | { type: 'event'; event: TraceEvent }
  | { type: 'output'; bytes: Uint8Array }
  | { type: 'bad'; error: string; bytes: Uint8Array };

/** Receives what the parser finds, in stream order (see {@link FrameParser.parse}). */
export interface FrameSink {
  /** A valid event (the object JSON.parse made: the caller owns it) and its frame's JSON text. */
  event(event: TraceEvent, text: string): void;
  /** Bytes outside any frame (raw program output). */
  output(bytes: Uint8Array): void;
  /** A frame that is not a valid event, with its bytes (RS and newline included when present). */
  bad(error: string, bytes: Uint8Array): void;
}

/** A sink that collects items into a list (what {@link FrameParser.push} returns). */
export class ItemList implements FrameSink {
  readonly items: ParsedItem[] = [];
  event(event: TraceEvent): void {
    this.items.push({ type: 'event', event });
  }
  output(bytes: Uint8Array): void {
    this.items.push({ type: 'output', bytes });
  }
  bad(error: string, bytes: Uint8Array): void {
    this.items.push({ type: 'bad', error, bytes });
  }
}

/** Incremental parser: feed it chunks in any split; it keeps state between calls. */
export class FrameParser {
  private pending: Uint8Array[] = [];
  private pendingLen = 0;
  private inFrame = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly encoder = new TextEncoder();
  /** Count of frames that were not valid events. */
  badFrames = 0;
  /** Count of valid events. */
  events = 0;

  /** Parse one chunk; returns items in stream order. */
  push(chunk: Uint8Array): ParsedItem[] {
    const list = new ItemList();
    this.parse(chunk, list);
    return list.items;
  }

  /** Parse one chunk into `out` (the hot path: no item object per event). */
  parse(chunk: Uint8Array, out: FrameSink): void {
    let i = 0;
    const n = chunk.length;
    let fast = true;
    while (i < n) {
      if (!this.inFrame) {
        const rs = chunk.indexOf(RS, i);
        if (rs !== -1 && fast) {
          // Whole frames up to the chunk's last newline: decoded once, split as text.
          const last = chunk.lastIndexOf(NL);
          if (last > rs) {
            if (rs > i) out.output(chunk.slice(i, rs));
            if (this.pushText(chunk.subarray(rs, last + 1), out)) {
              i = last + 1;
              continue;
            }
            i = rs;
            fast = false; // invalid UTF-8 somewhere: frame by frame on bytes
          }
        }
        const end = rs === -1 ? n : rs;
        if (end > i) out.output(chunk.slice(i, end));
        if (rs === -1) break;
        this.inFrame = true;
        i = rs + 1;
        continue;
      }
      const nl = chunk.indexOf(NL, i);
      const rs = chunk.indexOf(RS, i);
      if (rs !== -1 && (nl === -1 || rs < nl)) {
        // A new frame starts before this one ended: the pending bytes were a torn frame.
        this.append(chunk.subarray(i, rs));
        this.giveUp(out, 'truncated frame');
        this.inFrame = true;
        i = rs + 1;
        continue;
      }
      if (nl === -1) {
        this.append(chunk.subarray(i, n));
        if (this.pendingLen > MAX_FRAME_BYTES) {
          this.giveUp(out, `frame longer than ${MAX_FRAME_BYTES} bytes`);
        }
        break;
      }
      this.append(chunk.subarray(i, nl));
      this.finishFrame(out);
      i = nl + 1;
    }
  }

  /**
   * Parse `bytes` (starting with RS, ending with NL) as text decoded in one go; false (and
   * nothing added) when it is not valid UTF-8. RS and NL are ASCII, never inside a multi-byte
   * character, so splitting the text splits the bytes exactly as the byte path would.
   */
  private pushText(bytes: Uint8Array, out: FrameSink): boolean {
    let s: string;
    try {
      s = this.decoder.decode(bytes);
    } catch {
      return false;
    }
    const n = s.length;
    let p = 0;
    while (p < n) {
      if (s.charCodeAt(p) !== RS) {
        const rs = s.indexOf('\x1e', p);
        const end = rs === -1 ? n : rs;
        out.output(this.encoder.encode(s.slice(p, end)));
        p = end;
        continue;
      }
      const nl = s.indexOf('\n', p + 1);
      const rs = s.indexOf('\x1e', p + 1);
      if (rs !== -1 && rs < nl) {
        // A new frame starts before this one ended: a torn frame.
        this.badFrames++;
        out.bad('truncated frame', this.encoder.encode(s.slice(p, rs)));
        p = rs;
        continue;
      }
      // A bad frame's bytes are its text (RS to newline) encoded again, made only when needed.
      const error = this.parseFrame(s.slice(p + 1, nl), out);
      if (error !== null) out.bad(error, this.encoder.encode(s.slice(p, nl + 1)));
      p = nl + 1;
    }
    return true;
  }

  /** Call at end of stream: an unfinished frame becomes raw output. */
  end(): ParsedItem[] {
    const list = new ItemList();
    if (this.inFrame) this.giveUp(list, 'stream ended inside a frame');
    return list.items;
  }

  private append(part: Uint8Array): void {
    if (part.length === 0) return;
    this.pending.push(part.slice());
    this.pendingLen += part.length;
  }

  private take(): Uint8Array {
    const body =
      this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingLen);
    this.pending = [];
    this.pendingLen = 0;
    this.inFrame = false;
    return body ?? new Uint8Array(0);
  }

  private giveUp(out: FrameSink, error: string): void {
    const body = this.take();
    const bytes = new Uint8Array(body.length + 1);
    bytes[0] = RS;
    bytes.set(body, 1);
    this.badFrames++;
    out.bad(error, bytes);
  }

  private finishFrame(out: FrameSink): void {
    const body = this.take();
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch (e) {
      this.badFrames++;
      out.bad(`invalid frame: ${(e as Error).message}`, framed(body));
      return;
    }
    const error = this.parseFrame(text, out);
    if (error !== null) out.bad(error, framed(body));
  }

  /** One frame's JSON text → an event handed to `out`; else (counted as bad) the error, for the
   *  caller to report with the frame's bytes. */
  private parseFrame(text: string, out: FrameSink): string | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      this.badFrames++;
      return `invalid frame: ${(e as Error).message}`;
    }
    const error = eventError(parsed);
    if (error === null) {
      this.events++;
      out.event(parsed as TraceEvent, text);
      return null;
    }
    this.badFrames++;
    return error;
  }
}

function framed(body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(body.length + 2);
  bytes[0] = RS;
  bytes.set(body, 1);
  bytes[body.length + 1] = NL;
  return bytes;
}

function concat(parts: Uint8Array[], len: number): Uint8Array {
  const buf = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    buf.set(p, o);
    o += p.length;
  }
  return buf;
}
