// Unit tests of the webview's pure modules: filter, navigation, saved state, arrows and labels,
// inspector fields; and the host's check of exported files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportBytes } from '../../src/panel/exportBytes';
import type { Flow, Lane, Mark, Span } from '../../src/shared/webviewProtocol';
import { mergeSpans } from '../../webview/dense';
import { filterModel } from '../../webview/filter';
import { inspectorFields } from '../../webview/inspectorFields';
import { tableOf } from '../../webview/modelSpans';
import { layout, type SwimlaneModel } from '../../webview/layout';
import { layoutFlows, layoutMarkLabels } from '../../webview/layoutFlows';
import { findSelected, laneItems, stepLane, stepOnLane } from '../../webview/navigate';
import { translator } from '../../webview/strings';
import { defaultViewState, parseViewState } from '../../webview/viewState';

const lane = (id: string, over: Partial<Lane> = {}): Lane => ({
  id,
  pid: Number(id.split('/')[0]),
  name: `L${id}`,
  parent: null,
  order: 0,
  daemon: false,
  main: false,
  begin: 0,
  end: 100,
  exitCode: 0,
  ...over,
});
const span = (
  id: number,
  l: string,
  kind: Span['kind'],
  start: number,
  end: number,
  lockId?: string,
): Span => ({
  id,
  lane: l,
  kind,
  start,
  end,
  label: `${kind} ${id}`,
  ...(lockId ? { lockId } : {}),
});
const mark = (id: number, l: string, kind: Mark['kind'], t: number, text: string): Mark => ({
  id,
  lane: l,
  kind,
  t,
  text,
});

const model: SwimlaneModel = {
  lanes: [
    lane('1', { order: 0 }),
    lane('2', { order: 1, parent: 1 }),
    lane('1/9', { order: 2, parent: 1, thread: 9 }),
  ],
  spans: [
    span(0, '2', 'lockHold', 10, 20, 'A'),
    span(1, '2', 'sleep', 12, 18),
    span(2, '1/9', 'queueBlock', 5, 30, 'Q'),
  ],
  marks: [
    mark(0, '1', 'spawn', 2, 'start P'),
    mark(1, '2', 'print', 15, 'hello world'),
    mark(2, '2', 'end', 100, 'exit 3'),
  ],
  flows: [
    { id: 0, kind: 'spawn', from: { lane: '1', t: 2 }, to: { lane: '2', t: 4 } } satisfies Flow,
  ],
  header: null,
};

test('filter by text, kind and process', () => {
  assert.equal(filterModel(model, defaultViewState().filter), model);
  const text = filterModel(model, { text: 'HELLO', kind: '', pid: null });
  assert.deepEqual(
    [tableOf(text).size, text.marks.map((m) => m.id), text.flows?.length],
    [0, [1], 0],
  );
  const kind = filterModel(model, { text: '', kind: 'span:lockHold', pid: null });
  assert.deepEqual(
    [
      tableOf(kind)
        .spans()
        .map((s) => s.id),
      kind.marks.length,
    ],
    [[0], 0],
  );
  const proc = filterModel(model, { text: '', kind: '', pid: 1 });
  assert.deepEqual(
    proc.lanes.map((l) => l.id),
    ['1', '1/9'],
  );
  assert.deepEqual(
    tableOf(proc)
      .spans()
      .map((s) => s.id),
    [2],
  );
});

test('navigation: items in time order on a lane, steps, lanes', () => {
  assert.deepEqual(
    laneItems(model, '2').map((x) => `${x.sel.type}${x.sel.id}`),
    ['span0', 'span1', 'mark1', 'mark2'],
  );
  assert.deepEqual(stepOnLane(model, { type: 'lane', id: '2' }, 1), { type: 'span', id: 0 });
  assert.deepEqual(stepOnLane(model, { type: 'span', id: 1 }, 1), { type: 'mark', id: 1 });
  assert.equal(stepOnLane(model, { type: 'mark', id: 2 }, 1), null);
  assert.equal(stepLane(['1', '2'], '2', 1), null);
  assert.equal(stepLane(['1', '2'], null, -1), '2');
  assert.equal(findSelected(model, { type: 'span', id: 99 }), null);
});

test('saved state: junk falls back to defaults field by field', () => {
  assert.deepEqual(parseViewState(undefined), defaultViewState());
  const s = parseViewState({
    window: [5, 1],
    selected: { type: 'span', id: '3' },
    filter: { text: 'x', kind: 'span:<img>', pid: 7 },
    collapsed: ['1', 2],
    printLabels: 'yes',
  });
  assert.deepEqual(s, {
    window: null,
    selected: null,
    filter: { text: 'x', kind: '', pid: 7 },
    collapsed: ['1'],
    printLabels: false,
  });
  assert.deepEqual(
    parseViewState({ window: [1, 5], selected: { type: 'lane', id: '2' } }).window,
    [1, 5],
  );
});

test('arrows and inline labels', () => {
  const l = layout({
    ...model,
    spans: model.spans!,
    domain: [0, 100],
    range: [100, 1100],
    laneHeight: 20,
    now: 100,
  });
  const flows = layoutFlows(model.flows ?? [], l, (t) => 100 + t * 10, 100, 1100);
  assert.equal(flows.length, 1);
  assert.match(flows[0].d, /^M120,10C/);
  const collapsed = layout({
    ...model,
    spans: model.spans!,
    domain: [0, 100],
    range: [100, 1100],
    laneHeight: 20,
    now: 100,
    collapsed: new Set(['1']),
  });
  assert.equal(collapsed.rows.length, 2);
  assert.equal(collapsed.rowOf('1/9')?.id, '1', 'a hidden thread maps to its process row');
  const labels = layoutMarkLabels(l, false, 100, 1100);
  assert.deepEqual(
    labels.map((x) => [x.kind, x.text, x.anchor]),
    [['end', 'exit 3', 'end']],
  );
  const withPrints = layoutMarkLabels(l, true, 100, 1100).map((x) => x.text);
  assert.ok(withPrints.includes('hello world'));
});

test('inspector fields of a span, a mark and a lane', () => {
  const tr = translator();
  const f = inspectorFields(
    { type: 'span', item: { ...model.spans![0], src: ['a.py', 4] } },
    model,
    tr,
    100,
  );
  assert.deepEqual(
    f.map((x) => [x.key, x.value]),
    [
      ['field.kind', 'holding a lock'],
      ['field.text', 'lockHold 0'],
      ['field.lane', 'L2 (2)'],
      ['field.start', 't = 10 ns'],
      ['field.end', 't = 20 ns'],
      ['field.duration', '10 ns'],
      ['field.lock', 'A'],
      ['field.source', 'a.py:4'],
      ['field.id', 'span 0'],
    ],
  );
  const q = inspectorFields({ type: 'span', item: model.spans![2] }, model, tr, 100);
  assert.ok(q.some((x) => x.key === 'field.queue' && x.value === 'Q'));
  const ln = inspectorFields({ type: 'lane', item: model.lanes[2] }, model, tr, 100);
  assert.ok(ln.some((x) => x.key === 'field.thread' && x.value === '9'));
});

test('exported files are checked before they are written', () => {
  assert.equal(new TextDecoder().decode(exportBytes('svg', '<svg/>') ?? undefined), '<svg/>');
  assert.equal(exportBytes('svg', 'hello'), null);
  assert.deepEqual([...(exportBytes('png', 'data:image/png;base64,AAEC') ?? [])], [0, 1, 2]);
  assert.equal(exportBytes('png', 'data:text/html;base64,AAEC'), null);
});

test('dense spans merge per pixel column, ordered by kind and lock', () => {
  const rect = (id: number, kind: Span['kind'], x: number, w: number, lock: number | null) => ({
    id,
    lane: '1',
    kind,
    x,
    width: w,
    y: 0,
    height: 10,
    open: false,
    lock,
    span: span(id, '1', kind, 0, 1),
  });
  const out = mergeSpans(
    [
      rect(0, 'lockHold', 100.2, 0.3, 0),
      rect(1, 'lockHold', 100.6, 0.2, 0),
      rect(2, 'lockHold', 101.1, 2, 0),
      rect(3, 'lockHold', 110, 1, 1),
      rect(4, 'lockWait', 90, 5, 0),
    ],
    80,
    200,
  );
  assert.deepEqual(
    out.map((r) => [r.kind, r.lock, r.x, r.width]),
    [
      ['lockWait', 0, 90, 5],
      ['lockHold', 0, 100, 4],
      ['lockHold', 1, 110, 1],
    ],
  );
});

test('virtualised lanes: an arrow is drawn when both its ends are on rows near the view', () => {
  const lanes = Array.from(
    { length: 300 },
    (_, i) =>
      ({ id: String(i + 1), pid: i + 1, name: `p${i}`, order: i, parent: null, begin: 0 }) as Lane,
  );
  const flow = (id: number, from: number, to: number): Flow => ({
    id,
    kind: 'queue',
    from: { lane: String(from), t: 10 },
    to: { lane: String(to), t: 20 },
    label: 'q',
  });
  const base = {
    lanes,
    spans: [],
    marks: [],
    domain: [0, 100] as const,
    range: [100, 1100] as const,
  };
  const first = layout({ ...base, laneHeight: 20, now: 100 });
  // The frame lays out twice (rows, then the items of the rows in view) with the same rows.
  const l = layout({ ...base, laneHeight: 20, now: 100, rowsOf: first });
  assert.equal(l.rows, first.rows);
  const shown = first.rows.slice(0, 40);
  const flows = [flow(1, 2, 30), flow(2, 3, 250), flow(3, 260, 280)];
  const drawn = layoutFlows(flows, l, (t) => 100 + t * 10, 100, 1100, shown);
  assert.deepEqual(
    drawn.map((f) => f.id),
    [1],
  );
  // Not virtualised (every row shown): all three.
  assert.equal(layoutFlows(flows, l, (t) => 100 + t * 10, 100, 1100, l.rows).length, 3);
});
