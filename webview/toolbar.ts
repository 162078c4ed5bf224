// The toolbar: Fit, zoom −/+, print text, search, kind and process filters, export; the legend row.
import type { Selection } from 'd3';
import type { Lane } from '../src/shared/webviewProtocol';
import { FILTER_MARK_KINDS, FILTER_SPAN_KINDS } from './filter';
import { laneLabel } from './laneOrder';
import { markKindText, spanKindText, type StringKey, type Tr } from './strings';
import type { Filter } from './viewState';

/** An HTML selection. */
type Html<E extends HTMLElement = HTMLElement> = Selection<E, unknown, null, undefined>;

/** What the toolbar's controls do. */
export interface ToolbarActions {
  fit(): void;
  zoom(factor: number): void;
  togglePrintLabels(): void;
  filter(f: Filter): void;
  exportAs(format: 'svg' | 'png'): void;
}

/** Handles on the toolbar's elements. */
export interface Toolbar {
  row: Html<HTMLDivElement>;
  search: Html<HTMLInputElement>;
  kind: Html<HTMLSelectElement>;
  process: Html<HTMLSelectElement>;
  labels: Html<HTMLButtonElement>;
  hint: Html<HTMLSpanElement>;
  /** Buttons with a text key and a title key, refreshed on every update. */
  buttons: { el: Html<HTMLButtonElement>; text: StringKey; title: StringKey }[];
}

/** Build the toolbar into `parent`; `current` reads the filter when an input changes. */
export function createToolbar(parent: Html, act: ToolbarActions, current: () => Filter): Toolbar {
  const row = parent.append('div').attr('class', 'sl-toolbar');
  const button = (id: string, text: StringKey, title: StringKey, on: () => void, cls = '') => {
    const el = row
      .append('button')
      .attr('class', `sl-button ${cls}`)
      .attr('data-testid', id)
      .on('click', on);
    return { el, text, title };
  };
  const buttons = [
    button('fit', 'fit', 'fitTitle', act.fit),
    button('zoom-out', 'zoomOut', 'zoomOutTitle', () => act.zoom(2), 'sl-secondary sl-icon'),
    button('zoom-in', 'zoomIn', 'zoomInTitle', () => act.zoom(0.5), 'sl-secondary sl-icon'),
  ];
  const labels = button(
    'labels-toggle',
    'printLabels',
    'printLabelsTitle',
    act.togglePrintLabels,
    'sl-secondary',
  );
  buttons.push(labels);
  const search = row
    .append('input')
    .attr('type', 'search')
    .attr('class', 'sl-search')
    .attr('data-testid', 'search')
    .on('input', () => act.filter({ ...current(), text: search.property('value') as string }));
  const kind = row
    .append('select')
    .attr('class', 'sl-select')
    .attr('data-testid', 'filter-kind')
    .on('change', () => act.filter({ ...current(), kind: kind.property('value') as string }));
  const process = row
    .append('select')
    .attr('class', 'sl-select')
    .attr('data-testid', 'filter-process')
    .on('change', () => {
      const v = process.property('value') as string;
      act.filter({ ...current(), pid: v === '' ? null : Number(v) });
    });
  buttons.push(
    button('export-svg', 'exportSvg', 'exportTitle', () => act.exportAs('svg'), 'sl-secondary'),
    button('export-png', 'exportPng', 'exportTitle', () => act.exportAs('png'), 'sl-secondary'),
  );
  const hint = row.append('span').attr('class', 'sl-hint');
  return { row, search, kind, process, labels: labels.el, hint, buttons };
}

/** Refresh texts, pressed states and the filter menus (process list from `lanes`). */
export function updateToolbar(
  t: Toolbar,
  tr: Tr,
  f: Filter,
  printLabels: boolean,
  lanes: readonly Lane[],
): void {
  for (const b of t.buttons)
    b.el.text(tr(b.text)).attr('title', tr(b.title)).attr('aria-label', tr(b.title));
  t.labels.attr('aria-pressed', String(printLabels));
  t.hint.text(tr('hint'));
  t.search
    .attr('placeholder', tr('search'))
    .attr('title', tr('searchTitle'))
    .attr('aria-label', tr('searchTitle'));
  if (t.search.property('value') !== f.text) t.search.property('value', f.text);
  const kinds: { value: string; text: string }[] = [
    { value: '', text: tr('allKinds') },
    ...FILTER_SPAN_KINDS.map((k) => ({ value: `span:${k}`, text: spanKindText(tr, k) })),
    ...FILTER_MARK_KINDS.map((k) => ({ value: `mark:${k}`, text: markKindText(tr, k) })),
  ];
  options(t.kind, kinds, f.kind).attr('aria-label', tr('allKinds'));
  const procs = [
    { value: '', text: tr('allProcesses') },
    ...lanes
      .filter((l) => l.thread === undefined)
      .map((l) => ({ value: String(l.pid), text: laneLabel(l) })),
  ];
  options(t.process, procs, f.pid === null ? '' : String(f.pid)).attr(
    'aria-label',
    tr('allProcesses'),
  );
}

/** Set a <select>'s options (text only) and its value. */
function options(
  sel: Html<HTMLSelectElement>,
  list: { value: string; text: string }[],
  value: string,
): Html<HTMLSelectElement> {
  sel
    .selectAll<HTMLOptionElement, { value: string; text: string }>('option')
    .data(list, (o) => o.value)
    .join('option')
    .attr('value', (o) => o.value)
    .text((o) => o.text);
  if (sel.property('value') !== value) sel.property('value', value);
  return sel;
}
