// Columnar span storage for the webview: one typed array per field, strings interned, upsert by id,
// and a per-lane time index (rows sorted by start + running max of ends) for window queries. A
// million spans take ~50 MB here instead of ~200 MB as objects. The columns and the row writer
// are in spanColumns.ts; here the upserts, reads, window queries, retain and subset. Pure: no DOM.
import {
  SPAN_KIND_CODES,
  type PackedDelta,
  type Span,
  type SpanKind,
} from '../src/shared/webviewProtocol';
import { Strings } from './internTable';
import type { LaneIndex } from './laneRows';
import { remapStrings, SpanColumns } from './spanColumns';

export type { LaneIndex } from './laneRows';

/** Span kinds by code (the `kind` column holds the index; the same codes as on the wire). */
export const KINDS: readonly SpanKind[] = SPAN_KIND_CODES;
const KIND_CODE: Record<string, number> = Object.fromEntries(KINDS.map((k, i) => [k, i]));

/** Every span of a model in columns; rows are insertion order, upserts rewrite their row. */
export class SpanTable extends SpanColumns {
  /** A table holding `spans` (tests and plain-array models). */
  static of(spans: Iterable<Span>): SpanTable {
    const t = new SpanTable();
    for (const s of spans) t.upsert(s);
    return t;
  }

  /** Insert a span, or replace the one with the same id. */
  upsert(s: Span): void {
    const lock = s.lockId === undefined ? -1 : this.lockIds.of(s.lockId);
    const file = s.src ? this.strings.of(s.src[0]) : -1;
    const kind = KIND_CODE[s.kind] ?? 0;
    const label = this.strings.of(s.label);
    this.put(
      s.id,
      this.lanes.of(s.lane),
      kind,
      s.start,
      s.end ?? NaN,
      lock,
      label,
      file,
      s.src?.[1] ?? 0,
    );
  }

  /** Upsert every span of a (validated) packed delta: each of its strings is looked up here once,
   *  then rows are copied column by column. */
  upsertPacked(p: PackedDelta): void {
    const c = p.spans;
    const n = c.id.length;
    if (n === 0) return;
    const lane = remapStrings(p.strings, this.lanes);
    const str = remapStrings(p.strings, this.strings);
    const lock = remapStrings(p.strings, this.lockIds);
    for (let r = 0; r < n; r++) {
      const end = c.end[r];
      const l = lane(c.lane[r]);
      this.put(
        c.id[r],
        l,
        c.kind[r],
        c.start[r],
        end ?? NaN,
        lock(c.lockId[r]),
        str(c.label[r]),
        str(c.srcFile[r]),
        c.srcLine[r],
      );
    }
  }

  /** The span in row `r` as a protocol object. */
  span(r: number): Span {
    const end = this.end[r];
    const s: Span = {
      id: this.id[r],
      lane: this.lanes.list[this.lane[r]],
      kind: KINDS[this.kind[r]],
      start: this.start[r],
      end: Number.isNaN(end) ? null : end,
      label: this.strings.list[this.label[r]],
    };
    if (this.lock[r] >= 0) s.lockId = this.lockIds.list[this.lock[r]];
    if (this.srcFile[r] >= 0) s.src = [this.strings.list[this.srcFile[r]], this.srcLine[r]];
    return s;
  }

  /** Every span as objects, in insertion order (small models only: saving, tests). */
  spans(): Span[] {
    const out: Span[] = [];
    for (let r = 0; r < this.size; r++) out.push(this.span(r));
    return out;
  }

  /** Lock ids (not queues) by their earliest span start, then by id. */
  lockOrder(): string[] {
    const ids: number[] = [];
    this.lockFirst.forEach((t, i) => t !== undefined && ids.push(i));
    const name = this.lockIds.list;
    ids.sort((a, b) => this.lockFirst[a] - this.lockFirst[b] || (name[a] < name[b] ? -1 : 1));
    return ids.map((i) => name[i]);
  }

  /** The time index of lane `id` (built or rebuilt on first use after a change), null if none. */
  index(laneId: string): LaneIndex | null {
    const li = this.lanes.find(laneId);
    const lr = li < 0 ? undefined : this.perLane[li];
    if (!lr) return null;
    return lr.index(this);
  }

  /** Index range [lo, hi) of lane `id`'s sorted rows that may overlap [t0, t1] (check each end). */
  range(laneId: string, t0: number, t1: number): [LaneIndex, number, number] | null {
    const ix = this.index(laneId);
    if (!ix) return null;
    const { rows, maxEnd, start } = ix;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid] < t0) lo = mid + 1;
      else hi = mid;
    }
    const from = lo;
    hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid] <= t1) lo = mid + 1;
      else hi = mid;
    }
    return [ix, from, lo];
  }

  /** Number of spans on lane `id`. */
  count(laneId: string): number {
    const li = this.lanes.find(laneId);
    return li < 0 ? 0 : (this.perLane[li]?.rows.length ?? 0);
  }

  /** Keep only the rows for which `keep(row)` is true, in place and in order (rows renumbered;
   *  the string tables rebuilt, so strings of dropped rows are not kept). `keep` sees each row
   *  before any row after it was moved. */
  retainRows(keep: (r: number) => boolean): void {
    const fresh = { strings: new Strings(), lanes: new Strings(), locks: new Strings() };
    const str = remapStrings(this.strings.list, fresh.strings);
    const lane = remapStrings(this.lanes.list, fresh.lanes);
    const lock = remapStrings(this.lockIds.list, fresh.locks);
    const n = this.size;
    this.clearRows(fresh.strings, fresh.lanes, fresh.locks);
    for (let r = 0; r < n; r++) {
      if (!keep(r)) continue;
      const file = this.srcFile[r];
      this.put(
        this.id[r],
        lane(this.lane[r]),
        this.kind[r],
        this.start[r],
        this.end[r],
        lock(this.lock[r]),
        str(this.label[r]),
        file < 0 ? -1 : str(file),
        this.srcLine[r],
      );
    }
  }

  /** A new table with the rows for which `keep(row)` is true (the filter bar). */
  subset(keep: (r: number) => boolean): SpanTable {
    const t = new SpanTable();
    for (let r = 0; r < this.size; r++) if (keep(r)) t.upsert(this.span(r));
    return t;
  }
}
