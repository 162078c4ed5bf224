// Unit tests of the webview's pure layout (model → geometry) and hit testing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lane, Mark, Span } from '../../src/shared/webviewProtocol';
import { hitTest } from '../../webview/hitTest';
import { layout, lockOrder, orderLanes, spanBand, type LayoutInput } from '../../webview/layout';

/** A lane with sensible defaults. */
function lane(pid: number, order: number, parent: number | null, over: Partial<Lane> = {}): Lane {
  return {
    id: String(pid),
    pid,
    name: `P${pid}`,
    parent,
    order,
    daemon: false,
    main: parent === null,
    begin: 0,
    end: null,
    exitCode: null,
    ...over,
  };
}

/** A span on lane `pid`. */
function span(
  id: number,
  pid: number,
  kind: Span['kind'],
  start: number,
  end: number | null,
  lockId?: string,
): Span {
  const s: Span = { id, lane: String(pid), kind, start, end, label: `${kind} ${id}` };
  if (lockId !== undefined) s.lockId = lockId;
  return s;
}

/** Layout input: 1 px per ns unit from x = 100, rows of 20 px, now = 1000. */
function input(over: Partial<LayoutInput>): LayoutInput {
  return {
    lanes: [],
    spans: [],
    marks: [],
    domain: [0, 1000],
    range: [100, 1100],
    laneHeight: 20,
    now: 1000,
    ...over,
  };
}

test('lanes are ordered by spawn order with children under their parent', () => {
  const lanes = [
    lane(30, 3, 10),
    lane(10, 0, null),
    lane(21, 2, 20),
    lane(20, 1, 10),
    lane(40, 4, null),
  ];
  const rows = orderLanes(lanes).map((r) => [r.lane.pid, r.depth]);
  assert.deepEqual(rows, [
    [10, 0],
    [20, 1],
    [21, 2],
    [30, 1],
    [40, 0],
  ]);
});

test('unknown parents make roots; parent cycles never loop and keep every lane', () => {
  const rows = orderLanes([lane(1, 0, 99), lane(2, 1, 3), lane(3, 2, 2)]);
  assert.deepEqual(rows.map((r) => r.lane.pid).sort(), [1, 2, 3]);
  assert.equal(rows[0].depth, 0);
});

test('rows carry y, depth and the "name (pid)" label', () => {
  const l = layout(input({ lanes: [lane(10, 0, null, { name: 'MainProcess' }), lane(11, 1, 10)] }));
  assert.deepEqual(
    l.rows.map((r) => [r.label, r.y, r.height, r.depth]),
    [
      ['MainProcess (10)', 0, 20, 0],
      ['P11 (11)', 20, 20, 1],
    ],
  );
  assert.equal(l.height, 40);
  assert.equal(l.rowById.get('11')?.y, 20);
});

test('span rectangles follow the time scale and their kind band', () => {
  const l = layout(
    input({
      lanes: [lane(1, 0, null), lane(2, 1, 1)],
      spans: [span(5, 2, 'lockHold', 100, 300, 'L')],
    }),
  );
  const [r] = l.spans;
  assert.equal(r.x, 200);
  assert.equal(r.width, 200);
  const [off, h] = spanBand('lockHold', 20);
  assert.equal(r.y, 20 + off);
  assert.equal(r.height, h);
  assert.equal(r.kind, 'lockHold');
  assert.equal(r.open, false);
  assert.equal(r.lock, 0);
});

test('sleep is an inset band inside the hold band; run is thinner still', () => {
  const [ho, hh] = spanBand('lockHold', 20);
  const [so, sh] = spanBand('sleep', 20);
  const [ro, rh] = spanBand('run', 20);
  assert.ok(so > ho && so + sh < ho + hh);
  assert.ok(rh < sh && ro > so);
});

test('zero-length and sub-pixel spans are at least 1 px wide', () => {
  const l = layout(
    input({
      lanes: [lane(1, 0, null)],
      spans: [span(1, 1, 'lockWait', 500, 500), span(2, 1, 'sleep', 10, 10.2)],
    }),
  );
  assert.deepEqual(
    l.spans.map((s) => s.width),
    [1, 1],
  );
});

test('open spans and running lanes reach "now"', () => {
  const l = layout(
    input({
      lanes: [lane(1, 0, null, { begin: 50 })],
      spans: [span(1, 1, 'lockWait', 600, null)],
      now: 800,
    }),
  );
  assert.equal(l.spans[0].open, true);
  assert.equal(l.spans[0].x + l.spans[0].width, 900);
  assert.deepEqual(l.rows[0].bar, { x: 150, width: 750 });
});

test('lanes without a begin have no bar; ended lanes stop at their end', () => {
  const l = layout(
    input({
      lanes: [lane(1, 0, null, { begin: null }), lane(2, 1, null, { begin: 100, end: 200 })],
    }),
  );
  assert.equal(l.rows[0].bar, null);
  assert.deepEqual(l.rows[1].bar, { x: 200, width: 100 });
});

test('items outside the visible window are culled, partly visible ones clamped', () => {
  const spans = [
    span(1, 1, 'sleep', 0, 50),
    span(2, 1, 'sleep', 150, 5000),
    span(3, 1, 'sleep', 2000, 3000),
  ];
  const l = layout(input({ lanes: [lane(1, 0, null)], spans, domain: [100, 200] }));
  assert.deepEqual(
    l.spans.map((s) => s.id),
    [2],
  );
  const s = l.spans[0];
  assert.ok(s.x + s.width <= 1102, 'clamped to the range (+2 px)');
});

test('spans and marks of unknown lanes are skipped (they may arrive before the lane)', () => {
  const marks: Mark[] = [{ id: 1, lane: '9', kind: 'print', t: 10, text: 'x' }];
  const l = layout(input({ lanes: [lane(1, 0, null)], spans: [span(1, 9, 'sleep', 0, 5)], marks }));
  assert.equal(l.spans.length, 0);
  assert.equal(l.marks.length, 0);
});

test('marks sit mid-row; marks of one kind sharing a pixel merge', () => {
  const marks: Mark[] = [
    { id: 1, lane: '1', kind: 'print', t: 100, text: 'a' },
    { id: 2, lane: '1', kind: 'print', t: 100.2, text: 'b' },
    { id: 3, lane: '1', kind: 'end', t: 100.2, text: 'exit 0' },
    { id: 4, lane: '2', kind: 'print', t: 400, text: 'c' },
  ];
  const l = layout(input({ lanes: [lane(1, 0, null), lane(2, 1, 1)], marks }));
  assert.deepEqual(
    l.marks.map((m) => [m.id, m.kind, Math.round(m.x), m.y, m.marks.length]),
    [
      [1, 'print', 200, 10, 2],
      [3, 'end', 200, 10, 1],
      [4, 'print', 500, 30, 1],
    ],
  );
});

test('lock colours are assigned by first use', () => {
  const spans = [
    span(1, 1, 'lockHold', 50, 60, 'B'),
    span(2, 1, 'lockWait', 10, 50, 'A'),
    span(3, 1, 'sleep', 0, 5),
  ];
  assert.deepEqual(lockOrder(spans), ['A', 'B']);
  const l = layout(input({ lanes: [lane(1, 0, null)], spans }));
  assert.deepEqual(
    l.spans.map((s) => [s.id, s.lock]),
    [
      [1, 1],
      [2, 0],
      [3, null],
    ],
  );
});

test('hit test finds the row, the nearest mark and the spans under x (topmost first)', () => {
  const l = layout(
    input({
      lanes: [lane(1, 0, null), lane(2, 1, 1)],
      spans: [span(1, 2, 'lockHold', 100, 400, 'L'), span(2, 2, 'sleep', 150, 250)],
      marks: [{ id: 7, lane: '2', kind: 'print', t: 202, text: 'hi' }],
    }),
  );
  const hit = hitTest(l, 300, 30);
  assert.equal(hit?.row.pid, 2);
  assert.equal(hit?.mark?.id, 7);
  assert.deepEqual(
    hit?.spans.map((s) => s.kind),
    ['sleep', 'lockHold'],
  );
  assert.equal(hitTest(l, 480, 30)?.mark, null);
  assert.deepEqual(
    hitTest(l, 480, 30)?.spans.map((s) => s.id),
    [1],
  );
  assert.equal(hitTest(l, 300, 45), null);
  assert.equal(hitTest(l, 300, -1), null);
});
