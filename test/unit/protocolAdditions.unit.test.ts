// Unit tests of protocol 1.1's additions (lock.burst, queue.timeout, hello.minor): the
// validator accepts and rejects them field by field, and the model draws them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';
import { validateEvent } from '../../src/core/validateEvent';

const P = 100;
const T = 200;
const lock = { id: '100-1', kind: 'Lock', label: 'lock' } as const;
const q = { id: '100-2', kind: 'Queue', label: 'q' } as const;
const hello = {
  k: 'hello',
  t: 1000,
  pid: P,
  tid: P,
  v: 1,
  minor: 1,
  py: '3.11',
  tracer: '0',
  method: 'fork',
  argv: [],
  wall: 0,
  ppid: 1,
  main: true,
};

function valid(raw: object): TraceEvent {
  const r = validateEvent(raw);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.event;
}

test('lock.burst, queue.timeout and hello.minor validate; missing or bad fields do not', () => {
  valid(hello);
  const burst = {
    k: 'lock.burst',
    t: 1010,
    pid: P,
    tid: T,
    ...lock,
    count: 3,
    last: 1040,
    held: 9,
  };
  valid(burst);
  for (const [field, bad] of [
    ['count', 1.5],
    ['last', 'x'],
    ['held', null],
    ['id', 3],
  ] as const) {
    const r = validateEvent({ ...burst, [field]: bad });
    assert.equal(r.ok, false, `lock.burst with ${field}=${JSON.stringify(bad)}`);
    if (!r.ok) assert.match(r.error, new RegExp(`lock.burst: field ${field}`));
  }
  const timeout = { k: 'queue.timeout', t: 1050, pid: P, tid: T, ...q, op: 'get', waited: 5 };
  valid(timeout);
  assert.equal(validateEvent({ ...timeout, waited: undefined }).ok, false);
  assert.equal(validateEvent({ ...hello, minor: 'one' }).ok, false);
});

test('a burst is one closed hold span from first acquire to last release, counted', () => {
  const m = new TraceModel({ title: 't' });
  const events = [
    hello,
    { k: 'thread.begin', t: 1001, pid: P, tid: T, name: 'w', daemon: false },
    { k: 'lock.acquired', t: 1005, pid: P, tid: T, ...lock, waited: 0 },
    { k: 'lock.release', t: 1008, pid: P, tid: T, ...lock },
    { k: 'lock.burst', t: 1010, pid: P, tid: T, ...lock, count: 3, last: 1040, held: 2_500_000 },
    { k: 'lock.acquired', t: 1050, pid: P, tid: T, ...lock, waited: 0 },
  ];
  for (const e of events) m.apply(valid(e));
  const holds = m.allSpans().filter((s) => s.kind === 'lockHold');
  assert.equal(holds.length, 3);
  const [single, burst, open] = holds;
  assert.deepEqual([single.start, single.end], [5, 8]);
  assert.deepEqual(
    [burst.start, burst.end, burst.lane, burst.lockId],
    [10, 40, '100/200', '100-1'],
  );
  assert.equal(burst.label, 'holds lock ×3 (2.5 ms held)');
  assert.equal(open.end, null, 'a later acquire is still open: the burst did not close it');
  assert.equal(m.getHeader().duration, 50);
  assert.equal(m.getHeader().lockWaitTotal, 0);
});

test('queue.timeout ends the blocked span and says who gave up', () => {
  const m = new TraceModel({ title: 't' });
  const events = [
    hello,
    { k: 'queue.block', t: 1010, pid: P, tid: P, ...q, op: 'get' },
    { k: 'queue.timeout', t: 1060, pid: P, tid: P, ...q, op: 'get', waited: 50 },
  ];
  for (const e of events) m.apply(valid(e));
  const [block] = m.allSpans();
  assert.deepEqual([block.kind, block.start, block.end], ['queueBlock', 10, 60]);
  const marks = m.allMarks().filter((x) => x.kind === 'mark');
  assert.deepEqual(
    marks.map((x) => [x.t, x.text]),
    [[60, 'gave up waiting for q.get()']],
  );
});
