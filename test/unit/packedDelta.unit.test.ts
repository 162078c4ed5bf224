// Unit tests of the packed (columnar) delta: packing and unpacking are exact inverses through
// JSON, the webview's validator drops malformed rows and broken messages without throwing, and a
// store fed packed deltas holds exactly what one fed object deltas holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TraceModel } from '../../src/core/traceModel';
import { fromWire, packDelta, packPlain, toWire, unpackDelta } from '../../src/shared/packedDelta';
import type { Header, Lane, ModelDelta, PackedDelta } from '../../src/shared/webviewProtocol';
import { Store } from '../../webview/store';
import { parseHostMessage } from '../../webview/validate';
import { events } from './retentionEvents';

const header: Header = {
  title: 't',
  state: 'running',
  duration: 9,
  processes: 1,
  ticketsSold: null,
  ticketsAvailable: null,
  lockWaitTotal: 0,
  lockWaitMax: 0,
  mainDone: null,
  events: 5,
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
const delta: ModelDelta = {
  lanes: [lane, { ...lane, id: '1/7', thread: 7, name: 'w', parent: 1, order: 1, main: false }],
  spans: [
    { id: 0, lane: '1', kind: 'lockWait', start: 1, end: 2, label: 'waits for L', lockId: 'L' },
    {
      id: 1,
      lane: '1/7',
      kind: 'sleep',
      start: 2,
      end: null,
      label: 'sleep(1 s)',
      src: ['a.py', 3],
    },
    { id: 2, lane: '1', kind: 'lockHold', start: 2, end: 4, label: 'holds L', lockId: 'L' },
  ],
  marks: [
    { id: 0, lane: '1', kind: 'print', t: 3, text: 'L' },
    { id: 1, lane: '1/7', kind: 'exc', t: 4, text: 'ValueError: x', src: ['a.py', 9] },
  ],
  flows: [
    { id: 0, kind: 'spawn', from: { lane: '1', t: 0 }, to: { lane: '1/7', t: 1 }, label: 'w' },
    { id: 1, kind: 'queue', from: { lane: '1/7', t: 2 }, to: { lane: '1', t: 3 } },
  ],
  header,
};

/** Parse a packed message (as the webview gets it: through JSON), collecting warnings. */
function parse(data: unknown): { msg: PackedDelta | null; warnings: string[] } {
  const warnings: string[] = [];
  const msg = parseHostMessage(JSON.parse(JSON.stringify(data)), (w) => warnings.push(w));
  if (msg === null) return { msg: null, warnings };
  assert.equal(msg.type, 'packed');
  return { msg: msg.type === 'packed' ? msg : null, warnings };
}

test('a packed delta unpacks to the same delta, each string stored once', () => {
  const packed = packDelta(delta);
  assert.deepEqual(packed.strings.filter((s) => s === 'L').length, 1, 'lock id and print text');
  assert.equal(packed.spans.id.length, 3);
  assert.equal(packed.diff, true, 'integer ids and times go as differences');
  const arrays = toWire(packPlain(delta), false); // the same without compact strings
  assert.deepEqual(arrays.spans.id, [0, 1, 1]);
  assert.deepEqual(arrays.spans.start, [1, 1, 0]);
  assert.deepEqual(arrays.spans.end, [1, null, 2], 'end as the duration');
  assert.deepEqual(arrays.flows.toT, [1, 1]);
  // Compact: 0 → ']', 1 → '_' (zigzag 2), null → '!', 2 → 'a' (zigzag 4).
  assert.equal(packed.spans.id, ']__');
  assert.equal(packed.spans.end, '_!a');
  assert.deepEqual(fromWire(packed).spans.end, [2, null, 4]);
  assert.deepEqual(fromWire(arrays), fromWire(packed));
  const { msg, warnings } = parse({ type: 'packed', ...packed });
  assert.deepEqual(warnings, []);
  assert.ok(msg);
  assert.deepEqual(unpackDelta(msg), delta);
  // No items at all: no `flows` key, as the host's ModelDelta has none then.
  const empty = unpackDelta(packDelta({ lanes: [], spans: [], marks: [], header }));
  assert.deepEqual(empty, { lanes: [], spans: [], marks: [], header });
});

test('malformed rows are dropped with a warning, the rest kept', () => {
  const p = packPlain(delta);
  const s = p.strings.length;
  p.spans.kind[0] = 99; // no such kind
  p.spans.lane[2] = s; // string index out of range
  p.marks.kind[0] = -1; // no such kind
  p.flows.label[1] = -2; // neither -1 nor an index
  const { msg, warnings } = parse({ type: 'packed', ...toWire(p) });
  assert.ok(msg);
  assert.deepEqual(msg.spans.id, [1]);
  assert.deepEqual(msg.marks.id, [1]);
  assert.deepEqual(msg.flows.id, [0]);
  assert.deepEqual(warnings.length, 3, warnings.join('\n'));
  const back = unpackDelta(msg);
  assert.deepEqual(back.spans, [delta.spans[1]]);
  assert.deepEqual(back.marks, [delta.marks[1]]);
});

test('a packed message with a broken structure is dropped whole, never thrown', () => {
  const good = { type: 'packed', ...toWire(packPlain(delta), false) };
  const compact = { type: 'packed', ...packDelta(delta) };
  const broken: unknown[] = [
    { ...good, strings: ['a', 3] },
    { ...good, strings: 'a' },
    { ...good, header: { ...header, state: 'weird' } },
    { ...good, spans: { ...good.spans, start: [1] } }, // columns of different lengths
    { ...good, marks: { ...good.marks, text: undefined } }, // a column missing
    { ...good, flows: null },
    { ...good, spans: { ...good.spans, srcFile: [] } }, // one source column emptied, not both
    { ...good, diff: 'yes' },
    // A difference that is not a number would shift every row after it.
    { ...good, marks: { ...good.marks, t: [3, null] } },
    { ...good, spans: { ...good.spans, start: [1, 1, 'x'] } },
    { ...good, lanes: {} },
    { type: 'packed' },
    // Compact columns: a character outside the encoding, a number left unfinished, a null
    // outside span `end`, one value too many, a column neither a string nor an array.
    { ...compact, spans: { ...compact.spans, lane: ']]"' } },
    { ...compact, marks: { ...compact.marks, t: '_#' } },
    { ...compact, marks: { ...compact.marks, kind: '!]' } },
    { ...compact, flows: { ...compact.flows, kind: '```' } },
    { ...compact, spans: { ...compact.spans, start: 7 } },
  ];
  for (const junk of broken) {
    const { msg, warnings } = parse(junk);
    assert.equal(msg, null, JSON.stringify(junk).slice(0, 200));
    assert.equal(warnings.length, 1);
  }
});

test('random damage to a packed message never throws, and what passes applies cleanly', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const junk = [null, -1, 1.5, 1e9, 'x', true, [], {}, -0.5];
  for (let i = 0; i < 500; i++) {
    const p = JSON.parse(JSON.stringify(toWire(packPlain(delta), false))) as Record<
      string,
      Record<string, unknown[]>
    >;
    const group = ['spans', 'marks', 'flows'][rand(3)];
    const cols = Object.keys(p[group]);
    const col = p[group][cols[rand(cols.length)]];
    col[rand(col.length)] = junk[rand(junk.length)];
    const diffCol = /^(id|start|end|t|fromT|toT)$/;
    const name = cols.find((c) => p[group][c] === col) ?? '';
    const msg = parseHostMessage({ type: 'packed', ...p }, () => undefined);
    if (msg === null) {
      assert.match(name, diffCol, 'only a damaged difference drops the whole message');
      continue;
    }
    assert.ok(msg.type === 'packed');
    const store = new Store();
    store.applyPacked(msg);
    for (const s of store.snapshot()?.spans ?? []) assert.equal(typeof s.label, 'string');
    for (const m of store.model().marks) assert.equal(typeof m.text, 'string');
  }
});

test('times that are not integers go as they are; source columns only when needed', () => {
  const fractional = {
    ...delta,
    spans: [{ ...delta.spans[0], start: 0.1, end: 0.30000000000000004 }],
  };
  const p = packDelta(fractional);
  assert.equal(p.diff, undefined);
  assert.deepEqual(p.spans.start, [0.1]);
  assert.deepEqual(unpackDelta(p), fractional);
  assert.equal(p.spans.srcFile.length, 0, 'no span has a source');
  assert.equal(p.marks.srcFile.length, 2, 'one mark has one');
  const { msg } = parse({ type: 'packed', ...p });
  assert.ok(msg);
  assert.deepEqual(msg.spans.srcFile, [-1]);
  assert.deepEqual(unpackDelta(msg), fractional);
});

test('a store fed packed deltas holds what one fed object deltas holds (retention too)', () => {
  const model = new TraceModel({ title: 'r', retention: { spans: 100, marks: 120, flows: 30 } });
  const viaPacked = new Store();
  const viaObjects = new Store();
  const deliver = (): void => {
    const d = model.takeDelta();
    const { msg, warnings } = parse({ type: 'packed', ...packDelta(d) });
    assert.deepEqual(warnings, []);
    assert.ok(msg);
    viaPacked.applyPacked(msg);
    viaObjects.apply(JSON.parse(JSON.stringify(d)) as ModelDelta);
  };
  let n = 0;
  for (const e of events(3000)) {
    model.apply(e);
    if (++n % 89 === 0) deliver();
  }
  model.setState('finished');
  deliver();
  assert.ok(model.getHeader().dropped > 0, 'the host merged old detail');
  assert.deepEqual(viaPacked.snapshot(), viaObjects.snapshot());
  const byId = <T extends { id: number }>(xs: readonly T[]): T[] =>
    [...xs].sort((a, b) => a.id - b.id);
  const host = model.snapshot();
  assert.deepEqual(byId(viaPacked.snapshot()?.spans ?? []), byId(host.spans));
  assert.deepEqual(byId(viaPacked.model().marks), byId(host.marks));
});
