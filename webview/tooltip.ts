// Hover tooltip: a positioned <div> whose lines are set with .text() only (program output is data).
import { classIf } from './dom';
import type { Selection } from 'd3';
import type { Hit } from './hitTest';
import type { LaneRow, SpanRect } from './layout';
import { formatAt, formatDuration } from './format';
import { markKindText, spanKindText, type Tr } from './strings';

/** One tooltip line; `cls` picks its style (title, kind, text, meta). */
export interface TipLine {
  cls: 'title' | 'kind' | 'text' | 'meta';
  text: string;
}

/** At most this many merged marks are listed one by one. */
const MAX_MARKS = 6;
/** Long program output is cut to this many characters in the tooltip. */
const MAX_TEXT = 300;

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** Lines describing a lane (shown when hovering its label or empty space). */
function laneLines(r: LaneRow, tr: Tr): TipLine[] {
  const l = r.lane;
  const facts: string[] = [];
  if (l.parent !== null && !l.main) facts.push(`${tr('childOf')} ${l.parent}`);
  if (l.daemon) facts.push(tr('daemon'));
  if (l.killed) facts.push(`${tr('killed')} (${l.killed})`);
  else if (l.exitCode !== null) facts.push(`exit ${l.exitCode}`);
  if (l.begin !== null && l.end !== null)
    facts.push(`${tr('lived')} ${formatDuration(l.end - l.begin)}`);
  else if (l.begin !== null) facts.push(tr('running'));
  const lines: TipLine[] = [{ cls: 'title', text: r.label }];
  if (facts.length) lines.push({ cls: 'meta', text: facts.join(' · ') });
  return lines;
}

/** Lines describing one span. */
function spanLines(s: SpanRect, tr: Tr): TipLine[] {
  const sp = s.span;
  const end = sp.end === null ? tr('stillOpen') : formatAt(sp.end);
  const dur = sp.end === null ? '' : ` (${formatDuration(sp.end - sp.start)})`;
  return [
    { cls: 'kind', text: `${spanKindText(tr, s.kind)}${dur}` },
    { cls: 'text', text: clip(sp.label) },
    { cls: 'meta', text: `${formatAt(sp.start)} → ${end}` },
  ];
}

/** All tooltip lines for a hit: lane title, then the mark under the pointer, then spans. */
export function tipLines(hit: Hit, tr: Tr, overLabel: boolean): TipLine[] {
  const lines = laneLines(hit.row, tr);
  if (overLabel) return lines;
  const m = hit.mark;
  if (m) {
    lines.push({ cls: 'kind', text: `${markKindText(tr, m.kind)} · ${formatAt(m.marks[0].t)}` });
    for (const x of m.marks.slice(0, MAX_MARKS)) lines.push({ cls: 'text', text: clip(x.text) });
    if (m.marks.length > MAX_MARKS)
      lines.push({ cls: 'meta', text: `+${m.marks.length - MAX_MARKS}` });
  }
  for (const s of hit.spans) lines.push(...spanLines(s, tr));
  return lines;
}

/** Show the tooltip near the client point (cx, cy) with `lines`, kept inside the window. */
export function showTooltip(
  tip: Selection<HTMLDivElement, unknown, null, undefined>,
  lines: TipLine[],
  cx: number,
  cy: number,
): void {
  tip
    .selectAll('div')
    .data(lines)
    .join('div')
    .attr('class', (d) => `sl-tip-${d.cls}`)
    .text((d) => d.text);
  tip.classed('hidden', false);
  const node = tip.node();
  if (!node) return;
  const w = node.offsetWidth;
  const h = node.offsetHeight;
  const left = cx + 14 + w > window.innerWidth ? Math.max(0, cx - 14 - w) : cx + 14;
  const top = cy + 14 + h > window.innerHeight ? Math.max(0, cy - 10 - h) : cy + 14;
  tip.style('left', `${left}px`).style('top', `${top}px`);
}

/** Hide the tooltip. */
export function hideTooltip(tip: Selection<HTMLDivElement, unknown, null, undefined>): void {
  classIf(tip.node(), 'hidden', true);
}
