// Pure filtering of the model by text, item kind and process, for the search/filter bar.
import type { Lane, MarkKind, SpanKind } from '../src/shared/webviewProtocol';
import type { SwimlaneModel } from './layout';
import type { Filter } from './viewState';

/** Span kinds in the kind filter, in menu order. */
export const FILTER_SPAN_KINDS: readonly SpanKind[] = [
  'run',
  'task',
  'lockWait',
  'lockHold',
  'queueBlock',
  'sleep',
];

/** Mark kinds in the kind filter, in menu order. */
export const FILTER_MARK_KINDS: readonly MarkKind[] = [
  'print',
  'exc',
  'start',
  'end',
  'killed',
  'spawn',
  'release',
  'io',
  'mark',
];

/** Whether a filter lets everything through. */
export function isEmptyFilter(f: Filter): boolean {
  return f.text.trim() === '' && f.kind === '' && f.pid === null;
}

/** The model restricted to `f`: lanes of the process, items of the kind whose text matches. */
export function filterModel(m: SwimlaneModel, f: Filter): SwimlaneModel {
  if (isEmptyFilter(f)) return m;
  const needle = f.text.trim().toLowerCase();
  const [group, kind] = f.kind === '' ? ['', ''] : f.kind.split(':');
  const lanes = f.pid === null ? m.lanes : m.lanes.filter((l: Lane) => l.pid === f.pid);
  const laneIds = new Set(lanes.map((l) => l.id));
  const text = (s: string): boolean => needle === '' || s.toLowerCase().includes(needle);
  const spans =
    group === 'mark'
      ? []
      : m.spans.filter(
          (s) => laneIds.has(s.lane) && (kind === '' || s.kind === kind) && text(s.label),
        );
  const marks =
    group === 'span'
      ? []
      : m.marks.filter(
          (k) => laneIds.has(k.lane) && (kind === '' || k.kind === kind) && text(k.text),
        );
  const flows = (m.flows ?? []).filter(
    (x) => laneIds.has(x.from.lane) && laneIds.has(x.to.lane) && group === '' && needle === '',
  );
  return { lanes, spans, marks, flows, header: m.header };
}
