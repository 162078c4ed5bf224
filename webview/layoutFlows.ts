// Pure geometry for arrows (spawn, queue put → get) and inline mark labels (exit codes, prints).
import type { Flow, FlowKind, MarkKind } from '../src/shared/webviewProtocol';
import type { LaneRow, Layout, MarkPos } from './layout';

/** One arrow as an SVG path from its tail to its head. */
export interface FlowPath {
  id: number;
  kind: FlowKind;
  d: string;
  flow: Flow;
}

/** A short text drawn right of a mark, cut to `maxWidth` px. */
export interface MarkLabel {
  id: number;
  kind: MarkKind;
  x: number;
  y: number;
  text: string;
  maxWidth: number;
  /** 'start': text right of x; 'end': text left of x (no room on the right). */
  anchor: 'start' | 'end';
}

/** Above this many spawn arrows, the ones shorter than 8 px are left out. */
export const MAX_SPAWN_ARROWS = 24;
/** At most this many arrows are drawn in one frame (the first ones in time order of arrival). */
export const MAX_ARROWS = 400;

/**
 * Arrow paths for the visible part of the run; x maps ns to px within [left, right]. With `shown`
 * (the rows near the view when the lanes are virtualised, rows of `l` itself) an arrow needs both
 * ends on them: an arrow to a lane hundreds of rows away is a long line across every row in
 * view (costly to draw, and it says nothing about the rows shown); scrolling brings it back.
 */
export function layoutFlows(
  flows: readonly Flow[],
  l: Layout,
  x: (t: number) => number,
  left: number,
  right: number,
  shown?: readonly LaneRow[],
): FlowPath[] {
  const near = shown && shown.length < l.rows.length ? new Set(shown) : null;
  const out: FlowPath[] = [];
  // Many spawn arrows fanning out of one spot hide everything under them; when zoomed out that
  // far only the ones that span a few pixels are drawn (the lane tree still shows who is whose).
  let spawns = 0;
  for (const f of flows) if (f.kind === 'spawn') spawns++;
  const dense = spawns > MAX_SPAWN_ARROWS;
  for (const f of flows) {
    const a = l.rowOf(f.from.lane);
    const b = l.rowOf(f.to.lane);
    if (!a || !b || (near && (!near.has(a) || !near.has(b)))) continue;
    if (out.length >= MAX_ARROWS) break;
    const x1 = x(f.from.t);
    const x2 = x(f.to.t);
    if ((x1 < left && x2 < left) || (x1 > right && x2 > right)) continue;
    if (dense && f.kind === 'spawn' && Math.abs(x2 - x1) < 8) continue;
    const y1 = a.y + a.height / 2;
    const yc = b.y + b.height / 2;
    let d: string;
    if (a === b) {
      // Same row (a queue used within one lane, or a hidden thread): a small hop above it.
      if (Math.abs(x2 - x1) < 3) continue;
      d = `M${r(x1)},${r(y1)}Q${r((x1 + x2) / 2)},${r(a.y - a.height * 0.3)} ${r(x2)},${r(yc)}`;
    } else {
      // Stop at the edge of the target row's glyph so the head does not hide it.
      const y2 = yc - Math.sign(yc - y1) * Math.min(6, b.height * 0.3);
      const dx = x2 - x1;
      const dy = y2 - y1;
      d =
        Math.abs(dx) > Math.abs(dy)
          ? `M${r(x1)},${r(y1)}C${r(x1 + dx / 2)},${r(y1)} ${r(x2 - dx / 2)},${r(y2)} ${r(x2)},${r(y2)}`
          : `M${r(x1)},${r(y1)}C${r(x1)},${r(y1 + dy / 2)} ${r(x2)},${r(y2 - dy / 2)} ${r(x2)},${r(y2)}`;
    }
    out.push({ id: f.id, kind: f.kind, d, flow: f });
  }
  return out;
}

/** Round to 0.1 px for compact path strings. */
const r = (v: number): number => Math.round(v * 10) / 10;

/** The inline text of a mark: the exit code of an end, "killed", or a print's first line. */
export function markLabelText(m: MarkPos): string | null {
  const first = m.marks[0];
  switch (m.kind) {
    case 'end': {
      const code = /exit (-?\d+|\?)/.exec(first.text);
      if (code) return `exit ${code[1]}`;
      return /signal/.test(first.text) ? first.text : null;
    }
    case 'killed':
      return first.text;
    case 'print':
      return m.marks.length > 1
        ? `${first.text.split('\n')[0]} (+${m.marks.length - 1})`
        : first.text.split('\n')[0];
    case 'start':
    case 'exc':
    case 'release':
    case 'spawn':
    case 'io':
    case 'mark':
      return null;
  }
}

/** Labels right of end/killed marks, and of prints when `prints`; each stops before the next mark. */
export function layoutMarkLabels(
  l: Layout,
  prints: boolean,
  left: number,
  right: number,
): MarkLabel[] {
  const byLane = new Map<string, MarkPos[]>();
  for (const m of l.marks) {
    const list = byLane.get(m.lane) ?? [];
    list.push(m);
    byLane.set(m.lane, list);
  }
  const out: MarkLabel[] = [];
  for (const list of byLane.values()) {
    list.sort((a, b) => a.x - b.x);
    list.forEach((m, i) => {
      if (m.kind === 'print' && !prints) return;
      const text = markLabelText(m);
      if (text === null) return;
      const shown = (k: MarkPos): boolean => k.kind !== 'print' || prints;
      const next = list.slice(i + 1).find(shown)?.x ?? right;
      const maxWidth = next - m.x - 10;
      if (maxWidth >= 40 || (maxWidth >= 22 && m.kind === 'print')) {
        out.push({ id: m.id, kind: m.kind, x: m.x + 6, y: m.y, text, maxWidth, anchor: 'start' });
        return;
      }
      if (m.kind === 'print') return;
      // An end at the right edge: its label goes to the left, over the lane's last stretch.
      const prev = [...list.slice(0, i)].reverse().find(shown)?.x ?? left;
      const room = m.x - prev - 10;
      if (room >= 22)
        out.push({
          id: m.id,
          kind: m.kind,
          x: m.x - 7,
          y: m.y,
          text,
          maxWidth: room,
          anchor: 'end',
        });
    });
  }
  return out;
}
