// Feeds a run's stdout/stderr bytes through the frame parser into the model. Pure.
import { FrameParser, type FrameSink } from './frameParser';
import type { TraceEvent } from './events';
import type { TraceModel } from './traceModel';

/** Where a piece of output text came from. */
export type OutputSource = 'out' | 'err' | 'raw' | 'stderr' | 'bad';

/** Receives program output as text, for the output channel. */
export type OutputSink = (text: string, source: OutputSource, pid: number | null) => void;

/** Bytes in, model updates and output text out. Never throws on junk. */
export class TraceFeed implements FrameSink {
  private readonly parser = new FrameParser();
  private readonly rawDecoder = new TextDecoder('utf-8');
  private readonly errDecoder = new TextDecoder('utf-8');

  constructor(
    private readonly model: TraceModel,
    private readonly sink: OutputSink,
    /** Each valid event, with its frame's JSON text (one line: no newline in it). */
    private readonly onEvent?: (event: TraceEvent, text: string) => void,
  ) {}

  /** Bytes read from the traced program's stdout. */
  pushStdout(chunk: Uint8Array): void {
    this.parser.parse(chunk, this);
  }

  /** A valid event from the parser (FrameSink). */
  event(event: TraceEvent, text: string): void {
    this.model.apply(event);
    this.onEvent?.(event, text);
    if (event.k === 'out') this.sink(event.text, event.stream, event.pid);
  }

  /** Raw program output between frames (FrameSink). */
  output(bytes: Uint8Array): void {
    this.sink(this.rawDecoder.decode(bytes, { stream: true }), 'raw', null);
  }

  /** A malformed frame: counted, and its bytes go out as they came (FrameSink). */
  bad(_error: string, bytes: Uint8Array): void {
    this.model.noteBadFrame();
    this.sink(new TextDecoder('utf-8').decode(bytes), 'bad', null);
  }

  /** Bytes read from the traced program's stderr (output the tracer did not capture). */
  pushStderr(chunk: Uint8Array): void {
    this.sink(this.errDecoder.decode(chunk, { stream: true }), 'stderr', null);
  }

  /** End of stdout: an unfinished frame is kept as raw output. */
  end(): void {
    for (const item of this.parser.end()) if (item.type === 'bad') this.bad(item.error, item.bytes);
  }
}
