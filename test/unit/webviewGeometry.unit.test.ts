// Unit tests of the webview's pure geometry: arrows and inline labels, collapsed threads, dense
// spans merged per pixel column, and arrows between virtualised rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Flow, Lane, Span } from '../../src/shared/webviewProtocol';
import { mergeSpans } from '../../webview/dense';
import { layout } from '../../webview/layout';
import { layoutFlows, layoutMarkLabels } from '../../webview/layoutFlows';
import { model, span } from './webviewModelFixture';

test('arrows and inline labels', () => {
  const base = {
    ...model,
    spans: model.spans!,
    domain: [0, 100] as const,
    range: [100, 1100] as const,
    laneHeight: 20,
    now: 100,
  };
  const l = layout(base);
  const flows = layoutFlows(model.flows ?? [], l, (t) => 100 + t * 10, 100, 1100);
  assert.equal(flows.length, 1);
  assert.match(flows[0].d, /^M120,10C/);
  const collapsed = layout({ ...base, collapsed: new Set(['1']) });
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
