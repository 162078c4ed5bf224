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

/** Every wait that started while the same lane held another lock. Per lane, holds and waits
 *  are swept in start order, so the cost is O(n log n + results), not waits × holds. */
function holdAndWaits(spans: readonly Span[]): HoldAndWait[] {
  const byLane = new Map<string, { holds: Span[]; waits: Span[] }>();
  for (const s of spans) {
    if ((s.kind !== 'lockHold' && s.kind !== 'lockWait') || s.lockId === undefined) continue;
    let lane = byLane.get(s.lane);
    if (!lane) byLane.set(s.lane, (lane = { holds: [], waits: [] }));
    (s.kind === 'lockHold' ? lane.holds : lane.waits).push(s);
  }
  const found = new Map<Span, Span[]>(); // wait → the holds it started under, in hold order
  const byStart = (a: Span, b: Span): number => a.start - b.start || a.id - b.id;
  for (const { holds, waits } of byLane.values()) {
    if (holds.length === 0) continue;
    holds.sort(byStart);
    waits.sort(byStart);
    let active: Span[] = [];
    let next = 0;
    for (const w of waits) {
      while (next < holds.length && holds[next].start <= w.start) active.push(holds[next++]);
      active = active.filter((h) => (h.end ?? Infinity) > w.start);
      const under = active.filter((h) => h.lockId !== w.lockId);
      if (under.length)
        found.set(
          w,
          under.sort((a, b) => a.id - b.id),
        );
    }
  }
  const out: HoldAndWait[] = [];
  if (found.size === 0) return out;
  for (const w of spans) {
    const under = found.get(w);
    if (!under || w.lockId === undefined) continue;
    for (const h of under) {
      const hEnd = h.end ?? Infinity;
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
