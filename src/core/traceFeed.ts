// Feeds a run's stdout/stderr bytes through the frame parser into the model. Pure.
import { FrameParser } from './frameParser';
import type { TraceEvent } from './events';
import type { TraceModel } from './traceModel';

/** Where a piece of output text came from. */
export type OutputSource = 'out' | 'err' | 'raw' | 'stderr' | 'bad';

/** Receives program output as text, for the output channel. */
export type OutputSink = (text: string, source: OutputSource, pid: number | null) => void;

/** Bytes in, model updates and output text out. Never throws on junk. */
export class TraceFeed {
  private readonly parser = new FrameParser();
  private readonly rawDecoder = new TextDecoder('utf-8');
  private readonly errDecoder = new TextDecoder('utf-8');

  constructor(
    private readonly model: TraceModel,
    private readonly sink: OutputSink,
    private readonly onEvent?: (event: TraceEvent) => void,
  ) {}

  /** Bytes read from the traced program's stdout. */
  pushStdout(chunk: Uint8Array): void {
    for (const item of this.parser.push(chunk)) {
      switch (item.type) {
        case 'event':
          this.model.apply(item.event);
          this.onEvent?.(item.event);
          if (item.event.k === 'out') this.sink(item.event.text, item.event.stream, item.event.pid);
          break;
        case 'output':
          this.sink(this.rawDecoder.decode(item.bytes, { stream: true }), 'raw', null);
          break;
        case 'bad':
          this.model.noteBadFrame();
          this.sink(new TextDecoder('utf-8').decode(item.bytes), 'bad', null);
          break;
      }
    }
  }

  /** Bytes read from the traced program's stderr (output the tracer did not capture). */
  pushStderr(chunk: Uint8Array): void {
    this.sink(this.errDecoder.decode(chunk, { stream: true }), 'stderr', null);
  }

  /** End of stdout: an unfinished frame is kept as raw output. */
  end(): void {
    for (const item of this.parser.end()) {
      if (item.type === 'bad') {
        this.model.noteBadFrame();
        this.sink(new TextDecoder('utf-8').decode(item.bytes), 'bad', null);
      }
    }
  }
}
