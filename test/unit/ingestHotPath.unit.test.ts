// The host's ingest hot path (branch ingest2): the frame parser's sink gives exactly what push()
// gives, eventError agrees with validateEvent, LabelCache makes each label once and stays
// bounded, OpenSpans finds spans by (pid, tid, tag, id) and lists them in opening order, and the
// model closes a lane's and the run's open spans in the order they were opened.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TraceEvent } from '../../src/core/events';
import { FrameParser, ItemList, type ParsedItem } from '../../src/core/frameParser';
import { LabelCache } from '../../src/core/labelCache';
import { OpenSpans } from '../../src/core/openSpans';
import { TraceModel } from '../../src/core/traceModel';
import { tallyQueues, type QueueTally } from '../../src/core/retention';
import { eventError, validateEvent } from '../../src/core/validateEvent';
import type { Mark, Span } from '../../src/shared/webviewProtocol';

const FIXTURE = readFileSync(join(__dirname, '../../../test/fixtures/lock-demo-10.trace'));
const enc = new TextEncoder();

test('parse() into a sink hands over the same items, in the same order, as push()', () => {
  const junk = enc.encode(
    'plain output\n\x1e{"k":"mark","t":1,"pid":1,"tid":1,"label":"ok"}\n' +
      '\x1e{not json}\n\x1e{"k":"nope","t":1,"pid":1,"tid":1}\n\x1e{"k":"mark","t":2' +
      '\x1e{"k":"mark","t":3,"pid":1,"tid":1,"label":"é ✓"}\nmore output',
  );
  const bytes = new Uint8Array([...FIXTURE, ...junk, 0x1e, 0xff, 0xfe, 0x0a, ...FIXTURE]);
  for (const size of [bytes.length, 1, 7, 300]) {
    const a = new FrameParser();
    const b = new FrameParser();
    const listed: ParsedItem[] = [];
    const sink = new ItemList();
    for (let i = 0; i < bytes.length; i += size) {
      listed.push(...a.push(bytes.subarray(i, i + size)));
      b.parse(bytes.subarray(i, i + size), sink);
    }
    listed.push(...a.end());
    sink.items.push(...b.end());
    assert.deepEqual(sink.items, listed, `chunks of ${size}`);
    assert.deepEqual([b.events, b.badFrames], [a.events, a.badFrames]);
    assert.equal(b.badFrames, 4, `chunks of ${size}: 3 bad frames + 1 invalid UTF-8`);
  }
});

test('eventError says what validateEvent says, and null for a valid event', () => {
  const good = { k: 'lock.wait', t: 1, pid: 2, tid: 3, id: 'a', kind: 'Lock', label: 'l' };
  assert.equal(eventError(good), null);
  assert.deepEqual(validateEvent(good), { ok: true, event: good });
  const bad: unknown[] = [
    null,
    [],
    'x',
    { ...good, k: 'what' },
    { ...good, t: 1.5 },
    { ...good, pid: '2' },
    { ...good, tid: undefined },
    { ...good, src: ['f'] },
    { ...good, label: 3 },
  ];
  for (const raw of bad) {
    const error = eventError(raw);
    assert.ok(error, JSON.stringify(raw));
    assert.deepEqual(validateEvent(raw), { ok: false, error });
  }
  assert.equal(eventError({ ...good, t: 1.5 }), 'lock.wait: field t must be an integer');
});

test('LabelCache makes each label once, gives back the same text, and stays bounded', () => {
  let made = 0;
  const holds = new LabelCache<string>((l) => (made++, `holds ${l}`), 3);
  assert.equal(holds.get('a'), 'holds a');
  assert.equal(holds.get('a'), 'holds a');
  assert.equal(holds.get('b'), 'holds b');
  assert.equal(made, 2);
  for (const k of ['c', 'd', 'e', 'f', 'g']) assert.equal(holds.get(k), `holds ${k}`);
  assert.ok(holds.size <= 3, `${holds.size} keys held`);
  const sleeps = new LabelCache<number>((s) => `sleep(${Number(s.toFixed(3))} s)`);
  assert.equal(sleeps.get(0.0012345), 'sleep(0.001 s)');
  assert.equal(sleeps.get(2), 'sleep(2 s)');
});

test('OpenSpans finds spans by (pid, tid, tag, id) and lists them in opening order', () => {
  const span = (id: number, lane: string): Span =>
    ({ id, lane, kind: 'sleep', start: id, end: null, label: '' }) as Span;
  const open = new OpenSpans();
  open.add(1, 11, 'w', 'L', span(5, '1/11'));
  open.add(1, 12, 'w', 'L', span(3, '1/12'));
  open.add(2, 21, 's', '', span(7, '2/21'));
  open.add(1, 11, 'h', 'L', span(9, '1/11'));
  assert.equal(open.take(1, 11, 'w', 'M'), undefined);
  assert.equal(open.take(1, 99, 'w', 'L'), undefined);
  assert.deepEqual(
    open.all().map((h) => h.span.id),
    [3, 5, 7, 9],
  );
  assert.equal(open.take(1, 11, 'w', 'L')?.id, 5);
  assert.equal(open.take(1, 11, 'w', 'L'), undefined, 'taken once');
  const [first] = open.all();
  open.remove(first);
  assert.deepEqual(
    open.all().map((h) => h.span.id),
    [7, 9],
  );
});

test('a thread end and the run end close open spans in the order they were opened', () => {
  const m = new TraceModel({ title: 't' });
  const lock = (id: string) => ({ id, kind: 'Lock', label: id });
  const hello = { k: 'hello', t: 0, tid: 1, v: 1, py: '3', tracer: '0', method: 'fork' };
  // Opening order differs from any grouping by thread or slot: b (thread 2), a sleep (thread 3),
  // a sleep and a (thread 2), c (thread 1), a task (thread 3).
  const events = [
    { ...hello, argv: [], wall: 0, ppid: 0, main: true },
    { k: 'lock.wait', t: 1, tid: 2, ...lock('b') },
    { k: 'sleep', t: 2, tid: 3, secs: 1 },
    { k: 'sleep', t: 3, tid: 2, secs: 2 },
    { k: 'lock.wait', t: 4, tid: 2, ...lock('a') },
    { k: 'lock.wait', t: 5, tid: 1, ...lock('c') },
    { k: 'task.begin', t: 6, tid: 3, task: 'x', func: 'f' },
  ].map((e) => ({ pid: 1, ...e }) as TraceEvent);
  for (const e of events) m.apply(e);
  m.takeDelta();
  m.apply({ pid: 1, k: 'thread.end', t: 10, tid: 2, name: 'w' } as TraceEvent);
  assert.deepEqual(
    m.takeDelta().spans.map((s) => [s.label, s.end]),
    [
      ['waits for b', 10],
      ['sleep(2 s)', 10],
      ['waits for a', 10],
    ],
  );
  m.setState('finished');
  assert.deepEqual(
    m.takeDelta().spans.map((s) => s.label),
    ['sleep(1 s)', 'waits for c', 'task f'],
  );
  assert.ok(m.allSpans().every((s) => s.end !== null));
});

test('tallyQueues: marks in or out of order tally as if sorted by time, a put first at a tie', () => {
  // Reference: sort (time, put before get), then count; what tallyQueues promises.
  const reference = (marks: Mark[]): Map<string, QueueTally> => {
    const out = new Map<string, QueueTally>();
    const ops = marks
      .map((m) => /^(.*)\.(put|get) #\S+$/.exec(m.text))
      .map((q, i) => ({ q, t: marks[i].t }))
      .filter((o) => o.q !== null)
      .map(({ q, t }) => ({ name: q![1], t, d: q![2] === 'put' ? 1 : -1 }))
      .sort((a, b) => a.t - b.t || b.d - a.d);
    for (const { name, d } of ops) {
      const t = out.get(name) ?? { puts: 0, gets: 0, depth: 0, max: 0 };
      t.depth += d;
      if (d > 0) t.puts++;
      else t.gets++;
      t.max = Math.max(t.max, t.depth);
      out.set(name, t);
    }
    return out;
  };
  let seed = 7;
  const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let round = 0; round < 50; round++) {
    const marks: Mark[] = [];
    for (let i = 0; i < 200; i++) {
      const queue = ['jobs', 'q.x', 'a #b'][rnd(3)];
      const op = rnd(2) ? 'put' : 'get';
      // Mostly in order, sometimes a step back, often ties.
      const t = round % 2 ? i >> 1 : i - rnd(4);
      marks.push({ id: i, lane: '1', kind: 'io', t, text: `${queue}.${op} #${rnd(9)}` });
    }
    marks.push({ id: 999, lane: '1', kind: 'print', t: 3, text: 'jobs.put #1' });
    const into = new Map([['jobs', { puts: 2, gets: 1, depth: 1, max: 2 }]]);
    const want = reference(marks.filter((m) => m.kind === 'io'));
    const got = tallyQueues(marks, into);
    for (const [name, t] of want) {
      const base = name === 'jobs' ? into.get('jobs')! : { puts: 0, gets: 0, depth: 0, max: 0 };
      const g = got.get(name)!;
      assert.deepEqual(
        [g.puts - base.puts, g.gets - base.gets, g.depth - base.depth],
        [t.puts, t.gets, t.depth],
        `round ${round}, ${name}`,
      );
      if (name !== 'jobs') assert.equal(g.max, t.max, `round ${round}, ${name} max`);
    }
    assert.deepEqual(into.get('jobs'), { puts: 2, gets: 1, depth: 1, max: 2 }, 'input untouched');
  }
  // A get that arrives before its put (another process), and a get before a put at one time.
  const io = (id: number, t: number, text: string): Mark => ({
    id,
    lane: '1',
    kind: 'io',
    t,
    text,
  });
  const late = tallyQueues([io(1, 2, 'x.get #1'), io(2, 1, 'x.put #1'), io(3, 5, 'x.get #2')]);
  assert.deepEqual(late.get('x'), { puts: 1, gets: 2, depth: -1, max: 1 });
  const tie = tallyQueues([io(1, 5, 'y.get #1'), io(2, 5, 'y.put #1')]);
  assert.deepEqual(tie.get('y'), { puts: 1, gets: 1, depth: 0, max: 1 });
});
