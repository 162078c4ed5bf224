// Unit tests of the webview's pure modules for what the user does: filter, navigation, saved
// state, inspector fields; and the host's check of exported files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportBytes } from '../../src/panel/exportBytes';
import { filterModel } from '../../webview/filter';
import { inspectorFields } from '../../webview/inspectorFields';
import { tableOf } from '../../webview/modelSpans';
import { findSelected, laneItems, stepLane, stepOnLane } from '../../webview/navigate';
import { translator } from '../../webview/strings';
import { defaultViewState, parseViewState } from '../../webview/viewState';
import { model } from './webviewModelFixture';

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
