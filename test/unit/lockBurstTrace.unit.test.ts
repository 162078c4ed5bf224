// A real tracer stream with lock.burst events, through the real parser, validator and model.
// Fixture: `PYTHONPATH=src/python python3 -m swimlane_tracer
// test/fixtures/programs/lock_bursts.py 300 > test/fixtures/lock-bursts.trace` (protocol 1.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameParser } from '../../src/core/frameParser';
import { TraceModel } from '../../src/core/traceModel';

const FIXTURE = readFileSync(join(__dirname, '../../../test/fixtures/lock-bursts.trace'));

test('bursts from the real tracer validate and become counted hold spans', () => {
  const model = new TraceModel({ title: 'bursts' });
  const parser = new FrameParser();
  let events = 0;
  for (const item of parser.push(FIXTURE)) {
    assert.equal(item.type, 'event', `every frame is a valid event: ${JSON.stringify(item)}`);
    if (item.type === 'event') {
      model.apply(item.event);
      events++;
    }
  }
  model.setState('finished');
  assert.equal(model.getHeader().badFrames, 0);
  assert.ok(events > 20);
  const holds = model.allSpans().filter((s) => s.kind === 'lockHold');
  const count = (label: string): number =>
    holds
      .filter((s) => s.label === `holds ${label}` || s.label.startsWith(`holds ${label} `))
      .reduce((n, s) => n + Number(/×(\d+)/.exec(s.label)?.[1] ?? 1), 0);
  // 300 loop holds each, plus the multiprocessing lock's hold across a sleep.
  assert.equal(count('lock'), 301);
  assert.equal(count('rlock'), 300);
  assert.ok(
    holds.some((s) => /^holds lock ×\d+ \(/.test(s.label)),
    'a burst span',
  );
  for (const s of holds) {
    assert.ok(s.end !== null && s.end >= s.start, `${s.label} closed, end after start`);
  }
  // The contended gate: one wait, ending where the second holder's hold starts.
  const waits = model.allSpans().filter((s) => s.kind === 'lockWait');
  assert.equal(waits.length, 1);
  const gateHolds = holds.filter((s) => s.label === 'holds gate');
  assert.equal(gateHolds.length, 2);
  assert.ok(gateHolds.some((s) => s.start === waits[0].end));
});
