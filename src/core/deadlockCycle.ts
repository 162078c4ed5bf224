// Finds a deadlock cycle in the spans: lanes that each hold one lock while waiting for the next. Pure.
import type { Span } from '../shared/webviewProtocol';

/** One lane of a cycle: it holds `held` while it waits for `wanted` (lock labels). */
export interface CycleStep {
  lane: string;
  held: string;
  wanted: string;
}

interface HoldAndWait {
  lane: string;
  held: string;
  heldLabel: string;
  wanted: string;
  wantedLabel: string;
  from: number;
  to: number;
}

const label = (s: Span, prefix: string): string =>
  s.label.startsWith(prefix) ? s.label.slice(prefix.length) : (s.lockId ?? s.label);

/** Every wait that started while the same lane held another lock. */
function holdAndWaits(spans: readonly Span[]): HoldAndWait[] {
  const holdsByLane = new Map<string, Span[]>();
  for (const s of spans) {
    if (s.kind !== 'lockHold' || s.lockId === undefined) continue;
    const list = holdsByLane.get(s.lane) ?? [];
    list.push(s);
    holdsByLane.set(s.lane, list);
  }
  const out: HoldAndWait[] = [];
  for (const w of spans) {
    if (w.kind !== 'lockWait' || w.lockId === undefined) continue;
    for (const h of holdsByLane.get(w.lane) ?? []) {
      const hEnd = h.end ?? Infinity;
      if (h.lockId === w.lockId || h.start > w.start || hEnd <= w.start) continue;
      out.push({
        lane: w.lane,
        held: h.lockId ?? '',
        heldLabel: label(h, 'holds '),
        wanted: w.lockId,
        wantedLabel: label(w, 'waits for '),
        from: w.start,
        to: Math.min(w.end ?? Infinity, hEnd),
      });
    }
  }
  return out;
}

/** The first cycle found (2 to 8 lanes whose hold-and-waits overlap in time), or null. */
export function findDeadlockCycle(spans: readonly Span[]): CycleStep[] | null {
  const recs = holdAndWaits(spans);
  if (recs.length < 2) return null;
  const search = (path: HoldAndWait[], from: number, to: number): HoldAndWait[] | null => {
    const last = path[path.length - 1];
    if (path.length >= 2 && last.wanted === path[0].held) return path;
    if (path.length >= 8) return null;
    for (const r of recs) {
      if (r.held !== last.wanted || path.some((p) => p.lane === r.lane)) continue;
      const f = Math.max(from, r.from);
      const t = Math.min(to, r.to);
      if (f >= t) continue;
      const found = search([...path, r], f, t);
      if (found) return found;
    }
    return null;
  };
  for (const r of recs) {
    const cycle = search([r], r.from, r.to);
    if (cycle)
      return cycle.map((c) => ({ lane: c.lane, held: c.heldLabel, wanted: c.wantedLabel }));
  }
  return null;
}
