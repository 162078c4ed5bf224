// Compare…: a run's panel spans the shared axis end the host sends, even when its run is shorter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, openWebview } from './harness';
import { assertClean, delta, domain, header, lane } from './helpers';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the time axis reaches header.axisEnd, and follows it when it grows', async () => {
  const w = await openWebview(browser);
  try {
    const h = header({ state: 'finished', duration: 300e6 });
    await w.post(
      { type: 'init', strings: {} },
      delta({ lanes: [lane(1, { end: 300e6 })], header: h }),
    );
    const own = await domain(w);
    assert.ok(own[1] >= 300e6 && own[1] < 1e9, `own run only: ${own}`);
    await w.post(delta({ header: { ...h, axisEnd: 2e9 } }));
    const shared = await domain(w);
    assert.ok(shared[1] >= 2e9, `shared axis: ${shared}`);
    await w.post(delta({ header: { ...h, axisEnd: 5e9 } }));
    assert.ok((await domain(w))[1] >= 5e9, 'grows with the longer run');
    await assertClean(w);
  } finally {
    await w.close();
  }
});
