// The built webview in headless Chromium: zoom and pan, text safety, live updates, header, junk.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Span } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type StubWindow } from './harness';
import { assertClean, delta, domain, header, lane } from './helpers';
import { lockDemoMessages } from './syntheticLock';

describe('swimlane webview interactions', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('wheel over the axis zooms, drag pans, Fit restores', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...lockDemoMessages(10));
      const full = await domain(w);
      const box = await w.page.locator('[data-testid="axis"]').boundingBox();
      assert.ok(box);
      await w.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await w.page.mouse.wheel(0, -600);
      await w.settle();
      const zoomed = await domain(w);
      assert.ok(
        zoomed[1] - zoomed[0] < (full[1] - full[0]) * 0.8,
        `zoomed in: ${zoomed} vs ${full}`,
      );
      await w.shot('zoomed');
      const plot = await w.page.locator('[data-testid="lanes"]').boundingBox();
      assert.ok(plot);
      await w.page.mouse.move(plot.x + plot.width * 0.6, plot.y + 40);
      await w.page.mouse.down();
      await w.page.mouse.move(plot.x + plot.width * 0.4, plot.y + 40, { steps: 5 });
      await w.page.mouse.up();
      await w.settle();
      const panned = await domain(w);
      assert.ok(panned[0] > zoomed[0], `panned right in time: ${panned} vs ${zoomed}`);
      await w.page.click('[data-testid="fit"]');
      await w.settle();
      assert.deepEqual(await domain(w), full);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('lane labels are their own layer; the pointer goes through them to the lane', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...lockDemoMessages(10));
      // The labels are not inside the lanes <svg> (a zoom frame repaints that, not them).
      assert.equal(await w.page.locator('[data-testid="lanes"] [data-testid="lane"]').count(), 0);
      const label = w.page.locator('[data-testid="lane-labels"] [data-testid="lane"]').nth(3);
      const name = (await label.getAttribute('aria-label')) ?? '';
      assert.match(name, /Process-3/);
      const box = await label.locator('.sl-label').boundingBox();
      assert.ok(box);
      // Hovering the label shows that lane's tooltip: the lanes <svg> under it got the pointer.
      await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await w.settle();
      const tip = w.page.locator('[data-testid="tooltip"]');
      assert.equal(await tip.getAttribute('class'), 'sl-tooltip');
      const text = (await tip.textContent()) ?? '';
      assert.ok(text.includes(name), text);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('program output is shown as text, never as HTML', async () => {
    const w = await openWebview(browser);
    try {
      const evil = '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script>';
      await w.post(
        delta({
          lanes: [lane(7, { name: '<b>bold</b>' })],
          marks: [{ id: 1, lane: '7', kind: 'print', t: 250e6, text: evil }],
          header: header({ title: '<img src=x onerror="window.__xss=3">', error: evil }),
        }),
      );
      const mark = await w.page.locator('[data-testid="mark"][data-kind="print"]').boundingBox();
      assert.ok(mark);
      await w.page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
      await w.settle();
      const tip = w.page.locator('[data-testid="tooltip"]');
      assert.ok((await tip.textContent())?.includes(evil));
      assert.ok((await w.page.textContent('[data-testid="error"]'))?.includes(evil));
      assert.equal(await w.page.locator('img, b, .sl-root script').count(), 0);
      assert.equal(await w.page.evaluate(() => (window as unknown as StubWindow).__xss), undefined);
      await w.shot('xss-as-text');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('live deltas: an open span grows, then closes', async () => {
    const w = await openWebview(browser);
    try {
      const hold: Span = {
        id: 1,
        lane: '5',
        kind: 'lockHold',
        start: 100e6,
        end: null,
        label: 'holds L',
        lockId: 'L',
      };
      await w.post(delta({ lanes: [lane(5)], spans: [hold], header: header({ duration: 200e6 }) }));
      const rect = w.page.locator('[data-testid="span"][data-id="1"]');
      assert.match((await rect.getAttribute('class')) ?? '', /sl-open/);
      const w1 = Number(await rect.getAttribute('width'));
      await w.page.click('[data-testid="stop"]');
      const posted = await w.page.evaluate(() => (window as unknown as StubWindow).__posted);
      assert.deepEqual(posted, [{ type: 'ready' }, { type: 'stop' }]);
      await w.post(delta({ header: header({ duration: 400e6 }) }));
      const w2 = Number(await rect.getAttribute('width'));
      assert.ok(w2 > w1 * 0.9, `open span reaches now: ${w1} → ${w2}`);
      await w.post(
        delta({
          spans: [{ ...hold, end: 150e6 }],
          lanes: [lane(5, { end: 400e6, exitCode: 0 })],
          header: header({ duration: 400e6, state: 'finished' }),
        }),
      );
      assert.doesNotMatch((await rect.getAttribute('class')) ?? '', /sl-open/);
      assert.ok(Number(await rect.getAttribute('width')) < w2 / 3);
      assert.equal(await w.page.getAttribute('[data-testid="state"]', 'data-state'), 'finished');
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 1);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('header: oversell, failure, counters and error are shown', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(
        delta({
          lanes: [lane(3, { end: 300e6, exitCode: 1 })],
          marks: [
            { id: 1, lane: '3', kind: 'exc', t: 280e6, text: 'ValueError: boom' },
            { id: 2, lane: '3', kind: 'end', t: 300e6, text: 'exit 1' },
          ],
          header: header({
            state: 'failed',
            ticketsSold: 10,
            ticketsAvailable: 1,
            badFrames: 3,
            dropped: 5,
            error: 'python exited with code 1',
          }),
        }),
      );
      const tickets = w.page.locator('[data-testid="tickets"]');
      assert.equal(await tickets.getAttribute('data-oversold'), 'true');
      assert.match((await tickets.textContent()) ?? '', /10 sold \/ 1 available/);
      assert.equal(await w.page.getAttribute('[data-testid="state"]', 'data-state'), 'failed');
      assert.match((await w.page.textContent('[data-testid="badframes"]')) ?? '', /3/);
      assert.match((await w.page.textContent('[data-testid="dropped"]')) ?? '', /5/);
      assert.ok(await w.page.locator('[data-testid="error"]').isVisible());
      assert.match(
        (await w.page.getAttribute('[data-testid="mark"][data-kind="end"]', 'class')) ?? '',
        /sl-bad/,
      );
      await w.shot('header-failed');
      await w.post(delta({ header: header({ ticketsSold: 1, ticketsAvailable: 1 }) }));
      assert.equal(await tickets.getAttribute('data-oversold'), null);
      assert.ok(await w.page.locator('[data-testid="badframes"]').isHidden());
      assert.ok(await w.page.locator('[data-testid="error"]').isHidden());
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('junk messages are ignored with a warning, good items still drawn', async () => {
    const w = await openWebview(browser);
    try {
      const good = {
        ...delta({}),
        lanes: [lane(9), { id: 'x' }, { ...lane(8), killed: 'poison' }],
        spans: [
          { id: 2, lane: '9', kind: 'sleep', start: 0, end: 1e8, label: 'sleep(0.1)' },
          { id: 3, kind: 'nope' },
        ],
      };
      await w.post(null, 42, 'delta', { type: 'bogus' }, { type: 'delta', lanes: 'no' }, good, {
        type: 'delta',
        lanes: [],
        spans: [],
        marks: [],
        header: { state: 'weird' },
      });
      assert.equal(await w.page.locator('[data-testid="lane"]').count(), 1);
      assert.equal(await w.page.locator('[data-testid="span"][data-kind="sleep"]').count(), 1);
      assert.ok(w.errors.some((e) => e.startsWith('warning') && e.includes('swimlane')));
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
