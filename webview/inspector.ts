// The inspector pane: every field of the selected item (text only), "Go to source", Close.
import { attrs, classIf } from './dom';
import type { Selection } from 'd3';
import type { Field } from './inspectorFields';
import type { Tr } from './strings';

/** An HTML selection. */
type Html<E extends HTMLElement = HTMLElement> = Selection<E, unknown, null, undefined>;

/** What the inspector shows; null hides it. */
export interface InspectorContent {
  title: string;
  fields: Field[];
  /** A sentence under the fields (e.g. "every wait and hold of this lock is highlighted"). */
  note: string | null;
  /** Opens the item's source; null when it has none. */
  onSource: (() => void) | null;
}

/** Build the (hidden) inspector pane inside `parent`; `onClose` runs on its Close button. */
export function createInspector(parent: Html, onClose: () => void): Html {
  const pane = parent
    .append('aside')
    .attr('class', 'sl-inspector hidden')
    .attr('data-testid', 'inspector')
    .attr('role', 'region');
  const head = pane.append('div').attr('class', 'sl-inspector-head');
  head.append('h2').attr('class', 'sl-inspector-title');
  head.append('button').attr('class', 'sl-button sl-primary').attr('data-testid', 'goto-source');
  head
    .append('button')
    .attr('class', 'sl-button sl-secondary')
    .attr('data-testid', 'inspector-close')
    .on('click', onClose);
  pane.append('dl').attr('class', 'sl-fields');
  pane.append('p').attr('class', 'sl-inspector-note').attr('data-testid', 'inspector-note');
  return pane;
}

/** Fill the inspector (all text through .text()), or hide it when `c` is null. */
export function updateInspector(pane: Html, c: InspectorContent | null, tr: Tr): void {
  // Written only when changed: every frame calls this, and a write re-styles the pane.
  classIf(pane.node(), 'hidden', c === null);
  attrs(pane.node(), { 'aria-label': tr('inspector') });
  if (!c) return;
  pane.select('.sl-inspector-title').text(c.title);
  pane
    .select('[data-testid="goto-source"]')
    .classed('hidden', c.onSource === null)
    .text(tr('goToSource'))
    .attr('title', tr('goToSourceTitle'))
    .on('click', () => c.onSource?.());
  pane.select('[data-testid="inspector-close"]').text(tr('close'));
  const rows = pane
    .select('.sl-fields')
    .selectAll<HTMLDivElement, Field>('div.sl-field')
    .data(c.fields)
    .join((enter) => {
      const d = enter.append('div').attr('class', 'sl-field');
      d.append('dt');
      d.append('dd');
      return d;
    })
    .attr('data-field', (f) => f.key);
  rows.select('dt').text((f) => tr(f.key));
  rows
    .select('dd')
    .classed('sl-mono', (f) => f.mono === true)
    .text((f) => f.value);
  pane
    .select('[data-testid="inspector-note"]')
    .classed('hidden', c.note === null)
    .text(c.note ?? '');
}
