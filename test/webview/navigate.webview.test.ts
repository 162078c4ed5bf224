// Navigate in Chromium: zoom buttons, brushing a range (axis and overview), live follow that stops
// when the user zooms, state saved and restored, SVG/PNG export posted to the host.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { WebviewToHost } from '../../src/shared/webviewProtocol';
import { launch, openWebview, repoRoot, type StubWindow, type WebviewPage } from './harness';
import { assertClean, delta, domain, header, lane } from './helpers';
import { grammarMessages } from './syntheticGrammar';

const posted = (w: WebviewPage): Promise<WebviewToHost[]> =>
  w.page.evaluate(() => (window as unknown as StubWindow).__posted);
const width = (d: [number, number]): number => d[1] - d[0];

/** Drag horizontally across `sel` from fraction a to fraction b of its width. */
async function drag(w: WebviewPage, sel: string, a: number, b: number, shift = false) {
  const box = await w.page.locator(sel).boundingBox();
  assert.ok(box);
  const y = box.y + Math.min(box.height / 2, 10);
  if (shift) await w.page.keyboard.down('Shift');
  await w.page.mouse.move(box.x + box.width * a, y);
  await w.page.mouse.down();
  await w.page.mouse.move(box.x + box.width * b, y, { steps: 6 });
  await w.page.mouse.up();
  if (shift) await w.page.keyboard.up('Shift');
  await w.settle();
}

describe('navigate', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('zoom buttons, brush on the axis, overview window, Fit', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      const full = await domain(w);
      assert.ok(await w.page.locator('[data-testid="overview-window"]').isHidden());
      await w.page.click('[data-testid="zoom-in"]');
      await w.settle();
      const zin = await domain(w);
      assert.ok(Math.abs(width(zin) - width(full) / 2) < width(full) * 0.01, `${zin} vs ${full}`);
      assert.ok(await w.page.locator('[data-testid="overview-window"]').isVisible());
      await w.page.click('[data-testid="zoom-out"]');
      await w.settle();
      assert.deepEqual(await domain(w), full);
      await drag(w, '[data-testid="axis"]', 0.4, 0.6);
      const brushed = await domain(w);
      assert.ok(width(brushed) < width(full) * 0.3, `brushed ${brushed}`);
      assert.ok(brushed[0] > full[0] && brushed[1] < full[1]);
      await w.shot('brushed');
      await drag(w, '[data-testid="lanes"]', 0.2, 0.3, true);
      assert.ok(width(await domain(w)) < width(brushed) * 0.5, 'shift+drag on the lanes zooms too');
      await drag(w, '[data-testid="overview"]', 0.15, 0.5);
      const ov = await domain(w);
      assert.ok(width(ov) > width(brushed), `overview brush ${ov}`);
      await w.page.click('[data-testid="fit"]');
      await w.settle();
      assert.deepEqual(await domain(w), full);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('live: the view follows the run until the user zooms', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(delta({ lanes: [lane(5)], header: header({ duration: 100e6 }) }));
      const d1 = await domain(w);
      await w.post(delta({ header: header({ duration: 300e6 }) }));
      const d2 = await domain(w);
      assert.ok(d2[1] > d1[1] * 2, `follows the tail: ${d1} → ${d2}`);
      await w.page.click('[data-testid="zoom-in"]');
      await w.settle();
      const zoomed = await domain(w);
      await w.post(delta({ header: header({ duration: 600e6 }) }));
      assert.deepEqual(await domain(w), zoomed, 'a zoomed view stays put');
      await w.page.click('[data-testid="fit"]');
      await w.settle();
      assert.equal((await domain(w))[1], 600e6);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('state is saved and restored: zoom, selection, filter, collapsed lanes, the run', async () => {
    const w = await openWebview(browser);
    let saved: unknown;
    let zoomed: [number, number];
    try {
      await w.post(...grammarMessages());
      await w.page.click('[data-testid="zoom-in"]');
      await w.page.fill('[data-testid="search"]', 'item');
      await w.page.locator('[data-testid="lane-toggle"]').first().click();
      await w.settle();
      await w.page.focus('.sl-scroll');
      await w.page.keyboard.press('ArrowRight');
      await w.page.keyboard.press('Enter');
      await w.settle();
      zoomed = await domain(w);
      saved = await w.page.evaluate(() => (window as unknown as StubWindow).__state);
      assert.ok(saved && typeof saved === 'object' && 'view' in saved && 'model' in saved);
    } finally {
      await w.close();
    }
    // A reloaded webview: the host has no run any more, the saved one is shown as it was.
    const r = await openWebview(browser, { state: saved });
    try {
      await r.settle();
      assert.deepEqual(await domain(r), zoomed);
      assert.equal(await r.page.inputValue('[data-testid="search"]'), 'item');
      assert.equal(await r.page.locator('[data-testid="lane"]').count(), 4, 'threads still hidden');
      assert.ok(await r.page.locator('[data-testid="inspector"]').isVisible());
      // The host comes back with the same run (reset + snapshot): nothing is lost.
      await r.post(...grammarMessages());
      assert.deepEqual(await domain(r), zoomed);
      assert.ok(await r.page.locator('[data-testid="inspector"]').isVisible());
      await r.shot('restored');
      await assertClean(r);
    } finally {
      await r.close();
    }
  });

  test('export: SVG text and a PNG data URL are posted to the host', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      await w.page.click('[data-testid="export-svg"]');
      await w.page.click('[data-testid="export-png"]');
      await w.page.waitForFunction(
        () =>
          (window as unknown as StubWindow).__posted.filter((m) => m.type === 'export').length ===
          2,
      );
      const out = (await posted(w)).filter((m) => m.type === 'export');
      const svg = out.find((m) => m.type === 'export' && m.format === 'svg');
      const png = out.find((m) => m.type === 'export' && m.format === 'png');
      assert.ok(svg?.type === 'export' && png?.type === 'export');
      assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok(svg.data.includes('Producer (101)'));
      assert.doesNotMatch(svg.data, /<script|class="/);
      assert.match(png.data, /^data:image\/png;base64,/);
      const dir = join(repoRoot(), 'test-results', 'webview');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'export.svg'), svg.data);
      const bytes = Buffer.from(png.data.split(',')[1], 'base64');
      assert.ok(bytes.length > 5000, `png of ${bytes.length} bytes`);
      writeFileSync(join(dir, 'export.png'), bytes);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
