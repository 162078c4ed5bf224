// Unit tests of the delta pump: at most one flush per interval, no flush without a poke, none
// while the previous delivery is pending (for MAX_HOLD_MS), never more than MAX_UNSETTLED pending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeltaPump,
  MAX_HOLD_MS,
  MAX_UNSETTLED,
  MIN_INTERVAL_MS,
  PACE_CAP_MS,
  type PumpTimers,
} from '../../src/core/deltaPump';

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
  // That delivery took 220 ms: the webview gets as long again before the next delta.
  timers.advance(200);
  assert.equal(flushes, 1, 'a slow delivery paces the next post');
  timers.advance(40);
  assert.equal(flushes, 2, 'the pokes meanwhile coalesce into one flush');
  timers.advance(400);
  assert.equal(flushes, 2);
});

test('pacing after a delivery: as long as it took, at most PACE_CAP_MS', async () => {
  for (const [tookMs, wantGap] of [
    [2, MIN_INTERVAL_MS],
    [100, 100],
    [800, PACE_CAP_MS],
  ]) {
    const timers = fakeTimers();
    const flushedAt: number[] = [];
    let deliver: () => void = () => undefined;
    const pump = new DeltaPump(
      () => {
        flushedAt.push(timers.now());
        return new Promise<void>((r) => (deliver = r));
      },
      MIN_INTERVAL_MS,
      timers,
    );
    pump.poke();
    timers.advance(1);
    pump.poke();
    timers.advance(tookMs);
    deliver();
    await Promise.resolve();
    const settledAt = timers.now();
    timers.advance(1000);
    assert.equal(flushedAt.length, 2, `took ${tookMs}`);
    const gap = flushedAt[1] - Math.max(settledAt, flushedAt[0] + MIN_INTERVAL_MS);
    assert.ok(
      Math.abs(gap - (tookMs < MIN_INTERVAL_MS ? 0 : wantGap)) <= 2,
      `took ${tookMs} ms: next post ${gap} ms after the delivery settled`,
    );
  }
});

test('a flush that asks for a pace waits that long after a fast delivery, capped', async () => {
  for (const [askMs, wantGap] of [
    [0, 0],
    [120, 120],
    [5000, PACE_CAP_MS],
  ]) {
    const timers = fakeTimers();
    const flushedAt: number[] = [];
    let deliver: () => void = () => undefined;
    const pump = new DeltaPump(
      () => {
        flushedAt.push(timers.now());
        if (flushedAt.length === 1) pump.paceAtLeast(askMs);
        return new Promise<void>((r) => (deliver = r));
      },
      MIN_INTERVAL_MS,
      timers,
    );
    pump.poke();
    timers.advance(1);
    pump.poke();
    timers.advance(20); // delivered in 20 ms
    deliver();
    await Promise.resolve();
    const settledAt = timers.now();
    timers.advance(1000);
    assert.equal(flushedAt.length, 2, `asked ${askMs}`);
    const gap = flushedAt[1] - settledAt;
    // Without a pace asked for, the pace is the delivery's own 20 ms.
    const want = Math.max(wantGap, 20);
    assert.ok(Math.abs(gap - want) <= 2, `asked ${askMs} ms: next post ${gap} ms after`);
  }
});

test('deliveries that never settle: one more flush after MAX_HOLD_MS, then none', () => {
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
  assert.equal(flushes, 2, 'the hold ended: the panel keeps updating if one promise is lost');
  for (let i = 0; i < 100; i++) {
    pump.poke();
    timers.advance(100);
  }
  assert.equal(flushes, MAX_UNSETTLED, 'but no more than MAX_UNSETTLED posts queue up');
  assert.equal(pump.unsettled, MAX_UNSETTLED);
});

/** A webview channel like VS Code's postMessage: posts are delivered one after another, each
 *  taking `ms`; `post()` resolves when its delivery is done. Counts what is not delivered yet. */
function slowChannel(timers: PumpTimers, ms: number) {
  let busyUntil = 0;
  const ch = {
    posted: 0,
    undelivered: 0,
    maxUndelivered: 0,
    post(): Promise<void> {
      ch.posted++;
      ch.maxUndelivered = Math.max(ch.maxUndelivered, ++ch.undelivered);
      busyUntil = Math.max(busyUntil, timers.now()) + ms;
      return new Promise<void>((r) =>
        timers.setTimeout(() => {
          ch.undelivered--;
          r();
        }, busyUntil - timers.now()),
      );
    },
  };
  return ch;
}

/** Advance fake time 1 ms at a time, letting settled promises run their callbacks. */
async function run(timers: ReturnType<typeof fakeTimers>, ms: number, each?: () => void) {
  for (let t = 0; t < ms; t++) {
    each?.();
    timers.advance(1);
    for (let i = 0; i < 4; i++) await Promise.resolve();
  }
}

test('a webview slower than the hold time never gets more than MAX_UNSETTLED posts queued', async () => {
  for (const deliveryMs of [50, MAX_HOLD_MS - 1, MAX_HOLD_MS + 1, 3 * MAX_HOLD_MS, 20_000]) {
    const timers = fakeTimers();
    const ch = slowChannel(timers, deliveryMs);
    const pump = new DeltaPump(() => ch.post(), MIN_INTERVAL_MS, timers);
    // A traced program that never pauses: changes all the time, for 60 s.
    await run(timers, 60_000, () => pump.poke());
    assert.ok(
      ch.maxUndelivered <= MAX_UNSETTLED,
      `delivery ${deliveryMs} ms: ${ch.maxUndelivered} posts were undelivered at once`,
    );
    assert.ok(ch.posted >= 2, `delivery ${deliveryMs} ms: only ${ch.posted} posts`);
  }
});

test("an older delivery settling does not end a newer post's hold", async () => {
  const timers = fakeTimers();
  const resolvers: (() => void)[] = [];
  let flushes = 0;
  const pump = new DeltaPump(
    () => {
      flushes++;
      return new Promise<void>((r) => resolvers.push(r));
    },
    MIN_INTERVAL_MS,
    timers,
  );
  pump.poke();
  await run(timers, 20);
  pump.poke();
  await run(timers, MAX_HOLD_MS + 20); // the first delivery is late: the hold ends, flush #2
  assert.equal(flushes, 2);
  pump.poke();
  resolvers[0](); // the first delivery lands; the second one was posted just now
  await run(timers, 100);
  assert.equal(flushes, 2, 'flush #2 is still being delivered and within its hold');
  resolvers[1]();
  await run(timers, PACE_CAP_MS + 20);
  assert.equal(flushes, 3, 'the pokes meanwhile flush once #2 landed (and its pacing passed)');
});
