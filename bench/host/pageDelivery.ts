// The webview side of the host pipeline bench (pipeline.ts): posting deltas to headless
// Chromium like SwimlanePanel does, the page's draw log, and its CPU profile and busy time (CDP).
import type { HostToWebview } from '../../src/shared/webviewProtocol';
import type { WebviewPage } from '../../test/webview/harness';

/** Where a delta goes: like SwimlanePanel.postDelta; resolves once the page has it (as VS Code's
 *  postMessage resolves on delivery, not on drawing). */
export type Post = (json: string) => Promise<void>;

/** What the page records: after each animation frame, how many messages had been handled. */
interface DrawLog {
  __handled: number;
  __drawn: { n: number; t: number }[];
}

/** Set up the page's draw log; how to post a delta to it. */
export async function webviewPost(page: WebviewPage): Promise<Post> {
  await page.post({ type: 'init', strings: {} }, { type: 'reset' });
  await page.page.evaluate(() => {
    const w = window as unknown as DrawLog;
    w.__handled = 0;
    w.__drawn = [];
    let scheduled = false;
    // Registered after the webview's own listener: it runs after the message was applied, and
    // its frame callback after the webview's draw of that frame (callbacks run in order).
    window.addEventListener('message', () => {
      w.__handled++;
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        w.__drawn.push({ n: w.__handled, t: performance.timeOrigin + performance.now() });
      });
    });
  });
  return (json) =>
    page.page.evaluate((s) => window.postMessage(JSON.parse(s) as HostToWebview, '*'), json);
}

/** After the last post: wait until the page drew all `count` messages; its draw log. */
export async function drawLog(
  page: WebviewPage,
  count: number,
): Promise<{ n: number; t: number }[]> {
  await page.page.waitForFunction(
    (n) => (window as unknown as DrawLog).__drawn.some((d) => d.n >= n),
    count,
    { timeout: 600000, polling: 50 },
  );
  return page.page.evaluate(() => (window as unknown as DrawLog).__drawn);
}

/** Start the page's CPU profiler (CDP); `stop` writes the profile (.cpuprofile JSON). */
export async function startProfile(
  page: WebviewPage,
): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.page.context().newCDPSession(page.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/** The page's main-thread busy time so far (CDP Performance metric TaskDuration, s), and with
 *  `metrics` the other Performance metrics (ScriptDuration, LayoutCount, …) since `start`. */
export async function taskSeconds(page: WebviewPage): Promise<{
  start: number;
  read(): Promise<number>;
  metrics(): Promise<Record<string, number>>;
}> {
  const cdp = await page.page.context().newCDPSession(page.page);
  await cdp.send('Performance.enable');
  const all = async (): Promise<Record<string, number>> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const first = await all();
  const read = async (): Promise<number> => (await all()).TaskDuration ?? 0;
  const metrics = async (): Promise<Record<string, number>> => {
    const now = await all();
    return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (first[k] ?? 0)]));
  };
  return { start: first.TaskDuration ?? 0, read, metrics };
}
