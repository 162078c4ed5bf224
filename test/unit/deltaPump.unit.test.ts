// Unit tests of the delta pump: at most one flush per interval, no flush without a poke, none
// while the previous delivery is pending (bounded by MAX_HOLD_MS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeltaPump, MAX_HOLD_MS, MIN_INTERVAL_MS, type PumpTimers } from '../../src/core/deltaPump';

function fakeTimers(): PumpTimers & { advance(ms: number): void } {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      queue.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout: (h) => {
      queue = queue.filter((q) => q.id !== h);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue.shift();
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

test('a storm of pokes flushes at most 60 times a second', () => {
  const timers = fakeTimers();
  let flushes = 0;
  const pump = new DeltaPump(() => flushes++, MIN_INTERVAL_MS, timers);
  for (let ms = 0; ms < 1000; ms++) {
    for (let i = 0; i < 50; i++) pump.poke();
    timers.advance(1);
  }
  assert.ok(flushes <= 61 && flushes >= 55, `flushes=${flushes}`);
});

test('no poke, no flush; flushNow is immediate and cancels the pending one', () => {
  const timers = fakeTimers();
  let flushes = 0;
  const pump = new DeltaPump(() => flushes++, MIN_INTERVAL_MS, timers);
  timers.advance(1000);
  assert.equal(flushes, 0);
  pump.poke();
  pump.flushNow();
  assert.equal(flushes, 1);
  timers.advance(1000);
  assert.equal(flushes, 1);
});

test('a flush that returns a promise holds the next one back until it settles', async () => {
  const timers = fakeTimers();
  let flushes = 0;
  let deliver: () => void = () => undefined;
  const pump = new DeltaPump(
    () => {
      flushes++;
      return new Promise<void>((r) => (deliver = r));
    },
    MIN_INTERVAL_MS,
    timers,
  );
  pump.poke();
  timers.advance(20);
  assert.equal(flushes, 1);
  for (let i = 0; i < 10; i++) {
    pump.poke();
    timers.advance(20);
  }
  assert.equal(flushes, 1, 'nothing posted while the webview has not got the last delta');
  deliver();
  await Promise.resolve();
  timers.advance(20);
  assert.equal(flushes, 2, 'the pokes meanwhile coalesce into one flush');
  timers.advance(200);
  assert.equal(flushes, 2);
});

test('a delivery that never settles holds deltas back for MAX_HOLD_MS only', () => {
  const timers = fakeTimers();
  let flushes = 0;
  const pump = new DeltaPump(
    () => {
      flushes++;
      return new Promise<void>(() => undefined);
    },
    MIN_INTERVAL_MS,
    timers,
  );
  pump.poke();
  timers.advance(20);
  pump.poke();
  timers.advance(MAX_HOLD_MS - 100);
  assert.equal(flushes, 1);
  timers.advance(200);
  assert.equal(flushes, 2);
});
