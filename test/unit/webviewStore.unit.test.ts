// Unit tests of the webview's message validation and its upserting store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Header, Lane, Span } from '../../src/shared/webviewProtocol';
import { tableOf } from '../../webview/modelSpans';
import { Store } from '../../webview/store';
import { parseHostMessage } from '../../webview/validate';

const header: Header = {
  title: 't',
  state: 'running',
  duration: 1,
  processes: 1,
  ticketsSold: null,
  ticketsAvailable: null,
  lockWaitTotal: 0,
  lockWaitMax: 0,
  mainDone: null,
  events: 1,
  badFrames: 0,
  dropped: 0,
  error: null,
};
const lane: Lane = {
  id: '1',
  pid: 1,
  name: 'Main',
  parent: null,
  order: 0,
  daemon: false,
  main: true,
  begin: 0,
  end: null,
  exitCode: null,
};
const span: Span = {
  id: 4,
  lane: '1',
  kind: 'lockWait',
  start: 5,
  end: null,
  label: 'waits',
  lockId: 'L',
};

/** Parse and collect warnings. */
function parse(data: unknown): { msg: ReturnType<typeof parseHostMessage>; warnings: string[] } {
  const warnings: string[] = [];
  return { msg: parseHostMessage(data, (w) => warnings.push(w)), warnings };
}

test('valid messages pass unchanged', () => {
  const delta = {
    type: 'delta',
    lanes: [lane],
    spans: [span],
    marks: [{ id: 1, lane: '1', kind: 'print', t: 3, text: 'hi' }],
    header,
  };
  const { msg, warnings } = parse(delta);
  assert.deepEqual(msg, delta);
  assert.deepEqual(warnings, []);
  assert.deepEqual(parse({ type: 'reset' }).msg, { type: 'reset' });
  assert.deepEqual(parse({ type: 'init', strings: { fit: 'Einpassen', bad: 3 } }).msg, {
    type: 'init',
    strings: { fit: 'Einpassen' },
  });
});

test('junk is ignored with a warning, never thrown', () => {
  for (const junk of [
    null,
    undefined,
    42,
    'delta',
    [],
    {},
    { type: 7 },
    { type: 'bogus' },
    { type: 'init' },
    { type: 'delta', lanes: [], spans: [], marks: [] },
    { type: 'delta', lanes: [], spans: [], marks: [], header: { ...header, state: 'weird' } },
  ]) {
    const { msg, warnings } = parse(junk);
    assert.equal(msg, null, JSON.stringify(junk));
    assert.equal(warnings.length, 1);
  }
});

test('malformed items are dropped, the rest of the delta kept', () => {
  const { msg, warnings } = parse({
    type: 'delta',
    lanes: [
      lane,
      { ...lane, id: 2 },
      { ...lane, id: '3', killed: 'poison' },
      { ...lane, id: '4', killed: 'daemon' },
    ],
    spans: [span, { ...span, kind: 'nap' }, { ...span, end: 'soon' }],
    marks: [{ id: 1, lane: '1', kind: 'print', t: Infinity, text: 'x' }],
    header,
  });
  assert.ok(msg && msg.type === 'delta');
  assert.deepEqual(
    msg.lanes.map((l) => [l.id, l.killed]),
    [
      ['1', undefined],
      ['4', 'daemon'],
    ],
  );
  assert.deepEqual(msg.spans, [span]);
  assert.deepEqual(msg.marks, []);
  assert.equal(warnings.length, 3);
});

test('store upserts by id: an open span is replaced by its closed copy', () => {
  const store = new Store();
  store.apply({ lanes: [lane], spans: [span], marks: [], header });
  const first = store.model();
  assert.equal(tableOf(first).span(0).end, null);
  assert.equal(store.model(), first, 'cached until the next change');
  store.apply({
    lanes: [{ ...lane, order: 0, end: 9 }],
    spans: [{ ...span, end: 8 }],
    marks: [],
    header: { ...header, state: 'finished' },
  });
  const m = store.model();
  assert.equal(tableOf(m).size, 1);
  assert.deepEqual(tableOf(m).spans(), [{ ...span, end: 8 }]);
  assert.equal(m.lanes[0].end, 9);
  assert.equal(m.header?.state, 'finished');
});

test('store sorts lanes by order and reset bumps the epoch', () => {
  const store = new Store();
  store.apply({
    lanes: [{ ...lane, id: '2', pid: 2, order: 1 }, lane],
    spans: [],
    marks: [],
    header,
  });
  assert.deepEqual(
    store.model().lanes.map((l) => l.id),
    ['1', '2'],
  );
  const epoch = store.epoch;
  store.reset();
  assert.equal(store.epoch, epoch + 1);
  const empty = store.model();
  assert.equal(tableOf(empty).size, 0);
  assert.deepEqual(
    { ...empty, table: undefined },
    {
      lanes: [],
      table: undefined,
      marks: [],
      markIndex: { byLane: new Map(), maxT: 0 },
      flows: [],
      header: null,
    },
  );
});
