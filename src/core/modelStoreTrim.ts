// ModelStore's retention wiring: when the next trim is due, the per-lane digests (and their
// summary spans) of merged detail, and the merged queue tallies. Pure. See retention.ts.
import type { Flow, Header, Mark, Span } from '../shared/webviewProtocol';
import {
  horizonOf,
  KEEP_SHARE,
  keepWhere,
  mergeMarksBefore,
  mergeSpansBefore,
  LaneDigest,
  tallyQueues,
  type QueueTally,
  type RetentionBudget,
} from './retention';

/** The store's lists a trim merges in place (and the delta bookkeeping it must keep true). */
export interface TrimLists {
  spans: Span[];
  marks: Mark[];
  flows: Flow[];
  newMarks: Mark[];
  newFlows: Flow[];
  dirtySpans: Set<Span>;
}

/** Bounds a ModelStore: merges detail older than a horizon into one summary span per lane. */
export class StoreTrimmer {
  /** Counts that trigger the next trim (raised when a trim cannot get below the budget).
   *  Read by the store on every add; only trim() changes it. */
  limits: RetentionBudget;
  /** Per lane: what was merged, and its summary span. */
  private readonly digests = new Map<string, { digest: LaneDigest; span: Span }>();
  /** Queue puts/gets/depth of the merged marks, so the queue findings stay whole. */
  private queueTally: ReadonlyMap<string, QueueTally> = new Map();

  constructor(
    private readonly budget: RetentionBudget,
    /** The store's next span id (summary spans share the ids of detail spans). */
    private readonly nextSpanId: () => number,
  ) {
    this.limits = { ...budget };
  }

  /** One span per lane standing for the detail merged to bound memory. */
  summarySpans(): Span[] {
    return [...this.digests.values()].map((d) => d.span);
  }

  /** Per queue: puts, gets and depth of the queue marks merged away (see tallyQueues). */
  mergedQueues(): ReadonlyMap<string, QueueTally> {
    return this.queueTally;
  }

  /**
   * Over budget: merge every closed span, mark and arrow older than a time horizon (chosen so
   * that the over-budget list keeps KEEP_SHARE of its budget) into per-lane digests.
   */
  trim(lists: TrimLists, header: Header): void {
    const b = this.budget;
    const keep = (n: number): number => Math.floor(n * KEEP_SHARE);
    const before = Math.max(
      horizonOf(lists.spans, this.limits.spans, keep(b.spans), (s) => s.start),
      horizonOf(lists.marks, this.limits.marks, keep(b.marks), (m) => m.t),
      horizonOf(lists.flows, this.limits.flows, keep(b.flows), (f) => f.to.t),
    );
    let merged = 0;
    // Items come in runs on one lane: the last lane's digest is looked up once per run.
    let lane = '';
    let digest: LaneDigest | null = null;
    const digestFor = (id: string): LaneDigest => {
      if (digest === null || id !== lane) {
        lane = id;
        digest = this.digestOf(id);
      }
      return digest;
    };
    // In place, in order: a trim runs every few thousand items, so no new arrays.
    merged += mergeSpansBefore(lists.spans, before, digestFor, lists.dirtySpans);
    const io: Mark[] = [];
    merged += mergeMarksBefore(lists.marks, before, digestFor, io);
    if (io.length) this.queueTally = tallyQueues(io, this.queueTally);
    keepWhere(lists.newMarks, (m) => m.t >= before);
    const flows = lists.flows.length;
    keepWhere(lists.flows, (f) => Math.max(f.from.t, f.to.t) >= before);
    keepWhere(lists.newFlows, (f) => Math.max(f.from.t, f.to.t) >= before);
    merged += flows - lists.flows.length;
    for (const { digest, span } of this.digests.values()) {
      span.start = digest.first;
      span.end = Math.max(digest.first, digest.last);
      span.label = digest.label();
      lists.dirtySpans.add(span);
    }
    header.dropped += merged;
    header.mergedBefore = Math.max(header.mergedBefore ?? -Infinity, before);
    // A list left at or over its budget (open spans, items after the horizon: what could not be
    // merged) has its next trim raised by a quarter, so trims stay rare; a list under its budget
    // keeps the budget as its limit (raising it too let a list end a run up to 1.25× over).
    const next = (n: number, limit: number): number =>
      n >= limit ? n + Math.ceil(limit / 4) : limit;
    this.limits = {
      spans: next(lists.spans.length, b.spans),
      marks: next(lists.marks.length, b.marks),
      flows: next(lists.flows.length, b.flows),
    };
  }

  private digestOf(lane: string): LaneDigest {
    let d = this.digests.get(lane);
    if (!d) {
      const span: Span = { id: this.nextSpanId(), lane, kind: 'run', start: 0, end: 0, label: '' };
      d = { digest: new LaneDigest(), span };
      this.digests.set(lane, d);
    }
    return d.digest;
  }
}
