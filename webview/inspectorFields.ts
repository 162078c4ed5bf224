// Pure: the rows the inspector shows for a selected span, mark or lane (all of its fields).
import { formatAt, formatDuration } from './format';
import { laneLabel } from './laneOrder';
import type { SwimlaneModel } from './layout';
import { tableOf } from './modelSpans';
import type { Found } from './navigate';
import { markKindText, spanKindText, type StringKey, type Tr } from './strings';

/** One inspector row: a field name and its value as text; `mono` for program text and paths. */
export interface Field {
  key: StringKey;
  value: string;
  mono?: boolean;
}

/** Label of a lane id, or the id when the lane is unknown. */
function laneName(m: SwimlaneModel, id: string): string {
  const l = m.lanes.find((x) => x.id === id);
  return l ? laneLabel(l) : id;
}

/** Yes/no in the UI language. */
const yesNo = (tr: Tr, b: boolean): string => tr(b ? 'yes' : 'no');

/** Every field of the selected item, in a fixed order, empty values left out. */
export function inspectorFields(f: Found, m: SwimlaneModel, tr: Tr, now: number): Field[] {
  const out: Field[] = [];
  const add = (key: StringKey, value: string | null, mono = false): void => {
    if (value !== null && value !== '') out.push(mono ? { key, value, mono } : { key, value });
  };
  switch (f.type) {
    case 'span': {
      const s = f.item;
      add('field.kind', spanKindText(tr, s.kind));
      add('field.text', s.label, true);
      add('field.lane', laneName(m, s.lane));
      add('field.start', formatAt(s.start));
      add('field.end', s.end === null ? tr('stillOpen') : formatAt(s.end));
      add('field.duration', formatDuration((s.end ?? now) - s.start));
      if (s.lockId !== undefined)
        add(s.kind === 'queueBlock' ? 'field.queue' : 'field.lock', s.lockId, true);
      add('field.source', s.src ? `${s.src[0]}:${s.src[1]}` : null, true);
      add('field.id', `span ${s.id}`);
      break;
    }
    case 'mark': {
      const k = f.item;
      add('field.kind', markKindText(tr, k.kind));
      add('field.text', k.text, true);
      add('field.lane', laneName(m, k.lane));
      add('field.time', formatAt(k.t));
      add('field.source', k.src ? `${k.src[0]}:${k.src[1]}` : null, true);
      add('field.id', `mark ${k.id}`);
      break;
    }
    case 'lane': {
      const l = f.item;
      add('field.name', l.name);
      add('field.pid', String(l.pid));
      add('field.thread', l.thread === undefined ? null : String(l.thread));
      add('field.parent', l.parent === null ? null : laneName(m, String(l.parent)));
      add('field.main', yesNo(tr, l.main));
      add('field.daemon', yesNo(tr, l.daemon));
      add('field.start', l.begin === null ? null : formatAt(l.begin));
      add('field.end', l.end === null ? tr('stillOpen') : formatAt(l.end));
      if (l.begin !== null) add('field.duration', formatDuration((l.end ?? now) - l.begin));
      add('field.exitCode', l.exitCode === null ? null : String(l.exitCode));
      add('field.killed', l.killed ?? null);
      const spans = tableOf(m).count(l.id);
      const marks = m.marks.filter((k) => k.lane === l.id).length;
      add('field.items', `${spans} + ${marks}`);
      break;
    }
  }
  return out;
}
