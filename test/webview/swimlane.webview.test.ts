// The built webview in headless Chromium, fed recorded traces (every test/fixtures/*.delta.json).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HostToWebview } from '../../src/shared/webviewProtocol';
import { launch, openWebview, repoRoot } from './harness';
import { assertClean, finalModel } from './helpers';
import { lockDemoMessages } from './syntheticLock';

const fixtureDir = join(repoRoot(), 'test', 'fixtures');
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.delta.json'));

describe('swimlane webview', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const file of fixtures) {
    test(`renders ${file}`, async () => {
      const msgs = JSON.parse(readFileSync(join(fixtureDir, file), 'utf8')) as HostToWebview[];
      const model = finalModel(msgs);
      const w = await openWebview(browser);
      try {
        await w.post(...msgs);
        const lanes = w.page.locator('[data-testid="lane"]');
        assert.equal(await lanes.count(), model.lanes.length);
        const pids = await lanes.evaluateAll((els) =>
          els.map((e) => Number(e.getAttribute('data-pid'))),
        );
        assert.deepEqual(new Set(pids), new Set(model.lanes.map((l) => l.pid)));
        for (const kind of new Set(model.spans.map((s) => s.kind))) {
          assert.ok(
            (await w.page.locator(`[data-testid="span"][data-kind="${kind}"]`).count()) > 0,
            `span ${kind}`,
          );
        }
        for (const kind of new Set(model.marks.map((m) => m.kind))) {
          assert.ok(
            (await w.page.locator(`[data-testid="mark"][data-kind="${kind}"]`).count()) > 0,
            `mark ${kind}`,
          );
        }
        const state = w.page.locator('[data-testid="state"]');
        assert.equal(await state.getAttribute('data-state'), model.header.state);
        assert.equal((await state.textContent())?.trim(), model.header.state);
        if (model.header.ticketsSold !== null) {
          const tickets = (await w.page.textContent('[data-testid="tickets"]')) ?? '';
          const avail = model.header.ticketsAvailable ?? '?';
          assert.equal(
            tickets.replace(/\s+/g, ' ').trim(),
            `Tickets: ${model.header.ticketsSold} sold / ${avail} available`,
          );
        }
        if (model.header.mainDone !== null) {
          assert.doesNotMatch(
            (await w.page.getAttribute('[data-testid="main-done"]', 'class')) ?? '',
            /hidden/,
          );
          assert.ok(await w.page.locator('[data-testid="main-done-label"]').isVisible());
        }
        await w.shot(file.replace(/\.delta\.json$/, ''));
        // Hover the widest lock-hold span: the tooltip names it.
        const holds = await w.page
          .locator('[data-testid="span"][data-kind="lockHold"]')
          .evaluateAll((els) =>
            els.map((e) => ({
              id: Number(e.getAttribute('data-id')),
              w: e.getBoundingClientRect().width,
            })),
          );
        if (holds.length) {
          const widest = holds.reduce((a, b) => (b.w > a.w ? b : a));
          const span = model.spans.find((s) => s.id === widest.id);
          // Move the mouse like a person would (a sleep inset may lie on top of the hold).
          const box = await w.page
            .locator(`[data-testid="span"][data-kind="lockHold"][data-id="${widest.id}"]`)
            .boundingBox();
          assert.ok(box);
          await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await w.settle();
          const tip = w.page.locator('[data-testid="tooltip"]');
          assert.ok(await tip.isVisible());
          assert.ok(((await tip.textContent()) ?? '').includes(span?.label ?? '?'));
          await w.shot(`${file.replace(/\.delta\.json$/, '')}-hover`);
        }
        await assertClean(w);
      } finally {
        await w.close();
      }
    });
  }

  test('101 lanes stay usable: compact rows scroll under a fixed axis', async () => {
    const w = await openWebview(browser);
    try {
      const msgs = lockDemoMessages(100);
      await w.post(...msgs);
      assert.equal(await w.page.locator('[data-testid="lane"]').count(), 101);
      assert.match(
        (await w.page.textContent('[data-testid="tickets"]')) ?? '',
        /1 sold \/ 1 available/,
      );
      await w.shot('lock-demo-100');
      const axisTop = (await w.page.locator('[data-testid="axis"]').boundingBox())?.y;
      await w.page.locator('.sl-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await w.settle();
      assert.equal((await w.page.locator('[data-testid="axis"]').boundingBox())?.y, axisTop);
      assert.ok(await w.page.locator('[data-testid="lane"]').last().isVisible());
      await w.shot('lock-demo-100-scrolled');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('looks sane with no theme variables (fallback colours)', async () => {
    const w = await openWebview(browser, { theme: null });
    try {
      await w.post(...lockDemoMessages(10));
      const bg = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)');
      await w.shot('lock-demo-10-no-theme');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
