// Pure lane ordering and lock colour order: parents before children, locks by first use.
import type { Lane, Span } from '../src/shared/webviewProtocol';

/** Label of a lane as shown in its row: `name (pid)`, or `name (thread tid)` for a thread. */
export function laneLabel(lane: Lane): string {
  return lane.thread === undefined
    ? `${lane.name} (${lane.pid})`
    : `${lane.name} (thread ${lane.thread})`;
}

/** Whether a lane is a thread sub-lane hidden because its process is collapsed. */
function hiddenThread(l: Lane, collapsed: ReadonlySet<string> | undefined): boolean {
  return l.thread !== undefined && collapsed !== undefined && collapsed.has(String(l.pid));
}

/** The last ordering: its lane list (and length) and collapsed set, and the result. */
let last: { all: readonly Lane[]; n: number; key: string; out: readonly OrderedLane[] } | null =
  null;

/** A lane in display order with its depth in the process tree. */
export type OrderedLane = { lane: Lane; depth: number };

/**
 * Lanes in display order (parents before their children, siblings by `order`) with depths. A
 * frame asks several times for the same lanes: the last answer is kept (the store makes a new
 * lane list whenever a lane changes).
 */
export function orderLanes(
  all: readonly Lane[],
  collapsed?: ReadonlySet<string>,
): readonly OrderedLane[] {
  const key = collapsed ? [...collapsed].sort().join('\n') : '';
  if (last && last.all === all && last.n === all.length && last.key === key) return last.out;
  const out = computeOrder(all, collapsed);
  last = { all, n: all.length, key, out };
  return out;
}

/** {@link orderLanes} without the cache. */
function computeOrder(all: readonly Lane[], collapsed?: ReadonlySet<string>): OrderedLane[] {
  const lanes = all.filter((l) => !hiddenThread(l, collapsed));
  const sorted = [...lanes].sort((a, b) => a.order - b.order || a.pid - b.pid);
  const byPid = new Map<number, Lane>();
  for (const l of sorted) if (l.thread === undefined && !byPid.has(l.pid)) byPid.set(l.pid, l);
  const children = new Map<string, Lane[]>();
  const roots: Lane[] = [];
  for (const l of sorted) {
    const parent = l.parent === null ? undefined : byPid.get(l.parent);
    if (parent && parent !== l) {
      const list = children.get(parent.id) ?? [];
      list.push(l);
      children.set(parent.id, list);
    } else {
      roots.push(l);
    }
  }
  const out: OrderedLane[] = [];
  const seen = new Set<string>();
  const visit = (l: Lane, depth: number): void => {
    if (seen.has(l.id)) return;
    seen.add(l.id);
    out.push({ lane: l, depth });
    for (const c of children.get(l.id) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // Lanes caught in a parent cycle are unreachable from a root: show them flat at the end.
  for (const l of sorted) visit(l, 0);
  return out;
}

/** Lock ids (not queue ids) ordered by the earliest span that uses them (stable colours as a run grows). */
export function lockOrder(spans: readonly Span[]): string[] {
  const first = new Map<string, number>();
  for (const s of spans) {
    if (s.lockId === undefined || s.kind === 'queueBlock') continue;
    const prev = first.get(s.lockId);
    if (prev === undefined || s.start < prev) first.set(s.lockId, s.start);
  }
  return [...first.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map((e) => e[0]);
}
