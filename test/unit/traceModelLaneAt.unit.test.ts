// Unit test of the trace model's lane lookup per (pid, tid), which is cached: a thread seen before
// its process's hello named it the main thread draws on the process lane from the hello on, and
// every event still marks its lane for the next delta.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';

const base = { kind: 'Lock', label: 'L', id: 'L1' } as const;

test('events go to the lane the latest hello implies, and mark it for the delta', () => {
  const model = new TraceModel({ title: 't' });
  const ev = (e: TraceEvent): void => model.apply(e);
  // tid 70 of pid 7 speaks before the hello that names it the main thread: a thread lane.
  ev({ k: 'lock.wait', t: 1, pid: 7, tid: 70, ...base });
  ev({ k: 'lock.acquired', t: 2, pid: 7, tid: 70, waited: 1, ...base });
  let d = model.takeDelta();
  assert.deepEqual(d.lanes.map((l) => l.id).sort(), ['7', '7/70']);
  assert.deepEqual(d.spans.map((s) => [s.lane, s.kind]).sort(), [
    ['7/70', 'lockHold'],
    ['7/70', 'lockWait'],
  ]);
  ev({
    k: 'hello',
    t: 3,
    pid: 7,
    tid: 70,
    v: 1,
    py: '3.11',
    tracer: 't',
    method: 'fork',
    argv: [],
    wall: 0,
    ppid: 1,
    main: true,
  });
  ev({ k: 'lock.release', t: 4, pid: 7, tid: 70, ...base });
  ev({ k: 'sleep', t: 5, pid: 7, tid: 70, secs: 1 });
  ev({ k: 'sleep', t: 6, pid: 7, tid: 71, secs: 1 });
  d = model.takeDelta();
  assert.deepEqual(
    d.marks.map((m) => [m.lane, m.kind]),
    [['7', 'release']],
  );
  // The hold is keyed by the thread, so the release closes it on the lane it was opened on.
  assert.deepEqual(d.spans.map((s) => [s.lane, s.kind, s.end]).sort(), [
    ['7', 'sleep', null],
    ['7/70', 'lockHold', 3], // ns since the first event (t 1)
    ['7/71', 'sleep', null],
  ]);
  // An event on a known lane marks it again (its row in the next delta carries any change).
  ev({ k: 'mark', t: 7, pid: 7, tid: 71, label: 'x' });
  d = model.takeDelta();
  assert.deepEqual(
    d.lanes.map((l) => l.id),
    ['7/71'],
  );
});
