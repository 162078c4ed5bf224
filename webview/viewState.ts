// What the user chose in the view (zoom window, selection, filters, collapsed lanes, labels):
// kept through vscode.setState so the panel comes back the same after hide/show or a reload.

/** The selected item: a span or mark by id, or a whole lane. */
export type Selected =
  { type: 'span'; id: number } | { type: 'mark'; id: number } | { type: 'lane'; id: string };

/** Which items are shown: text in a label, one kind (`span:<kind>` / `mark:<kind>`), one process. */
export interface Filter {
  text: string;
  /** '' for every kind. */
  kind: string;
  /** Process id (with its threads), null for all. */
  pid: number | null;
}

/** The serialisable view state. */
export interface ViewState {
  /** Visible time window in ns, null to fit (and follow) the whole run. */
  window: [number, number] | null;
  selected: Selected | null;
  filter: Filter;
  collapsed: string[];
  printLabels: boolean;
}

/** The state of a fresh view. */
export function defaultViewState(): ViewState {
  return {
    window: null,
    selected: null,
    filter: { text: '', kind: '', pid: null },
    collapsed: [],
    printLabels: false,
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A selection from untrusted data, or null. */
function asSelected(v: unknown): Selected | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if ((o.type === 'span' || o.type === 'mark') && isNum(o.id)) return { type: o.type, id: o.id };
  if (o.type === 'lane' && typeof o.id === 'string') return { type: 'lane', id: o.id };
  return null;
}

/** Read a state saved by an earlier webview (any junk falls back to the defaults, field by field). */
export function parseViewState(v: unknown): ViewState {
  const s = defaultViewState();
  if (typeof v !== 'object' || v === null) return s;
  const o = v as Record<string, unknown>;
  const w = o.window;
  if (Array.isArray(w) && w.length === 2 && isNum(w[0]) && isNum(w[1]) && w[1] > w[0])
    s.window = [w[0], w[1]];
  s.selected = asSelected(o.selected);
  const f = o.filter;
  if (typeof f === 'object' && f !== null) {
    const ff = f as Record<string, unknown>;
    if (typeof ff.text === 'string') s.filter.text = ff.text.slice(0, 200);
    if (typeof ff.kind === 'string' && /^((span|mark):[A-Za-z]+)?$/.test(ff.kind))
      s.filter.kind = ff.kind;
    if (isNum(ff.pid)) s.filter.pid = ff.pid;
  }
  if (Array.isArray(o.collapsed))
    s.collapsed = o.collapsed.filter((x): x is string => typeof x === 'string');
  s.printLabels = o.printLabels === true;
  return s;
}

/** Whether two selections name the same item. */
export function sameSelected(a: Selected | null, b: Selected | null): boolean {
  return a !== null && b !== null && a.type === b.type && a.id === b.id;
}
