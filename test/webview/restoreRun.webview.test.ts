// A reloaded window in Chromium: a real (recorded) Lock Demo run that the webview saved with
// setState comes back from that state alone, with no host message: lanes, state and tickets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HostToWebview } from '../../src/shared/webviewProtocol';
import { launch, openWebview, repoRoot, type StubWindow } from './harness';
import { assertClean } from './helpers';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a recorded Lock Demo run is saved and shown again from the saved state', async () => {
  const file = join(repoRoot(), 'test', 'fixtures', 'lock-demo-10.delta.json');
  const msgs = JSON.parse(readFileSync(file, 'utf8')) as HostToWebview[];
  const w = await openWebview(browser);
  let saved: unknown;
  let lanes: number;
  try {
    await w.post(...msgs);
    lanes = await w.page.locator('[data-testid="lane"]').count();
    assert.ok(lanes >= 11, `lanes: ${lanes}`);
    saved = await w.page.evaluate(() => (window as unknown as StubWindow).__state);
    assert.ok(saved && typeof saved === 'object' && 'model' in saved, 'the run is saved');
  } finally {
    await w.close();
  }
  const r = await openWebview(browser, { state: saved });
  try {
    await r.settle();
    assert.equal(await r.page.locator('[data-testid="lane"]').count(), lanes);
    const state = r.page.locator('[data-testid="state"]');
    assert.equal(
      (await state.getAttribute('data-state')) ?? (await state.textContent()),
      'finished',
    );
    assert.match((await r.page.textContent('[data-testid="tickets"]')) ?? '', /1 sold/);
    await r.shot('lock-demo-10-restored');
    await assertClean(r);
  } finally {
    await r.close();
  }
});
