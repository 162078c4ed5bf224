// Frame timing for the webview bench rows (bundled into bench/webviewDriver.ts): the scripted
// zoom and pan steps, each frame's time in the page, the renderer's CPU per frame over CDP, and
// the same on the bare page (bench/bareFrame.ts) for the ratio.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { BARE_HTML } from './bareFrame';

/** One zoom/pan step: a ctrl+wheel at fraction `at` of the plot, or a drag by `dx` px. */
type Step = { wheel: number; at: number } | { drag: number };

/**
 * The scripted interaction: zoom in 20 times (some pans between), then out again. To profile one
 * kind of frame, SL_BENCH_STEPS=out plays 50 frames near the whole run (zoomed out, every span
 * in view) and SL_BENCH_STEPS=in 8 zooms in then 43 pans and zooms there.
 */
function script(): Step[] {
  const steps: Step[] = [];
  const only = process.env.SL_BENCH_STEPS;
  if (only === 'out') {
    for (let i = 0; i < 25; i++) steps.push({ wheel: -100, at: 0.5 }, { wheel: 100, at: 0.5 });
    return steps;
  }
  if (only === 'in') {
    for (let i = 0; i < 8; i++) steps.push({ wheel: -250, at: 0.5 });
    for (let i = 0; i < 43; i++)
      steps.push(i % 3 === 2 ? { wheel: i % 2 ? -250 : 250, at: 0.4 } : { drag: i % 2 ? 60 : -60 });
    return steps;
  }
  for (let i = 0; i < 20; i++) {
    steps.push({ wheel: -250, at: 0.3 + ((i * 37) % 40) / 100 });
    if (i % 3 === 2) steps.push({ drag: i % 2 ? 120 : -90 });
  }
  for (let i = 0; i < 20; i++) {
    steps.push({ wheel: 250, at: 0.5 });
    if (i % 4 === 1) steps.push({ drag: -150 });
  }
  return steps;
}

/** One timed frame (ms): its work and the two other ways of counting it. */
export interface FrameTime {
  /** The frame's work: its first animation-frame callback → painted (the row's measure). */
  work: number;
  /** The script part: the first callback → the end of the view's draw. */
  js: number;
  /** From the frame's requestAnimationFrame timestamp → painted (the measure until 2026-11-28). */
  stamp: number;
  /** From the input event's dispatch → painted (what the user waits). */
  input: number;
}

/**
 * Play `steps` in the page, one frame each (30 ms apart, so each frame's paint is done before the
 * next input), and time every frame. Before the input is dispatched a first animation-frame
 * callback is registered: callbacks run in the order they were registered, so it starts the
 * frame, the view's draw (scheduled by the input) runs next, then a last callback notes the end
 * of the script and posts a message that arrives after the frame's style, layout, paint and
 * commit. The frame's timestamp is not its start: for a frame requested between two vsyncs,
 * headless Chromium begins it at once but stamps it with the previous vsync, up to 16.7 ms
 * earlier, often before the input was dispatched; `stamp` keeps that older measure.
 */
async function frames(page: Page, steps: Step[]): Promise<FrameTime[]> {
  return page.evaluate(async (list: Step[]) => {
    const out: FrameTime[] = [];
    for (const s of list) {
      const target = document.querySelector('[data-testid="lanes"]') as SVGSVGElement;
      const plot = (
        document.querySelector('[data-testid="plot"]') as HTMLElement
      ).getBoundingClientRect();
      const x = plot.left + 150 + ('at' in s ? s.at : 0.5) * (plot.width - 180);
      const y = plot.top + 80;
      const base = { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window };
      let start = NaN;
      requestAnimationFrame(() => (start = performance.now()));
      const input = performance.now();
      if ('wheel' in s) {
        target.dispatchEvent(new WheelEvent('wheel', { ...base, deltaY: s.wheel, ctrlKey: true }));
      } else {
        target.dispatchEvent(new MouseEvent('mousedown', { ...base, button: 0 }));
        window.dispatchEvent(new MouseEvent('mousemove', { ...base, clientX: x + s.drag / 2 }));
        window.dispatchEvent(new MouseEvent('mousemove', { ...base, clientX: x + s.drag }));
        window.dispatchEvent(new MouseEvent('mouseup', { ...base, clientX: x + s.drag }));
      }
      out.push(
        await new Promise<FrameTime>((resolve) =>
          requestAnimationFrame((t0) => {
            const js = performance.now() - start;
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              const now = performance.now();
              resolve({ work: now - start, js, stamp: now - t0, input: now - input });
            };
            ch.port2.postMessage(0);
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, steps);
}

/** Frame times of the scripted steps in `page` and the renderer's CPU per frame. */
export interface FrameMeasures {
  frames: FrameTime[];
  cpuProcess: number;
  cpuMain: number;
  breakdown: string;
}

/** Play the script in `page` and time its frames, with the renderer's CPU time per frame. */
export async function timedFrames(page: Page, profile?: string): Promise<FrameMeasures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // CPU seconds of the renderer (ticks of 10 ms: only the sum over all frames means much).
  const NAMES = [
    'ProcessTime',
    'ThreadTime',
    'ScriptDuration',
    'LayoutDuration',
    'RecalcStyleDuration',
    'TaskDuration',
  ];
  const cpu = async (): Promise<number[]> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return NAMES.map((n) => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000);
  };
  const c0 = await cpu();
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const timed = await frames(page, script());
  const c1 = await cpu();
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(p));
  }
  await cdp.detach();
  const n = timed.length;
  return {
    frames: timed,
    cpuProcess: (c1[0] - c0[0]) / n,
    cpuMain: (c1[1] - c0[1]) / n,
    breakdown: NAMES.map((name, i) => `${name} ${((c1[i] - c0[i]) / n).toFixed(1)}`).join(', '),
  };
}

/** The same script and measurement on the bare page (bench/bareFrame.ts), in a fresh context. */
export async function measureBare(browser: Browser): Promise<FrameMeasures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  try {
    const page = await context.newPage();
    await page.setContent(BARE_HTML);
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    return await timedFrames(page);
  } finally {
    await context.close();
  }
}
