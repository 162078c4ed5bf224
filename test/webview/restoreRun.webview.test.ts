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
    // Another run starts in this panel: the saved run is dropped, so a reload cannot bring
    // the old one back in the new one's place.
    await r.post({ type: 'reset' });
    const after = await r.page.evaluate(() => (window as unknown as StubWindow).__state);
    assert.ok(after && typeof after === 'object' && !('model' in after), 'saved run dropped');
    await assertClean(r);
  } finally {
    await r.close();
  }
});

test('revived without its run: the panel says the run was not kept, until a new run comes', async () => {
  const file = join(repoRoot(), 'test', 'fixtures', 'lock-demo-10.delta.json');
  const msgs = JSON.parse(readFileSync(file, 'utf8')) as HostToWebview[];
  const w = await openWebview(browser);
  let viewOnly: unknown;
  try {
    await w.post(...msgs);
    await w.page.click('[data-testid="zoom-in"]');
    await w.settle();
    const saved = (await w.page.evaluate(() => (window as unknown as StubWindow).__state)) as {
      view: unknown;
    };
    viewOnly = { view: saved.view }; // what a run still going at the reload leaves
  } finally {
    await w.close();
  }
  // Hidden and shown again mid-run: the host has the run (no `noRun`), the panel waits for it.
  const shown = await openWebview(browser, { state: viewOnly });
  try {
    await shown.post({ type: 'init', strings: {} });
    assert.match((await shown.page.textContent('[data-testid="empty"]')) ?? '', /Waiting/);
    assert.ok(await shown.page.locator('[data-testid="state"]').isVisible());
  } finally {
    await shown.close();
  }
  const r = await openWebview(browser, { state: viewOnly });
  try {
    await r.post({ type: 'init', strings: {}, noRun: true });
    assert.match((await r.page.textContent('[data-testid="empty"]')) ?? '', /not kept/);
    assert.ok(await r.page.locator('[data-testid="state"]').isHidden(), 'no state badge');
    assert.ok(await r.page.locator('[data-testid="stop"]').isHidden(), 'no Stop button');
    await r.shot('revived-not-kept');
    // A new run in the same panel: shown as usual.
    await r.post({ type: 'reset' }, ...msgs.filter((m) => m.type !== 'init'));
    assert.ok(await r.page.locator('[data-testid="empty"]').isHidden());
    assert.equal(
      await r.page.locator('[data-testid="state"]').getAttribute('data-state'),
      'finished',
    );
    assert.ok(await r.page.locator('[data-testid="state"]').isVisible());
    await assertClean(r);
  } finally {
    await r.close();
  }
});
