// The spans of a model as a SpanTable, whether the model holds a table (the store) or an array
// (hand-made models in tests); tables built from arrays are cached per model object.
import type { SwimlaneModel } from './layout';
import { SpanTable } from './spanTable';

const built = new WeakMap<SwimlaneModel, SpanTable>();

/** The model's span table. */
export function tableOf(m: SwimlaneModel): SpanTable {
  if (m.table) return m.table;
  let t = built.get(m);
  if (!t) {
    t = SpanTable.of(m.spans ?? []);
    built.set(m, t);
  }
  return t;
}
