// Unit tests of the span and mark findings: lock wait, deadlock cycle, queue depth, speed-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeadlockCycle } from '../../src/core/deadlockCycle';
import { computeFindings } from '../../src/core/findings';
import type { Header, Lane, Mark, Span } from '../../src/shared/webviewProtocol';

const header = (over: Partial<Header> = {}): Header => ({
  title: 't',
  state: 'finished',
  duration: 0,
  processes: 1,
  ticketsSold: null,
  ticketsAvailable: null,
  lockWaitTotal: 0,
  lockWaitMax: 0,
  mainDone: null,
  events: 0,
  badFrames: 0,
  dropped: 0,
  error: null,
  ...over,
});
const lane = (id: string, name: string): Lane => ({
  id,
  pid: 1,
  name,
  parent: null,
  order: 0,
  daemon: false,
  main: false,
  begin: 0,
  end: 1,
  exitCode: null,
});
let ids = 0;
const span = (l: string, kind: Span['kind'], lock: string, start: number, end: number | null) => {
  const label = kind === 'lockHold' ? `holds ${lock}` : `waits for ${lock}`;
  return { id: ids++, lane: l, kind, start, end, label, lockId: `id-${lock}` } satisfies Span;
};
const mark = (l: string, kind: Mark['kind'], t: number, text: string): Mark => ({
  id: ids++,
  lane: l,
  kind,
  t,
  text,
});
const lanes = [lane('1/11', 'worker-1'), lane('1/12', 'worker-2'), lane('1/13', 'worker-3')];

// worker-1 holds a and waits for b; worker-2 holds b and waits for a; both at 10..30.
const inversion = [
  span('1/11', 'lockHold', 'lock_a', 0, 40),
  span('1/12', 'lockHold', 'lock_b', 5, 50),
  span('1/11', 'lockWait', 'lock_b', 10, 40),
  span('1/12', 'lockWait', 'lock_a', 12, 40),
  span('1/12', 'lockHold', 'lock_a', 40, 50),
];

test('a lock-order inversion is reported as a cycle, with lane names', () => {
  const cycle = findDeadlockCycle(inversion);
  assert.deepEqual(cycle, [
    { lane: '1/11', held: 'lock_a', wanted: 'lock_b' },
    { lane: '1/12', held: 'lock_b', wanted: 'lock_a' },
  ]);
  const f = computeFindings({ header: header(), lanes, spans: inversion });
  assert.equal(
    f[0],
    'Deadlock cycle: worker-1 holds lock_a and waits for lock_b; worker-2 holds lock_b and waits for lock_a',
  );
});

test('no cycle when the waits do not overlap in time, or with one lock only', () => {
  const apart = [
    span('1/11', 'lockHold', 'lock_a', 0, 20),
    span('1/11', 'lockWait', 'lock_b', 10, 20),
    span('1/12', 'lockHold', 'lock_b', 0, 9),
    span('1/12', 'lockHold', 'lock_b', 30, 50),
    span('1/12', 'lockWait', 'lock_a', 35, 40),
  ];
  assert.equal(findDeadlockCycle(apart), null);
  const serial = [
    span('1/11', 'lockHold', 'lock', 0, 10),
    span('1/12', 'lockWait', 'lock', 1, 10),
    span('1/12', 'lockHold', 'lock', 10, 20),
  ];
  assert.equal(findDeadlockCycle(serial), null);
});

test('a three-way cycle (dining philosophers) is found, an open wait counts', () => {
  const three = [
    span('1/11', 'lockHold', 'f1', 0, null),
    span('1/12', 'lockHold', 'f2', 0, null),
    span('1/13', 'lockHold', 'f3', 0, null),
    span('1/11', 'lockWait', 'f2', 5, null),
    span('1/12', 'lockWait', 'f3', 6, null),
    span('1/13', 'lockWait', 'f1', 7, null),
  ];
  assert.equal(findDeadlockCycle(three)?.length, 3);
});

test('lock wait names the total, the longest and who waited', () => {
  const spans = [
    span('1/11', 'lockWait', 'lock', 0, 2e9),
    span('1/12', 'lockWait', 'lock', 0, 5e8),
  ];
  const f = computeFindings({
    header: header({ lockWaitTotal: 2.5e9, lockWaitMax: 2e9 }),
    lanes,
    spans,
  });
  assert.deepEqual(f, ['Lock wait: 2.500 s in total, longest 2.000 s (worker-1 for lock)']);
});

test('queue depth counts puts minus gets in time order', () => {
  const marks = [
    mark('2', 'io', 1, 'q.put #2-1'),
    mark('2', 'io', 2, 'q.put #2-2'),
    mark('3', 'io', 4, 'q.get #2-1'),
    mark('2', 'io', 3, 'q.put #2-3'),
    mark('3', 'io', 5, 'q.get #2-2'),
    mark('3', 'io', 6, 'q.get #2-3'),
    mark('3', 'io', 7, 'read db.txt: {}'),
  ];
  const f = computeFindings({ header: header(), lanes: [], marks });
  assert.deepEqual(f, ['Queue q: at most 3 items waiting (3 put, 3 got)']);
});

test('threads vs processes speed-up, exceptions, timeouts and abandoned daemon threads', () => {
  const marks = [
    mark('1', 'mark', 1, 'threads took 1.200 s'),
    mark('1', 'mark', 2, 'processes took 0.400 s'),
    mark('1/11', 'exc', 3, 'AssertionError: daemonic processes are not allowed to have children'),
    mark('1/11', 'mark', 4, 'gave up waiting for lock_b'),
    mark('1/12', 'end', 5, 'abandoned at exit (daemon thread)'),
  ];
  const f = computeFindings({ header: header(), lanes, marks });
  assert.deepEqual(f, [
    'Gave up waiting (timeout): worker-1 → lock_b',
    'Uncaught exception: worker-1: AssertionError: daemonic processes are not allowed to have children',
    'Daemon thread abandoned when its process exited: worker-2',
    'CPU-bound: processes 3.0× faster than threads (threads 1.20 s, processes 0.40 s): the GIL runs one thread at a time',
  ]);
  const zh = computeFindings({ header: header(), lanes, marks, lang: 'zh' });
  assert.equal(zh.length, 4);
  for (const s of zh) assert.ok(/[\u4e00-\u9fff]/.test(s), s);
});

test('oversold in Chinese', () => {
  const f = computeFindings({
    header: header({ ticketsSold: 3, ticketsAvailable: 1 }),
    lanes: [],
    lang: 'zh',
  });
  assert.deepEqual(f, ['超卖 2 张：卖出 3 张，仅有 1 张（db.txt 更新丢失）']);
});
