// Unit tests of bounded retention: beyond the budget, old detail is merged into one summary span
// per lane, counted in header.dropped, while open spans and recent detail are kept exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TraceModel } from '../../src/core/traceModel';
import { QUEUE_MARK, queueOp } from '../../src/core/retention';
import { events, PID } from './retentionEvents';

const BUDGET = { spans: 100, marks: 120, flows: 30 };
function run(rounds: number, check?: (m: TraceModel) => void): TraceModel {
  const model = new TraceModel({ title: 'retention', retention: BUDGET });
  for (const e of events(rounds)) {
    model.apply(e);
    check?.(model);
  }
  return model;
}

test('a long run keeps at most ~the budget, however long it runs', () => {
  let maxSpans = 0;
  let maxMarks = 0;
  let maxFlows = 0;
  const model = run(5000, (m) => {
    maxSpans = Math.max(maxSpans, m.allSpans().length);
    maxMarks = Math.max(maxMarks, m.allMarks().length);
    maxFlows = Math.max(maxFlows, m.allFlows().length);
  });
  assert.ok(maxSpans <= BUDGET.spans + 1, `spans peaked at ${maxSpans}`);
  assert.ok(maxMarks <= BUDGET.marks + 1, `marks peaked at ${maxMarks}`);
  assert.ok(maxFlows <= BUDGET.flows + 1, `flows peaked at ${maxFlows}`);
  assert.equal(model.getHeader().events, 4 + 6 * 5000);
  assert.equal(model.getHeader().lockWaitTotal, 10 * 5000, 'header totals are not trimmed');
});

test('what was merged is counted exactly and summarised per lane', () => {
  const rounds = 3000;
  const model = run(rounds);
  const h = model.getHeader();
  const spansMade = 1 + 2 * rounds; // lock1 hold + per round a wait and a hold
  const marksMade = 3 * rounds; // at least: release, print and queue marks per round
  const kept = { spans: model.allSpans().length, marks: model.allMarks().length };
  const flowsKept = model.allFlows().length;
  const summaries = model.summarySpans();
  assert.equal(summaries.length, 2, 'one summary span per lane that lost detail');
  const main = summaries.find((s) => s.lane === String(PID));
  assert.ok(main, 'the main lane has a summary');
  assert.equal(main.kind, 'run');
  const holds = Number(/lockHold ×(\d+)/.exec(main.label)?.[1]);
  const waits = Number(/lockWait ×(\d+)/.exec(main.label)?.[1]);
  const prints = Number(/print ×(\d+)/.exec(main.label)?.[1]);
  assert.ok(holds > 0 && waits > 0 && prints > 0, main.label);
  const keptHolds = model.allSpans().filter((s) => s.kind === 'lockHold' && s.lane === main.lane);
  assert.equal(holds + keptHolds.length, rounds, 'every hold is either kept or counted');
  assert.ok(marksMade > kept.marks);
  // dropped = merged spans + merged marks + merged flows, all of which the summaries count.
  const mergedSpans = spansMade - kept.spans;
  const flowsMade = rounds + 1; // one queue arrow per round and the thread's spawn arrow
  const mergedFlows = flowsMade - flowsKept;
  const summaryMarks = summaries.reduce(
    (n, s) => n + Number(/; (\d+) marks/.exec(s.label)?.[1]),
    0,
  );
  assert.equal(h.dropped, mergedSpans + summaryMarks + mergedFlows);
  assert.ok(h.mergedBefore !== undefined);
  for (const s of model.allSpans()) {
    assert.ok(s.end === null || s.end >= h.mergedBefore, 'kept spans end after the horizon');
  }
  for (const m of model.allMarks()) assert.ok(m.t >= h.mergedBefore);
  assert.ok(main.end !== null && main.end <= h.mergedBefore && main.start < main.end);
});

test('an open span older than the horizon is never merged', () => {
  const model = run(3000);
  const held = model.allSpans().find((s) => s.lockId === `${PID}-1`);
  assert.ok(held, 'the lock held since the start is kept');
  assert.equal(held.end, null);
  assert.ok(held.start < (model.getHeader().mergedBefore ?? 0));
  model.setState('finished');
  assert.ok(model.allSpans().find((s) => s.lockId === `${PID}-1`)?.end !== null);
});

test('deltas and snapshots carry the summaries and no merged item; ids stay unique', () => {
  const model = new TraceModel({ title: 'retention', retention: BUDGET });
  const seen = new Map<number, string>();
  let i = 0;
  for (const e of events(2000)) {
    model.apply(e);
    if (++i % 500 === 0) {
      const d = model.takeDelta();
      const h = d.header.mergedBefore ?? -Infinity;
      for (const m of d.marks) assert.ok(m.t >= h, 'a delta never brings back a merged mark');
      for (const s of d.spans) {
        const prev = seen.get(s.id);
        assert.ok(prev === undefined || prev === s.lane, 'span ids are never reused');
        seen.set(s.id, s.lane);
      }
    }
  }
  const snap = model.snapshot();
  const ids = snap.spans.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(snap.spans.filter((s) => s.kind === 'run').length, 2);
  assert.ok(snap.header.dropped > 0);
  assert.ok(snap.spans.length <= BUDGET.spans + 3);
});

test('a short run is untouched: nothing merged, no summary', () => {
  const model = run(10);
  assert.equal(model.getHeader().dropped, 0);
  assert.equal(model.getHeader().mergedBefore, undefined);
  assert.equal(model.summarySpans().length, 0);
  assert.equal(model.allSpans().length, 21);
});

test('queue marks are read exactly as QUEUE_MARK reads them, on generated texts', () => {
  // queueOp() replaces the regex on the findings' hot path: same label and op, same rejects.
  const parts = [
    'jobs',
    'q',
    '.put',
    '.get',
    ' #',
    '#',
    ' ',
    '\n',
    '\u2028',
    '\t',
    '\u00a0',
    'x',
    '7-1',
    '.',
    'p',
    'ut',
    '中',
  ];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let matched = 0;
  for (let i = 0; i < 50_000; i++) {
    const some = (): string => {
      let out = '';
      const n = Math.floor(next() * 4);
      for (let k = 0; k < n; k++) out += parts[Math.floor(next() * parts.length)];
      return out;
    };
    // Half of them shaped like a queue mark (label, op, " #", item), any part possibly off.
    const text =
      next() < 0.5 ? some() + some() : `${some()}${next() < 0.5 ? '.put' : '.get'} #${some()}`;
    const q = QUEUE_MARK.exec(text);
    const got = queueOp(text);
    const want = q ? { at: q[1].length, d: q[2] === 'put' ? 1 : -1 } : null;
    assert.deepEqual(got, want, JSON.stringify(text));
    if (q) matched++;
  }
  assert.ok(matched > 1000, `only ${matched} matching texts: the generator must make some`);
});
