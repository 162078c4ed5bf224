// Unit tests of the trace model, fed the recorded Lock Demo trace through the real parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameParser } from '../../src/core/frameParser';
import { TraceModel } from '../../src/core/traceModel';
import type { Span } from '../../src/shared/webviewProtocol';

const FIXTURE = readFileSync(join(__dirname, '../../../test/fixtures/lock-demo-10.trace'));

function load(chunk = FIXTURE.length): TraceModel {
  const model = new TraceModel({
    title: 'Lock Demo',
    ticketsAvailable: 1,
    successText: '购票成功',
  });
  const parser = new FrameParser();
  for (let i = 0; i < FIXTURE.length; i += chunk) {
    for (const item of parser.push(FIXTURE.subarray(i, i + chunk))) {
      if (item.type === 'event') model.apply(item.event);
    }
  }
  model.setState('finished');
  return model;
}

test('one lane per process, main first, clients under main', () => {
  const lanes = load().allLanes();
  assert.equal(lanes.length, 11);
  assert.equal(lanes[0].main, true);
  assert.equal(lanes[0].name, 'MainProcess');
  for (const l of lanes.slice(1)) {
    assert.equal(l.parent, lanes[0].pid);
    assert.ok(
      l.begin !== null && l.end !== null && l.end >= l.begin,
      `lane ${l.name} has begin and end`,
    );
    assert.equal(l.exitCode, 0);
  }
});

test('header: one ticket sold of one, lock waits summed, main done seen', () => {
  const h = load().getHeader();
  assert.equal(h.ticketsSold, 1);
  assert.equal(h.ticketsAvailable, 1);
  assert.equal(h.state, 'finished');
  assert.ok(h.lockWaitTotal > 0 && h.lockWaitMax > 0 && h.lockWaitMax <= h.lockWaitTotal);
  assert.ok(h.mainDone !== null && h.mainDone > 0);
  assert.equal(h.badFrames, 0);
});

test('holds are closed and never overlap; waits end where holds start', () => {
  const spans = load().allSpans();
  const holds = spans.filter((s) => s.kind === 'lockHold').sort((a, b) => a.start - b.start);
  assert.equal(holds.length, 10);
  for (const s of spans) assert.notEqual(s.end, null, `span ${s.label} closed`);
  for (let i = 1; i < holds.length; i++) assert.ok((holds[i - 1].end as number) <= holds[i].start);
  const waits = spans.filter((s) => s.kind === 'lockWait');
  for (const w of waits) {
    const hold = holds.find((h) => h.lane === w.lane) as Span;
    assert.equal(hold.start, w.end);
  }
});

test('deltas upsert: an open span is sent again when it closes; marks only once', () => {
  const model = new TraceModel({ title: 't' });
  const base = { pid: 7, tid: 7 };
  model.apply({
    k: 'hello',
    t: 0,
    ...base,
    v: 1,
    py: '3',
    tracer: '0',
    method: 'fork',
    argv: [],
    wall: 0,
    ppid: 1,
    main: true,
  });
  model.apply({ k: 'sleep', t: 10, ...base, secs: 1 });
  const d1 = model.takeDelta();
  assert.equal(d1.lanes.length, 1);
  assert.deepEqual(
    d1.spans.map((s) => [s.kind, s.end]),
    [['sleep', null]],
  );
  model.apply({ k: 'out', t: 15, ...base, stream: 'out', text: '\u001b[43mhi\u001b[0m\n' });
  model.apply({ k: 'sleep.end', t: 20, ...base });
  const d2 = model.takeDelta();
  assert.deepEqual(
    d2.spans.map((s) => [s.id, s.end]),
    [[d1.spans[0].id, 20]],
  );
  assert.deepEqual(
    d2.marks.map((m) => m.text),
    ['hi'],
  );
  assert.equal(model.takeDelta().spans.length, 0);
  assert.equal(model.snapshot().spans.length, 1);
});

test('chunking does not change the model', () => {
  assert.deepEqual(load(7).snapshot(), load().snapshot());
});
