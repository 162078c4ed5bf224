// Pure filtering of the model by text, item kind and process, for the search/filter bar.
import type { Lane, MarkKind, SpanKind } from '../src/shared/webviewProtocol';
import type { SwimlaneModel } from './layout';
import { tableOf } from './modelSpans';
import { KINDS, SpanTable } from './spanTable';
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
  const t = tableOf(m);
  // Per interned lane and label string: decided once, then each row is a few array reads.
  const laneOk = t.lanes.list.map((id) => laneIds.has(id));
  const labelOk = new Int8Array(t.strings.list.length).fill(-1);
  const textOk = (i: number): boolean => {
    if (labelOk[i] < 0) labelOk[i] = text(t.strings.list[i]) ? 1 : 0;
    return labelOk[i] === 1;
  };
  const code = kind === '' ? -1 : KINDS.indexOf(kind as SpanKind);
  const table =
    group === 'mark'
      ? new SpanTable()
      : t.subset(
          (r) => laneOk[t.lane[r]] && (code < 0 || t.kind[r] === code) && textOk(t.label[r]),
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
  return { lanes, table, marks, flows, header: m.header };
}
