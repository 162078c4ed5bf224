// The webview's copy of the model, fed by host deltas with upsert semantics: spans in a columnar
// SpanTable (typed arrays, per-lane time index), marks in a MarkList (per-lane time lists), lanes
// and arrows by id. Applying a delta costs the delta: nothing is re-derived over the whole model.
import { flowAt, markAt, packPlain } from '../src/shared/packedDelta';
import type { Flow, Header, Lane, ModelDelta, PackedDelta } from '../src/shared/webviewProtocol';
import type { SwimlaneModel } from './layout';
import { MarkList, retainInPlace, upsertById } from './markList';
import { SpanTable } from './spanTable';

/** Model state received so far; `version` grows on every change so views can skip work. */
export class Store {
  private readonly lanes = new Map<string, Lane>();
  private spans = new SpanTable();
  private readonly marks = new MarkList();
  /** Arrows in id order (as the host makes and sends them; see MarkList.all). */
  private readonly flows: Flow[] = [];
  /** Lanes sorted by order; rebuilt only when a delta carries lanes. */
  private laneList: Lane[] = [];
  private header: Header | null = null;
  /** The host's retention horizon last applied (see `Header.mergedBefore`). */
  private mergedBefore = -Infinity;
  private cache: SwimlaneModel | null = null;
  /** Bumped on every reset, so a view can re-fit after a new run. */
  epoch = 0;
  /** UI strings from the host's `init` message. */
  strings: Record<string, string> = {};
  /** The host's `init` said it has no run for this panel. */
  noRun = false;

  /** Upsert every item of a delta given as objects (saved state, exports, tests). */
  apply(delta: ModelDelta): void {
    this.applyPacked(packPlain(delta));
  }

  /** Upsert every item of a packed delta in its plain form, as the validator returns it (a later copy of an id replaces the earlier one). When
   * the host merged older detail into per-lane summary spans, drop that detail here first, as
   * the host did (spans ended, marks and arrows before the horizon); the summaries come in the
   * same delta. */
  applyPacked(delta: PackedDelta): void {
    const before = delta.header.mergedBefore;
    if (before !== undefined && before > this.mergedBefore) this.dropBefore(before, delta);
    for (const l of delta.lanes) this.lanes.set(l.id, l);
    if (delta.lanes.length) this.laneList = [...this.lanes.values()].sort(byOrder);
    this.spans.upsertPacked(delta);
    for (let r = 0, n = delta.marks.id.length; r < n; r++) this.marks.upsert(markAt(delta, r));
    for (let r = 0, n = delta.flows.id.length; r < n; r++) upsertById(this.flows, flowAt(delta, r));
    this.header = delta.header;
    this.cache = null;
  }

  private dropBefore(before: number, delta: PackedDelta): void {
    this.mergedBefore = before;
    const t = this.spans;
    // The host sends again every span it keeps open from before the horizon; one still open
    // here but not sent was closed and merged there before its closed copy reached us.
    // (The set of ids sent is made only when an open span from before the horizon asks.)
    let resent: Set<number> | null = null;
    const wasResent = (id: number): boolean => (resent ??= new Set(delta.spans.id)).has(id);
    t.retainRows((r) =>
      Number.isNaN(t.end[r]) ? t.start[r] >= before || wasResent(t.id[r]) : t.end[r] >= before,
    );
    this.marks.retain((m) => m.t >= before);
    retainInPlace(this.flows, (f) => Math.max(f.from.t, f.to.t) >= before);
  }

  /** Forget everything (a new run starts in the same panel). */
  reset(): void {
    this.lanes.clear();
    this.spans = new SpanTable();
    this.marks.clear();
    this.flows.length = 0;
    this.laneList = [];
    this.header = null;
    this.mergedBefore = -Infinity;
    this.cache = null;
    this.epoch++;
  }

  /** The whole model as one delta (to save it), or null before the first delta. */
  snapshot(): ModelDelta | null {
    if (!this.header) return null;
    const m = this.model();
    return {
      lanes: [...m.lanes],
      spans: this.spans.spans(),
      marks: [...m.marks],
      flows: [...(m.flows ?? [])],
      header: this.header,
    };
  }

  /** Number of lanes, spans, marks and arrows held. */
  size(): number {
    return this.lanes.size + this.spans.size + this.marks.size + this.flows.length;
  }

  /** The model (lanes sorted by order): a new object after each change, over the store's own
   *  arrays (they grow in place, so compare models, not arrays, to see a change). */
  model(): SwimlaneModel {
    this.cache ??= {
      lanes: this.laneList,
      table: this.spans,
      marks: this.marks.all,
      markIndex: { byLane: this.marks.byLane, maxT: this.marks.maxT },
      flows: this.flows,
      header: this.header,
    };
    return this.cache;
  }
}

/** Lane display order. */
const byOrder = (a: Lane, b: Lane): number => a.order - b.order;
