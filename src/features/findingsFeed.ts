// Adds the span and mark findings (deadlock cycle, queue depth, speed-up…) to a run's headers,
// in the UI language, recomputed at most every 250 ms while the run is live (and never taking
// more than ~2% of the host's time: the wait grows with what the last computation cost).
import { computeFindings } from '../core/findings';
import type { TraceModel } from '../core/traceModel';
import type { Header, ModelDelta } from '../shared/webviewProtocol';

const EVERY_MS = 250;
/** The wait between two live computations is at least this many times the last one's cost. */
const COST_FACTOR = 50;

/** Full findings for one run's model. */
export class FindingsFeed {
  private last: string[] = [];
  private at = -Infinity;
  private wait = EVERY_MS;

  constructor(
    private readonly model: TraceModel,
    private readonly lang: 'en' | 'zh',
  ) {}

  /** `header` with the full findings. */
  header(header: Header): Header {
    const live = header.state === 'starting' || header.state === 'running';
    const now = Date.now();
    if (!live || now - this.at >= this.wait) {
      this.last = computeFindings({
        header,
        lanes: this.model.allLanes(),
        spans: this.model.allSpans(),
        marks: this.model.allMarks(),
        mergedQueues: this.model.mergedQueues(),
        lang: this.lang,
      });
      this.at = Date.now();
      this.wait = Math.max(EVERY_MS, (this.at - now) * COST_FACTOR);
    }
    return { ...header, findings: this.last };
  }

  /** `delta` with the full findings in its header. */
  delta(delta: ModelDelta): ModelDelta {
    return { ...delta, header: this.header(delta.header) };
  }
}
