// The run header: title, state badge, duration, processes, tickets, lock waits, counters, error.
import type { Selection } from 'd3';
import type { Header } from '../src/shared/webviewProtocol';
import { formatDuration } from './format';
import { stateText, type Tr } from './strings';

/** An HTML element selection as the header code uses them. */
type Sel<E extends Element = HTMLElement> = Selection<E, unknown, null, undefined>;

/** Build the (empty) header structure inside `parent`; returns the header element. */
export function createHeader(parent: Sel): Sel {
  const header = parent.append('header').attr('class', 'sl-header').attr('data-testid', 'header');
  const top = header.append('div').attr('class', 'sl-title-row');
  top.append('h1').attr('class', 'sl-title').attr('data-testid', 'title');
  top.append('span').attr('class', 'sl-badge').attr('data-testid', 'state');
  top.append('button').attr('class', 'sl-button sl-stop hidden').attr('data-testid', 'stop');
  const stats = header.append('div').attr('class', 'sl-stats');
  for (const id of ['duration', 'processes', 'tickets', 'lockwait', 'badframes', 'dropped']) {
    stats.append('span').attr('class', `sl-chip sl-chip-${id}`).attr('data-testid', id);
  }
  header.append('ul').attr('class', 'sl-findings hidden').attr('data-testid', 'findings');
  header
    .append('div')
    .attr('class', 'sl-error hidden')
    .attr('data-testid', 'error')
    .attr('role', 'alert');
  return header;
}

/** Set a chip's text as "Label value", hiding it when `value` is null. */
function chip(header: Sel, id: string, label: string, value: string | null): Sel {
  const el = header.select<HTMLElement>(`[data-testid="${id}"]`);
  el.classed('hidden', value === null);
  el.selectAll('*').remove();
  if (value !== null) {
    // The trailing space is collapsed visually but keeps textContent readable ("Tickets: 1 sold").
    el.append('span').attr('class', 'sl-chip-label').text(`${label} `);
    el.append('span').attr('class', 'sl-chip-value').text(value);
  }
  return el;
}

/** Fill the header from the model header (null before the first delta; with `notKept`, a
 *  revived panel whose run was not kept: no state badge). */
export function updateHeader(
  header: Sel,
  h: Header | null,
  tr: Tr,
  onStop?: () => void,
  notKept = false,
): void {
  header.select('.sl-title').text(h?.title ?? '');
  const state = h?.state ?? 'starting';
  header
    .select('[data-testid="state"]')
    .attr('data-state', state)
    .attr('class', `sl-badge sl-state-${state}`)
    .classed('hidden', notKept)
    .text(stateText(tr, state));
  const live = state === 'starting' || state === 'running';
  header
    .select('[data-testid="stop"]')
    .classed('hidden', !live || !onStop)
    .text(tr('stop'))
    .on('click', () => onStop?.());
  chip(header, 'duration', tr('duration'), h ? formatDuration(h.duration) : null);
  chip(header, 'processes', tr('processes'), h ? String(h.processes) : null);

  const sold = h?.ticketsSold ?? null;
  const avail = h?.ticketsAvailable ?? null;
  const tickets =
    sold === null ? null : `${sold} ${tr('sold')} / ${avail ?? '?'} ${tr('available')}`;
  const oversold = sold !== null && avail !== null && sold > avail;
  chip(header, 'tickets', `${tr('tickets')}:`, tickets)
    .classed('sl-oversold', oversold)
    .attr('data-oversold', oversold ? 'true' : null)
    .call((el) => {
      if (oversold)
        el.append('span')
          .attr('class', 'sl-chip-alert')
          .text(` ${tr('oversold')}`);
    });

  const waits =
    h && (h.lockWaitTotal > 0 || h.lockWaitMax > 0)
      ? `${tr('total')} ${formatDuration(h.lockWaitTotal)} · ${tr('max')} ${formatDuration(h.lockWaitMax)}`
      : null;
  chip(header, 'lockwait', tr('lockWait'), waits);
  chip(
    header,
    'badframes',
    tr('badFrames'),
    h && h.badFrames > 0 ? String(h.badFrames) : null,
  ).classed('sl-warn', true);
  chip(header, 'dropped', tr('dropped'), h && h.dropped > 0 ? String(h.dropped) : null).classed(
    'sl-warn',
    true,
  );

  const findings = h?.findings ?? [];
  header
    .select('[data-testid="findings"]')
    .classed('hidden', findings.length === 0)
    .selectAll('li')
    .data(findings)
    .join('li')
    .attr('class', 'sl-finding')
    .text((d) => d);

  const error = h?.error ?? null;
  header
    .select('[data-testid="error"]')
    .classed('hidden', !error)
    .text(error ?? '');
}
