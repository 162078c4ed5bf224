// Unit tests of the model's arrows (spawn, queue put → get), source locations and killed marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';

const ev = (e: Partial<TraceEvent> & { k: TraceEvent['k'] }, t: number, pid = 1, tid = pid) =>
  ({ t, pid, tid, ...e }) as TraceEvent;
const hello = (main: boolean): Partial<TraceEvent> & { k: 'hello' } => ({
  k: 'hello',
  v: 1,
  py: '3.11',
  tracer: '0',
  method: 'fork',
  argv: [],
  wall: 0,
  ppid: main ? 0 : 1,
  main,
});
const q = { id: 'q1', kind: 'Queue', label: 'jobs' } as const;

function run(): TraceModel {
  const m = new TraceModel({ title: 't' });
  const events: TraceEvent[] = [
    ev(hello(true), 0),
    ev({ k: 'proc.spawn', child: 2, name: 'P-1', daemon: true, target: null, src: ['a.py', 9] }, 5),
    ev({ k: 'thread.start', child: 7, name: 'w', daemon: false, target: null }, 6),
    ev(hello(false), 8, 2),
    ev({ k: 'proc.begin', name: 'P-1', daemon: true, ppid: 1 }, 9, 2),
    ev({ k: 'thread.begin', name: 'w', daemon: false }, 10, 1, 7),
    // The get is seen before the put (another process's frame arrived first).
    ev({ k: 'queue.get', ...q, item: 'i1', waited: 0 }, 21, 2),
    ev({ k: 'queue.put', ...q, item: 'i1', src: ['a.py', 12] }, 20),
    ev({ k: 'queue.block', ...q, op: 'get' }, 22, 2),
    ev({ k: 'queue.put', ...q, item: 'i2' }, 30),
    ev({ k: 'queue.get', ...q, item: 'i2', waited: 8 }, 31, 2),
    ev({ k: 'out', stream: 'out', text: 'hi\n', src: ['a.py', 14] }, 32),
    ev({ k: 'main.done' }, 40),
    ev({ k: 'proc.kill', child: 2, sig: 15, why: 'daemon' }, 41),
  ];
  for (const e of events) m.apply(e);
  return m;
}

test('spawn arrows go from the spawn point to the child lane begin', () => {
  const spawns = run()
    .allFlows()
    .filter((f) => f.kind === 'spawn');
  assert.deepEqual(
    spawns.map((f) => [f.from.lane, f.from.t, f.to.lane, f.to.t, f.label]),
    [
      ['1', 5, '2', 9, 'P-1'],
      ['1', 6, '1/7', 10, 'w'],
    ],
  );
});

test('queue arrows join a put to the get of the same item, whatever the arrival order', () => {
  const qs = run()
    .allFlows()
    .filter((f) => f.kind === 'queue');
  assert.deepEqual(
    qs.map((f) => [f.from.lane, f.from.t, f.to.lane, f.to.t]),
    [
      ['1', 20, '2', 21],
      ['1', 30, '2', 31],
    ],
  );
  const block = run()
    .allSpans()
    .find((s) => s.kind === 'queueBlock');
  assert.deepEqual([block?.start, block?.end, block?.lockId], [22, 31, 'q1']);
});

test('source locations, killed marks, flows in deltas and snapshots', () => {
  const m = run();
  const marks = m.allMarks();
  assert.deepEqual(marks.find((k) => k.kind === 'print')?.src, ['a.py', 14]);
  assert.deepEqual(marks.find((k) => k.kind === 'spawn')?.src, ['a.py', 9]);
  assert.equal(marks.find((k) => k.kind === 'start')?.src, undefined);
  const killed = marks.find((k) => k.kind === 'killed');
  assert.equal(killed?.text, 'killed: main code finished');
  assert.equal(m.takeDelta().flows?.length, 4);
  assert.equal(m.takeDelta().flows, undefined);
  assert.equal(m.snapshot().flows?.length, 4);
});
