// The webview's copy of the model, fed by host deltas with upsert semantics: spans in a columnar
// SpanTable (typed arrays, per-lane time index), lanes, marks and arrows in Maps by id.
import type { Flow, Header, Lane, Mark, ModelDelta } from '../src/shared/webviewProtocol';
import type { SwimlaneModel } from './layout';
import { SpanTable } from './spanTable';

/** Model state received so far; `version` grows on every change so views can skip work. */
export class Store {
  private readonly lanes = new Map<string, Lane>();
  private spans = new SpanTable();
  private readonly marks = new Map<number, Mark>();
  private readonly flows = new Map<number, Flow>();
  private header: Header | null = null;
  /** The host's retention horizon last applied (see `Header.mergedBefore`). */
  private mergedBefore = -Infinity;
  private cache: SwimlaneModel | null = null;
  /** Bumped on every reset, so a view can re-fit after a new run. */
  epoch = 0;
  /** UI strings from the host's `init` message. */
  strings: Record<string, string> = {};

  /** Upsert every item of a delta (a later copy of an id replaces the earlier one). When the
   * host merged older detail into per-lane summary spans, drop that detail here first, as the
   * host did (spans ended, marks and arrows before the horizon); the summaries come in the
   * same delta. */
  apply(delta: ModelDelta): void {
    const before = delta.header.mergedBefore;
    if (before !== undefined && before > this.mergedBefore) this.dropBefore(before, delta);
    for (const l of delta.lanes) this.lanes.set(l.id, l);
    for (const s of delta.spans) this.spans.upsert(s);
    for (const m of delta.marks) this.marks.set(m.id, m);
    for (const f of delta.flows ?? []) this.flows.set(f.id, f);
    this.header = delta.header;
    this.cache = null;
  }

  private dropBefore(before: number, delta: ModelDelta): void {
    this.mergedBefore = before;
    const t = this.spans;
    // The host sends again every span it keeps open from before the horizon; one still open
    // here but not sent was closed and merged there before its closed copy reached us.
    const resent = new Set(delta.spans.map((s) => s.id));
    this.spans = t.subset((r) =>
      Number.isNaN(t.end[r]) ? t.start[r] >= before || resent.has(t.id[r]) : t.end[r] >= before,
    );
    for (const [id, m] of this.marks) if (m.t < before) this.marks.delete(id);
    for (const [id, f] of this.flows)
      if (Math.max(f.from.t, f.to.t) < before) this.flows.delete(id);
  }

  /** Forget everything (a new run starts in the same panel). */
  reset(): void {
    this.lanes.clear();
    this.spans = new SpanTable();
    this.marks.clear();
    this.flows.clear();
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
    return this.lanes.size + this.spans.size + this.marks.size + this.flows.size;
  }

  /** The model as arrays (lanes sorted by order); cached until the next change. */
  model(): SwimlaneModel {
    this.cache ??= {
      lanes: [...this.lanes.values()].sort((a, b) => a.order - b.order),
      table: this.spans,
      marks: [...this.marks.values()],
      flows: [...this.flows.values()],
      header: this.header,
    };
    return this.cache;
  }
}
