// Unit tests of the model for threads, queues, tasks and signals (events as docs/protocol.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';

const P = 100;
const T = 200;
const ev = (e: Partial<TraceEvent> & { k: TraceEvent['k'] }, t: number, tid = P): TraceEvent =>
  ({ t, pid: P, tid, ...e }) as TraceEvent;

function run(): TraceModel {
  const m = new TraceModel({ title: 't' });
  const lock = { id: '100-1', kind: 'Lock', label: 'lock' } as const;
  const q = { id: '100-2', kind: 'queue.Queue', label: 'q' } as const;
  const events: TraceEvent[] = [
    ev(
      {
        k: 'hello',
        v: 1,
        py: '3.11',
        tracer: '0',
        method: 'fork',
        argv: [],
        wall: 0,
        ppid: 1,
        main: true,
      },
      0,
    ),
    ev({ k: 'thread.start', child: T, name: 'worker', daemon: true, target: 'work' }, 10),
    ev({ k: 'thread.begin', name: 'worker', daemon: true }, 11, T),
    ev({ k: 'lock.wait', ...lock }, 12, T),
    ev({ k: 'lock.acquired', ...lock, waited: 8 }, 20, T),
    ev({ k: 'lock.release', ...lock }, 30, T),
    ev({ k: 'queue.block', ...q, op: 'get' }, 31, T),
    ev({ k: 'queue.put', ...q, item: '100-9', size: 1 }, 40),
    ev({ k: 'queue.get', ...q, item: '100-9', size: 0, waited: 9 }, 41, T),
    ev({ k: 'task.begin', task: '100-t1', func: 'work' }, 42, T),
    ev({ k: 'task.end', task: '100-t1', ok: false }, 50, T),
    ev({ k: 'sync.signal', ...lock, kind: 'Event', op: 'set' }, 51),
    ev({ k: 'main.done' }, 60),
    ev({ k: 'thread.end', name: 'worker', abandoned: true }, 70, T),
    ev({ k: 'proc.end', code: 0 }, 71),
  ];
  for (const e of events) m.apply(e);
  m.setState('finished');
  return m;
}

test('a thread gets a sub-lane under its process, named, with begin and end', () => {
  const lanes = run().allLanes();
  assert.deepEqual(
    lanes.map((l) => [l.id, l.parent, l.name, l.thread ?? null]),
    [
      ['100', null, 'MainProcess', null],
      ['100/200', 100, 'worker', 200],
    ],
  );
  const thread = lanes[1];
  assert.equal(thread.begin, 11);
  assert.equal(thread.end, 70);
  assert.equal(thread.daemon, true);
  assert.equal(run().getHeader().processes, 1, 'threads are not counted as processes');
});

test('lock, queue and task spans land on the thread lane', () => {
  const spans = run().allSpans();
  const onThread = spans.filter((s) => s.lane === '100/200').map((s) => [s.kind, s.start, s.end]);
  assert.deepEqual(onThread, [
    ['lockWait', 12, 20],
    ['lockHold', 20, 30],
    ['queueBlock', 31, 41],
    ['task', 42, 50],
  ]);
  assert.equal(run().getHeader().lockWaitTotal, 8);
});

test('marks: thread start, signal, failed task, abandoned daemon thread', () => {
  const texts = run()
    .allMarks()
    .map((m) => `${m.lane} ${m.kind} ${m.text}`);
  assert.ok(texts.includes('100 spawn start thread worker'));
  assert.ok(texts.includes('100 mark lock.set()'));
  assert.ok(texts.includes('100/200 exc task 100-t1 raised'));
  assert.ok(texts.includes('100/200 end abandoned at exit (daemon thread)'));
  assert.ok(texts.includes('100 io q.put #100-9'));
  assert.ok(texts.includes('100/200 io q.get #100-9'));
});
