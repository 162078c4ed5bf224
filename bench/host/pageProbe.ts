// Samples the webview page while a run streams into it (bench row webview.memory-endless-queue):
// the JS heap through CDP (Performance.getMetrics JSHeapUsedSize, right after a forced
// HeapProfiler.collectGarbage), DOM node count, the header's merged-items chip, and how long a
// synthetic Ctrl+wheel zoom over the plot takes from input to the end of the next frame.
import { appendFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

/** One sample of the page. */
export interface PageSample {
  /** ms since the run started. */
  t: number;
  /** JS heap used after a forced GC, MB. */
  heap: number;
  /** DOM nodes alive. */
  nodes: number;
  /** Input → end of the first frame after the zoom was handled, ms (null: none drawn in time). */
  zoomMs: number | null;
  /** The axis window after the zoom ÷ before it (< 1 in, > 1 out; the run grows meanwhile). */
  zoomRatio: number | null;
  /** Text of the header's "older items merged" chip ('' while hidden). */
  merged: string;
}

/** What the page records per handled wheel event. */
interface ZoomLog {
  __zoom: number[];
}

/** A running sampler; `stop` ends the loop and resolves every sample taken. */
export interface PageSampler {
  stop(): Promise<PageSample[]>;
  /** One more sample now (e.g. after the last delta was drawn). */
  sample(): Promise<PageSample>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Install the zoom timer in the page: a capturing wheel listener (it runs before d3-zoom's,
 *  which stops propagation) asks for the next frame, and that frame's callback (registered before
 *  the webview's own draw, so it runs in the same frame) posts a task that runs after the frame. */
async function installZoomTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ZoomLog;
    w.__zoom = [];
    window.addEventListener(
      'wheel',
      (ev) => {
        const t = ev.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.__zoom.push(performance.now() - t);
          ch.port2.postMessage(0);
        });
      },
      { capture: true, passive: true },
    );
  });
}

/** Width (ns) of the axis' visible window (its data-domain="t0,t1"). */
async function axisWidth(page: Page): Promise<number> {
  const d = (await page.locator('[data-testid="axis"]').getAttribute('data-domain')) ?? '';
  const [a, b] = d.split(',').map(Number);
  return b - a;
}

/** One Ctrl+wheel over the middle of the plot (in when `zoomIn`): its input → frame time and
 *  the axis window's width after ÷ before. */
async function zoomOnce(
  page: Page,
  zoomIn: boolean,
): Promise<{ zoomMs: number | null; zoomRatio: number | null }> {
  const none = { zoomMs: null, zoomRatio: null };
  const box = await page.locator('[data-testid="plot"]').boundingBox();
  if (!box) return none;
  const before = await axisWidth(page);
  const n = await page.evaluate(() => (window as unknown as ZoomLog).__zoom.length);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(60, box.height / 2));
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, zoomIn ? -120 : 120);
  await page.keyboard.up('Control');
  try {
    await page.waitForFunction((k) => (window as unknown as ZoomLog).__zoom.length > k, n, {
      timeout: 30000,
      polling: 20,
    });
  } catch {
    return none;
  }
  const zoomMs = await page.evaluate((k) => (window as unknown as ZoomLog).__zoom[k] ?? null, n);
  const ratio = (await axisWidth(page)) / before;
  return { zoomMs, zoomRatio: Number.isFinite(ratio) ? ratio : null };
}

async function heapAndNodes(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap: get('JSHeapUsedSize') / 1e6, nodes: get('Nodes') };
}

/** Start sampling `page` every `everyMs` (t relative to `t0`, read with `now`); each sample is
 *  also appended to `logFile` as it is taken (with this process' memory), to follow a long run.
 *  Zooms alternate in and out, so the view returns to "fit the whole run" after every pair. */
export async function startPageSampler(
  page: Page,
  everyMs: number,
  now: () => number,
  logFile?: string,
): Promise<PageSampler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await installZoomTimer(page);
  const t0 = now();
  const samples: PageSample[] = [];
  let zoomIn = true;
  const sample = async (): Promise<PageSample> => {
    const zoom = await zoomOnce(page, zoomIn);
    zoomIn = !zoomIn;
    const merged = await page
      .locator('[data-testid="dropped"] .sl-chip-value')
      .textContent({ timeout: 5000 })
      .catch(() => '');
    const s = { t: now() - t0, ...(await heapAndNodes(cdp)), ...zoom, merged: merged ?? '' };
    samples.push(s);
    if (logFile)
      appendFileSync(logFile, `${JSON.stringify({ ...s, host: process.memoryUsage() })}\n`);
    return s;
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = now();
      await sample();
      await sleep(Math.max(0, everyMs - (now() - at)));
    }
  })();
  return {
    sample,
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}
