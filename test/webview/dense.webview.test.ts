// A dense run (100k spans, 20k prints) in Chromium: spans go to the canvas merged per pixel, the
// SVG stays small, hover and click still find the spans, zooming in brings SVG spans back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Lane, Mark, Span } from '../../src/shared/webviewProtocol';
import { launch, openWebview } from './harness';
import { assertClean, delta, domain, header, lane } from './helpers';

/** `lanes` processes, each alternating lock waits and holds `per` times over 10 s, printing. */
function denseRun(lanes: number, per: number): { lanes: Lane[]; spans: Span[]; marks: Mark[] } {
  const out = { lanes: [] as Lane[], spans: [] as Span[], marks: [] as Mark[] };
  const step = 10e9 / per;
  for (let i = 0; i < lanes; i++) {
    const id = String(100 + i);
    out.lanes.push(lane(100 + i, { order: i, end: 10e9, exitCode: 0 }));
    for (let j = 0; j < per; j++) {
      const t = j * step + (i % 7) * 1000;
      const lockId = `L${(i + j) % 2}`;
      const base = out.spans.length;
      out.spans.push({
        id: base,
        lane: id,
        kind: 'lockWait',
        start: t,
        end: t + step * 0.4,
        label: `waits ${lockId}`,
        lockId,
      });
      out.spans.push({
        id: base + 1,
        lane: id,
        kind: 'lockHold',
        start: t + step * 0.4,
        end: t + step * 0.9,
        label: `holds ${lockId}`,
        lockId,
      });
      if (j % 5 === 0)
        out.marks.push({
          id: out.marks.length,
          lane: id,
          kind: 'print',
          t: t + step * 0.5,
          text: `line ${j}`,
        });
    }
  }
  return out;
}

describe('dense traces', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('100k spans draw on a canvas; zooming in returns to SVG spans', async () => {
    const w = await openWebview(browser);
    try {
      const run = denseRun(50, 1000);
      assert.equal(run.spans.length, 100_000);
      const msg = delta({ ...run, header: header({ duration: 10e9, state: 'finished' }) });
      // Hand the data over first, then time only the webview's work (validate, store, draw).
      await w.page.evaluate((json) => {
        (window as unknown as { __msg: unknown }).__msg = JSON.parse(json);
      }, JSON.stringify(msg));
      const first = await w.page.evaluate(async () => {
        const t = performance.now();
        window.postMessage((window as unknown as { __msg: unknown }).__msg, '*');
        await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t;
      });
      await w.settle();
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible());
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 0);
      const marks = await w.page.locator('[data-testid="mark"]').count();
      assert.ok(marks < 20_000, `prints merged per pixel: ${marks}`);
      // A redraw of the whole view (zoom button) in the browser, timed inside the page.
      const redraw = await w.page.evaluate(async () => {
        const t = performance.now();
        (document.querySelector('[data-testid="zoom-in"]') as HTMLButtonElement).click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t;
      });
      console.log(
        `# dense 100k: first draw ${first.toFixed(0)} ms, zoom frame ${redraw.toFixed(0)} ms`,
      );
      assert.ok(redraw < 1500, `zoom frame ${redraw} ms`);
      await w.shot('dense-100k');
      // Hover over the canvas area still finds a span.
      const box = await w.page.locator('[data-testid="lanes"]').boundingBox();
      assert.ok(box);
      await w.page.mouse.move(box.x + box.width * 0.5, box.y + 30);
      await w.settle();
      assert.match((await w.page.textContent('[data-testid="tooltip"]')) ?? '', /waits|holds|line/);
      // Click on the canvas area: the span under the pointer is selected and inspected.
      await w.page.mouse.click(box.x + box.width * 0.5, box.y + 30);
      await w.settle();
      assert.ok(await w.page.locator('[data-testid="inspector"]').isVisible());
      assert.match(
        (await w.page.textContent('[data-testid="inspector"] [data-field="field.text"] dd')) ?? '',
        /waits|holds|line/,
      );
      await w.shot('dense-100k-selected');
      await w.page.keyboard.press('Escape');
      // Zoom in until few spans are visible: the SVG draws them again.
      for (let i = 0; i < 10; i++) await w.page.click('[data-testid="zoom-in"]');
      await w.settle();
      const d = await domain(w);
      assert.ok(d[1] - d[0] < 10e9 / 64);
      assert.ok(await w.page.locator('[data-testid="dense"]').isHidden());
      assert.ok((await w.page.locator('[data-testid="span"]').count()) > 0);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
