// Drives the built webview in Debian's Chromium for the webview bench rows (bench/rows/webview.mjs
// bundles this file): loads a synthetic run of N spans through host → webview delta messages,
// times the first draw, a scripted series of zoom and pan frames, and the JS heap after a GC.
import type { Page } from 'playwright-core';
import { launch, openWebview, type WebviewPage } from '../test/webview/harness';
import { measureBare, timedFrames, type FrameMeasures, type FrameTime } from './webviewFrames';

export type { FrameMeasures, FrameTime } from './webviewFrames';

/** What one session measured (times in ms, heap in MB = 10^6 bytes). */
export interface WebviewMeasures {
  spans: number;
  events: number;
  lanes: number;
  messages: number;
  /** Time the webview spent handling the messages (validate + store), summed. */
  ingestMs: number;
  /** The first draw of the whole run: its script part, and until the frame was painted. */
  firstDrawJsMs: number;
  firstDrawMs: number;
  /** Per zoom/pan frame: its times (see FrameTime). */
  frames: FrameTime[];
  /** The frames' `work` times, pass by pass (the script played `passes` times from Fit). */
  passes: number[][];
  /** Mean CPU time per frame of the renderer process (all threads) and of its main thread. */
  cpuProcess: number;
  cpuMain: number;
  /** Per frame means of the renderer's CDP Performance metrics (ms). */
  breakdown: string;
  /** The same frames on the bare page (bench/bareFrame.ts), measured in the same session. */
  bare: FrameMeasures | null;
  heapMB: number;
  heapEmptyMB: number;
}

/** In-page state the bench keeps on window. */
interface BenchWindow {
  __slScale: {
    scaleMessages(
      spans: number,
      chunk?: number,
    ): Iterable<{ spans: unknown[]; marks: unknown[]; lanes: unknown[] }>;
  };
  __handled: number[];
  __t0: number;
}

/** JS heap in use after a full garbage collection, in MB (CDP Performance.getMetrics). */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return used / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** Load a run of `spans` spans into a fresh webview and measure it; `frames` false skips zooming. */
export async function measureWebview(
  spans: number,
  generator: string,
  zoom = true,
  passes = 1,
): Promise<WebviewMeasures> {
  const browser = await launch();
  // Closed (its temp folder removed) however the measuring ends.
  let w: WebviewPage | undefined;
  try {
    // A message listener registered before the webview's own runs just before it: it notes the
    // start; one registered later (below) runs just after it and adds up the time in between.
    const initScript =
      "window.__t0 = 0; window.addEventListener('message', () => (window.__t0 = performance.now()));";
    w = await openWebview(browser, { width: 1280, height: 760, initScript });
    const page = w.page;
    await w.settle();
    const heapEmptyMB = await heapMB(page);
    await page.evaluate(generator);
    // Messages are generated in the page (no 100 MB JSON through CDP), then posted one by one the
    // way VS Code delivers them, the webview's handling of each timed. The last one is followed by
    // the first draw of the whole run.
    const loaded = await page.evaluate(async (n: number) => {
      const win = window as unknown as BenchWindow;
      win.__handled = [];
      window.addEventListener('message', () => win.__handled.push(performance.now() - win.__t0));
      let events = 0;
      let lanes = 0;
      let messages = 0;
      const all: unknown[] = [];
      for (const m of win.__slScale.scaleMessages(n)) {
        events += m.spans.length + m.marks.length;
        lanes += m.lanes.length;
        all.push(m);
      }
      for (const m of all.slice(0, -1)) {
        window.postMessage(m, '*');
        messages++;
        await new Promise((r) => setTimeout(r, 0));
      }
      // Let every draw of the partial run finish, then time the last message's frame.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const before = win.__handled.length;
      window.postMessage(all[all.length - 1], '*');
      messages++;
      await new Promise<void>((r) => {
        const wait = (): void => (win.__handled.length > before ? r() : void setTimeout(wait, 0));
        wait();
      });
      const [js, painted] = await new Promise<[number, number]>((resolve) =>
        requestAnimationFrame((t0) => {
          const j = performance.now() - t0;
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve([j, performance.now() - t0]);
          ch.port2.postMessage(0);
        }),
      );
      const ingest = win.__handled.reduce((a, b) => a + b, 0);
      return { events, lanes, messages, ingest, js, painted };
    }, spans);
    let run: FrameMeasures & { passes: number[][] } = {
      frames: [],
      passes: [],
      cpuProcess: NaN,
      cpuMain: NaN,
      breakdown: '',
    };
    let bare: FrameMeasures | null = null;
    if (zoom) {
      // SL_BENCH_PROFILE=file.cpuprofile: a V8 CPU profile of the frames (to find hot spots).
      // SL_BENCH_TRACE=file.json: a Chromium trace of the frames (renderer threads, paint, raster).
      // SL_BENCH_TRACE_BARE=1: the trace goes on over the bare page's frames too.
      const trace = process.env.SL_BENCH_TRACE;
      if (trace)
        await browser.startTracing(page, {
          path: trace,
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'viz'],
        });
      // SL_BENCH_HIDE=selector: those elements hidden during the frames (what a layer costs).
      const hide = process.env.SL_BENCH_HIDE;
      if (hide)
        await page.evaluate((sel) => {
          document
            .querySelectorAll<HTMLElement>(sel)
            .forEach((e) => e.style.setProperty('display', 'none'));
        }, hide);
      // Each pass: the whole run in view first (the densest frame), then the scripted zooms and
      // pans. Several passes in one session: a slow spell of this VM hits one pass, not the row.
      // SL_BENCH_EVAL=script: run in the page before the frames (to try a DOM change).
      if (process.env.SL_BENCH_EVAL) await page.evaluate(process.env.SL_BENCH_EVAL);
      const all: FrameMeasures[] = [];
      for (let i = 0; i < passes; i++) {
        await page.click('[data-testid="fit"]');
        await w.settle();
        all.push(await timedFrames(page, i === 0 ? process.env.SL_BENCH_PROFILE : undefined));
      }
      const mean = (k: 'cpuProcess' | 'cpuMain'): number =>
        all.reduce((a, r) => a + r[k], 0) / all.length;
      run = {
        frames: all.flatMap((r) => r.frames),
        passes: all.map((r) => r.frames.map((f) => f.work)),
        cpuProcess: mean('cpuProcess'),
        cpuMain: mean('cpuMain'),
        breakdown: all[0].breakdown,
      };
      if (trace && !process.env.SL_BENCH_TRACE_BARE) await browser.stopTracing();
      // SL_BENCH_SHOT=file.png: a screenshot after the frames (to see what was measured).
      if (process.env.SL_BENCH_SHOT) await page.screenshot({ path: process.env.SL_BENCH_SHOT });
      bare = await measureBare(browser);
      if (trace && process.env.SL_BENCH_TRACE_BARE) await browser.stopTracing();
    }
    const heap = await heapMB(page);
    const errors = w.errors.filter((e) => e.startsWith('pageerror'));
    if (errors.length) throw new Error(errors.join('; '));
    return {
      spans,
      events: loaded.events,
      lanes: loaded.lanes,
      messages: loaded.messages,
      ingestMs: loaded.ingest,
      firstDrawJsMs: loaded.js,
      firstDrawMs: loaded.painted,
      ...run,
      bare,
      heapMB: heap,
      heapEmptyMB,
    };
  } finally {
    await w?.close().catch(() => undefined);
    await browser.close();
  }
}
