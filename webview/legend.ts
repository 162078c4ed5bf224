// The legend: one small swatch per visual style, drawn with the same classes as the lanes.
import { select, type Selection } from 'd3';
import type { FlowKind, MarkKind, SpanKind } from '../src/shared/webviewProtocol';
import { markPath } from './renderMarks';
import { markKindText, spanKindText, type Tr } from './strings';

/** Legend entries in display order. */
type Entry =
  | { type: 'bar' }
  | { type: 'span'; kind: Exclude<SpanKind, 'run'> }
  | { type: 'mark'; kind: MarkKind }
  | { type: 'flow'; kind: FlowKind }
  | { type: 'mainDone' };

const ENTRIES: readonly Entry[] = [
  { type: 'bar' },
  { type: 'span', kind: 'task' },
  { type: 'span', kind: 'lockWait' },
  { type: 'span', kind: 'lockHold' },
  { type: 'span', kind: 'queueBlock' },
  { type: 'span', kind: 'sleep' },
  { type: 'mark', kind: 'start' },
  { type: 'mark', kind: 'end' },
  { type: 'mark', kind: 'killed' },
  { type: 'mark', kind: 'print' },
  { type: 'mark', kind: 'release' },
  { type: 'mark', kind: 'spawn' },
  { type: 'mark', kind: 'exc' },
  { type: 'mark', kind: 'io' },
  { type: 'mark', kind: 'mark' },
  { type: 'flow', kind: 'spawn' },
  { type: 'flow', kind: 'queue' },
  { type: 'mainDone' },
];

const W = 22;
const H = 14;

/** Local exhaustiveness check. */
function assertNever(x: never): never {
  throw new Error(`unexpected legend entry ${JSON.stringify(x)}`);
}

/** Text of a legend entry. */
function label(e: Entry, tr: Tr): string {
  switch (e.type) {
    case 'bar':
      return spanKindText(tr, 'run');
    case 'span':
      return spanKindText(tr, e.kind);
    case 'mark':
      return markKindText(tr, e.kind);
    case 'flow':
      return tr(`flow.${e.kind}`);
    case 'mainDone':
      return tr('mainDone');
    default:
      return assertNever(e);
  }
}

/** Draw the swatch of an entry into a small <svg>. */
function swatch(svg: Selection<SVGSVGElement, unknown, null, undefined>, e: Entry): void {
  switch (e.type) {
    case 'bar':
      svg
        .append('rect')
        .attr('class', 'sl-lanebar')
        .attr('x', 1)
        .attr('y', H / 2 - 1)
        .attr('width', W - 2)
        .attr('height', 2);
      return;
    case 'span':
      if (e.kind === 'sleep') {
        svg
          .append('rect')
          .attr('class', 'sl-lanebar')
          .attr('x', 1)
          .attr('y', H / 2 - 1)
          .attr('width', W - 2)
          .attr('height', 2);
        svg
          .append('rect')
          .attr('class', 'sl-span sl-sleep')
          .attr('x', 3)
          .attr('y', 4)
          .attr('width', W - 6)
          .attr('height', H - 8);
      } else if (e.kind === 'lockHold') {
        // Two halves in two lock colours: each lock object has its own colour.
        for (const [i, x] of [0, W / 2].entries()) {
          svg
            .append('rect')
            .attr('class', `sl-span sl-lockHold lock-${i}`)
            .attr('x', x + 1)
            .attr('y', 1.5)
            .attr('width', W / 2 - 1.5)
            .attr('height', H - 3);
        }
      } else {
        const [y, h] = e.kind === 'task' ? [H / 4, H / 2] : [1.5, H - 3];
        svg
          .append('rect')
          .attr('class', `sl-span sl-${e.kind} lock-0`)
          .attr('x', 1.5)
          .attr('y', y)
          .attr('width', W - 3)
          .attr('height', h);
      }
      return;
    case 'mark':
      svg
        .append('path')
        .attr('class', `sl-mark sl-mark-${e.kind}`)
        .attr('transform', `translate(${W / 2},${H / 2})`)
        .attr('d', markPath(e.kind, 16));
      return;
    case 'flow':
      svg
        .append('path')
        .attr('class', `sl-flow sl-flow-${e.kind}`)
        .attr('d', `M1,${H - 2}C${W / 2},${H - 2} ${W / 2},2 ${W - 2},2`);
      svg
        .append('path')
        .attr('class', `sl-arrowhead sl-arrowhead-${e.kind}`)
        .attr('d', `M${W - 8},-1L${W},2L${W - 8},5Z`);
      return;
    case 'mainDone':
      svg
        .append('line')
        .attr('class', 'sl-maindone')
        .attr('x1', W / 2)
        .attr('x2', W / 2)
        .attr('y1', 0)
        .attr('y2', H);
      return;
    default:
      assertNever(e);
  }
}

/** Build the legend once into `parent` (texts are refreshed on every call). */
export function drawLegend(
  parent: Selection<HTMLDivElement, unknown, null, undefined>,
  tr: Tr,
): void {
  parent
    .selectAll<HTMLSpanElement, Entry>('span.sl-legend-item')
    .data(ENTRIES)
    .join((enter) => {
      const item = enter.append('span').attr('class', 'sl-legend-item');
      item
        .append('svg')
        .attr('class', 'sl-swatch')
        .attr('width', W)
        .attr('height', H)
        .attr('aria-hidden', 'true')
        .each(function (e) {
          swatch(select(this), e);
        });
      item.append('span').attr('class', 'sl-legend-text');
      return item;
    })
    .attr('data-kind', (e) =>
      e.type === 'flow'
        ? `flow-${e.kind}`
        : e.type === 'span' || e.type === 'mark'
          ? e.kind
          : e.type,
    )
    .select('.sl-legend-text')
    .text((e) => label(e, tr));
}
