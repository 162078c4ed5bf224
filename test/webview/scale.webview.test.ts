// Scale in Chromium: lock waits hatched and queue blocks dotted on the dense canvas (pixels +
// screenshots), and a 500-lane run (virtualised rows, spans found through the per-lane index)
// that still hovers, clicks, inspects, walks with the keyboard, highlights a lock and filters on
// canvas-drawn spans.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HostToWebview, Lane, Span } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type WebviewPage } from './harness';
import { assertClean, clipPixels, delta, header, lane } from './helpers';
import { scaleMessages } from './syntheticScale';

/** RGB of a row of `width` px of the lanes area from page point (x, y). */
const pixels = (w: WebviewPage, x: number, y: number, width: number): Promise<number[][]> =>
  clipPixels(w, { x, y, width, height: 1 });

/** Distinct colours in a list of pixels. */
const distinct = (px: number[][]): number => new Set(px.map((p) => p.join())).size;

describe('scale', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the dense canvas hatches lock waits like the SVG and fills holds', async () => {
    const w = await openWebview(browser, { width: 900, height: 420 });
    try {
      // 20 lanes × 100 wait/hold pairs: more than the SVG draws, so the canvas takes them.
      const lanes: Lane[] = [];
      const spans: Span[] = [];
      for (let i = 0; i < 20; i++) {
        lanes.push(lane(10 + i, { order: i, end: 1e9, exitCode: 0 }));
        for (let j = 0; j < 100; j++) {
          const t = j * 10e6;
          const lockId = `L${i % 2}`;
          const base = { lane: String(10 + i), lockId, label: `${lockId}` };
          spans.push({ ...base, id: spans.length, kind: 'lockWait', start: t, end: t + 7e6 });
          spans.push({
            ...base,
            id: spans.length,
            kind: 'lockHold',
            start: t + 11e6,
            end: t + 15e6,
          });
        }
      }
      await w.post(delta({ lanes, spans, header: header({ duration: 1e9, state: 'finished' }) }));
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible());
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 0);
      const file = await w.shot('dense-hatched-waits');
      console.log(`# screenshot ${file}`);
      // Zoom in 4× (a wait is ~20 px wide), then read a row of pixels across waits and holds.
      for (let i = 0; i < 2; i++) await w.page.click('[data-testid="zoom-in"]');
      await w.settle();
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible(), 'still dense');
      await w.shot('dense-hatched-waits-zoomed');
      const box = (await w.page.locator('[data-testid="dense"]').boundingBox())!;
      const row = await pixels(w, box.x + 200, box.y + 8, 500);
      // Hatching: the waits alternate line and background colours every few pixels; holds are
      // solid runs. So the row has many colour changes and at least three colours.
      let changes = 0;
      for (let i = 1; i < row.length; i++) if (row[i].join() !== row[i - 1].join()) changes++;
      assert.ok(distinct(row) >= 3, `colours on a dense row: ${distinct(row)}`);
      assert.ok(changes > 40, `hatch lines cross the row: ${changes} colour changes`);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('the dense canvas dots queue blocks like the SVG', async () => {
    const w = await openWebview(browser, { width: 900, height: 420 });
    try {
      // 20 lanes × 100 queue blocks (7 ms of every 10 ms): the canvas takes them.
      const lanes: Lane[] = [];
      const spans: Span[] = [];
      for (let i = 0; i < 20; i++) {
        lanes.push(lane(10 + i, { order: i, end: 1e9, exitCode: 0 }));
        for (let j = 0; j < 100; j++) {
          const base = { lane: String(10 + i), lockId: 'q1', label: 'queue.get' };
          const t = j * 10e6;
          spans.push({ ...base, id: spans.length, kind: 'queueBlock', start: t, end: t + 7e6 });
        }
      }
      await w.post(delta({ lanes, spans, header: header({ duration: 1e9, state: 'finished' }) }));
      for (let i = 0; i < 2; i++) await w.page.click('[data-testid="zoom-in"]');
      await w.settle();
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible(), 'dense');
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 0);
      await w.shot('dense-dotted-queue-blocks');
      const box = (await w.page.locator('[data-testid="dense"]').boundingBox())!;
      // The SVG's dot tile is 6×4 px with 3×2 dots: across a block, a row through the dots
      // alternates dot and background every 3 px; a solid fill would change only at block edges.
      const rows = [];
      for (let y = 4; y < 12; y++) rows.push(await pixels(w, box.x + 200, box.y + y, 480));
      const changes = rows.map((row) => {
        let n = 0;
        for (let i = 1; i < row.length; i++) if (row[i].join() !== row[i - 1].join()) n++;
        return n;
      });
      const dotted = Math.max(...changes);
      assert.ok(dotted > 80, `dots cross a row: ${changes.join(', ')} colour changes per row`);
      // Rows between the dots are plain (the tinted background): only block edges change.
      assert.ok(Math.min(...changes) < dotted / 3, `rows between dots: ${changes.join(', ')}`);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('500 lanes: virtualised rows; hover, click, keys, lock focus and filter use the index', async () => {
    const w = await openWebview(browser, { width: 1100, height: 600 });
    try {
      // 40k spans on 500 lanes (as many lanes as the 1M-span bench run).
      const msgs: HostToWebview[] = [...scaleMessages(40_000, 20_000, 500)];
      for (const m of msgs) await w.post(m);
      const lanes = (msgs[0] as { lanes: Lane[] }).lanes.length;
      assert.equal(lanes, 500);
      const shownLanes = await w.page.locator('[data-testid="lane"]').count();
      assert.ok(shownLanes > 0 && shownLanes < lanes, `only rows near the view: ${shownLanes}`);
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible());
      // Scroll to the end: the last lanes get their labels.
      await w.page.locator('.sl-scroll').evaluate((e) => (e.scrollTop = e.scrollHeight));
      await w.settle();
      const last = (msgs[0] as { lanes: Lane[] }).lanes.at(-1)!;
      assert.equal(await w.page.locator(`[data-lane-id="${last.id}"]`).count(), 1);
      await w.page.locator('.sl-scroll').evaluate((e) => (e.scrollTop = 0));
      await w.settle();
      // Hover and click on the canvas: the span under the pointer, from the index.
      const box = (await w.page.locator('[data-testid="lanes"]').boundingBox())!;
      await w.page.mouse.move(box.x + box.width * 0.6, box.y + 8);
      await w.settle();
      assert.match(
        (await w.page.textContent('[data-testid="tooltip"]')) ?? '',
        /running|sleep|waits|holds|blocked|task/,
      );
      let picked = '';
      for (let dx = 0; dx < 40 && !/Lock@/.test(picked); dx += 3) {
        await w.page.mouse.click(box.x + box.width * 0.6 + dx, box.y + 8);
        await w.settle();
        picked =
          (await w.page.textContent('[data-testid="inspector"] [data-field="field.text"] dd')) ??
          '';
      }
      assert.ok(await w.page.locator('[data-testid="inspector"]').isVisible());
      assert.match(picked, /Lock@/, 'a lock span was clicked');
      assert.equal(await w.page.locator('[data-testid="selection"]').count(), 1);
      assert.match(
        (await w.page.getAttribute('[data-testid="lanes"]', 'class')) ?? '',
        /sl-focus-lock/,
      );
      // The keyboard walks to the next item of the lane (found through the lane's index).
      await w.page.keyboard.press('ArrowRight');
      await w.settle();
      const next =
        (await w.page.textContent('[data-testid="inspector"] [data-field="field.id"] dd')) ?? '';
      assert.match(next, /^(span|mark) \d+$/);
      await w.page.keyboard.press('Escape');
      // Filter by text on the columnar table: only sleeps remain, and they are still drawn.
      await w.page.fill('[data-testid="search"]', 'sleep(');
      await w.settle();
      await w.page.mouse.move(box.x + box.width * 0.6, box.y + 8);
      await w.settle();
      const tip = (await w.page.textContent('[data-testid="tooltip"]')) ?? '';
      assert.doesNotMatch(tip, /Lock@|running|blocked/);
      await w.shot('scale-600-lanes');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
