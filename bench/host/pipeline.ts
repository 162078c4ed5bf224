// Bench entry (bundled for Node by bench/rows/host.mjs): the real host pipeline on a real
// traced Python child — RunSession (ProcessRunner → TraceFeed → TraceModel → DeltaPump) and the
// run controller's delta path (FindingsFeed, JSON as VS Code serializes webview messages) —
// optionally into headless Chromium running dist/webview.js. Prints one JSON result line.
// Usage: node pipeline.cjs '<json options>' (see Options).
import type { Browser } from 'playwright-core';
import { FindingsFeed } from '../../src/features/findingsFeed';
import { packDelta } from '../../src/shared/packedDelta';
import { RunSession } from '../../src/session/runSession';
import type { ModelDelta } from '../../src/shared/webviewProtocol';
import type { WebviewPage } from '../../test/webview/harness';
import { drawLog, startProfile, taskSeconds, webviewPost, type Post } from './pageDelivery';
import { startPageSampler, type PageSample } from './pageProbe';
import { descendantsMs, reapedChildrenMs } from './procCpu';

/** What to run and measure. */
interface Options {
  /** Script (relative to the repo root) and its arguments, run under the tracer. */
  script: string;
  args: string[];
  /** Deliver the deltas to headless Chromium (else: serialized and dropped, host only). */
  webview: boolean;
  /** Stop the run after this many ms (endless programs); 0: wait for its end. */
  stopAfterMs: number;
  /** Sample process memory every this many ms (0: never). */
  memEveryMs: number;
  /** Force a full GC (node --expose-gc) and sample the live heap every this many ms (0: never). */
  liveEveryMs?: number;
  /** With the webview: sample its heap, zoom latency and merged chip every this many ms. */
  pageEveryMs?: number;
  python?: string;
  /** With the webview: write a CPU profile of the page (CDP Profiler) to this file. */
  pageProfile?: string;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as Options;
const hr = (): number => Number(process.hrtime.bigint()) / 1e6; // CLOCK_MONOTONIC, ms

async function main(): Promise<void> {
  const root = process.cwd(); // the repo root (bench/rows/host.mjs runs us there)
  let browser: Browser | null = null;
  let page: WebviewPage | null = null;
  let post: Post = () => Promise.resolve();
  if (opts.webview) {
    const harness = await import('../../test/webview/harness'); // playwright only when used
    browser = await harness.launch();
    page = await harness.openWebview(browser);
    post = await webviewPost(page);
  }
  const profiler = page && opts.pageProfile ? await startProfile(page) : null;
  const pageTask = page ? await taskSeconds(page) : null;
  const probes: number[] = []; // event → drawn latency, ms
  const posts: { ms: number; bytes: number }[] = []; // per delivered delta
  const sent: { seq: number; emitted: number }[] = []; // probes: in which delta, emitted when
  const epochMinusHr = Date.now() - hr(); // page times are epoch ms, ours CLOCK_MONOTONIC ms
  let firstByte = 0;
  let deltas = 0;
  let bytes = 0;
  let items = 0;
  let inFlight: Promise<void> = Promise.resolve();
  // Deltas handed over but not yet delivered, now and at most (flow control keeps this at 1).
  let pending = 0;
  let maxPending = 0;
  let findings: FindingsFeed | null = null;
  const session = new RunSession(
    { id: 'bench', title: 'bench', script: opts.script, files: {}, args: opts.args },
    {
      delta: (d: ModelDelta) => {
        const out = findings ? findings.delta(d) : d;
        const json = JSON.stringify({ type: 'packed', ...packDelta(out) });
        deltas++;
        bytes += json.length;
        items += out.spans.length + out.marks.length + out.lanes.length;
        const seq = deltas; // this delta is the page's seq-th message after the setup
        for (const m of out.marks) {
          if (!m.text.startsWith('probe ')) continue;
          const emitted = Number(m.text.slice(6)) / 1e6;
          if (opts.webview) sent.push({ seq, emitted });
          else probes.push(hr() - emitted); // host only: handed to postMessage now
        }
        maxPending = Math.max(maxPending, ++pending);
        inFlight = inFlight.then(() => {
          const at = hr();
          return post(json).then(() => {
            pending--;
            posts.push({ ms: hr() - at, bytes: json.length });
          });
        });
        return inFlight;
      },
      output: () => undefined,
    },
  );
  findings = new FindingsFeed(session.model, 'en');
  const origPush = session['feed'].pushStdout.bind(session['feed']);
  let cpu0 = process.cpuUsage();
  const reaped0 = reapedChildrenMs();
  let chromium0 = descendantsMs();
  let chunks = 0;
  session['feed'].pushStdout = (b: Uint8Array): void => {
    chunks++;
    if (firstByte === 0) {
      firstByte = hr();
      chromium0 = descendantsMs();
      cpu0 = process.cpuUsage();
    }
    origPush(b);
  };
  const mem: { t: number; heap: number; rss: number; buffers: number }[] = [];
  const t0 = hr();
  const sample = (): void => {
    const m = process.memoryUsage();
    // buffers: ArrayBuffers outside the JS heap (the event log's bytes, I/O chunks).
    mem.push({
      t: hr() - t0,
      heap: m.heapUsed / 1e6,
      rss: m.rss / 1e6,
      buffers: m.arrayBuffers / 1e6,
    });
  };
  const sampler = opts.memEveryMs ? setInterval(sample, opts.memEveryMs) : null;
  // What the host holds on to: the heap right after a full collection (as the webview rows
  // measure the page), apart from garbage V8 has not collected yet.
  const live: { t: number; heap: number }[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const liveSample = (): void => {
    gc?.();
    live.push({ t: hr() - t0, heap: process.memoryUsage().heapUsed / 1e6 });
  };
  if (opts.liveEveryMs && !gc) throw new Error('liveEveryMs needs node --expose-gc');
  const liver = opts.liveEveryMs ? setInterval(liveSample, opts.liveEveryMs) : null;
  await session.start(opts.python ?? 'python3', root);
  const stopper = opts.stopAfterMs ? setTimeout(() => void session.stop(), opts.stopAfterMs) : null;
  const pager =
    page && opts.pageEveryMs
      ? await startPageSampler(
          page.page,
          opts.pageEveryMs,
          hr,
          `${root}/test-results/endurance.jsonl`,
        )
      : null;
  const header = await session.whenEnded();
  await inFlight;
  const pageMem: PageSample[] = pager ? await pager.stop() : [];
  let end = hr();
  if (page) {
    // Drawn: the first frame after which at least `seq` messages had been handled.
    const log = await drawLog(page, deltas);
    const drawnAt = (seq: number): number =>
      (log.find((d) => d.n >= seq)?.t ?? Date.now()) - epochMinusHr;
    for (const p of sent) probes.push(drawnAt(p.seq) - p.emitted);
    end = drawnAt(deltas);
    if (pager) pageMem.push(await pager.sample()); // after the last delta was drawn
  }
  if (profiler && opts.pageProfile) await profiler.stop(opts.pageProfile);
  const pageCpuMs = pageTask ? ((await pageTask.read()) - pageTask.start) * 1000 : null;
  const pageMetrics = pageTask ? await pageTask.metrics() : null;
  const cpu = process.cpuUsage(cpu0);
  const chromium1 = descendantsMs();
  if (stopper) clearTimeout(stopper);
  if (sampler) clearInterval(sampler);
  if (liver) clearInterval(liver);
  if (opts.memEveryMs) sample();
  const shot = page
    ? await page.page.screenshot({ path: `${root}/test-results/bench-host.png` })
    : null;
  const pageErrors = page?.errors ?? [];
  if (page) await page.close();
  if (browser) await browser.close();
  const result = {
    events: header.events,
    state: header.state,
    error: header.error,
    dropped: header.dropped,
    ms: end - firstByte,
    cpuMs: (cpu.user + cpu.system) / 1000,
    /** The page's main-thread busy time over the run (with the webview). */
    pageCpuMs,
    /** CPU ms over the run of Chromium's renderer process (all its threads) and its other
     *  processes (browser, GPU, utility), and of the traced child (its whole life). */
    rendererCpuMs: chromium1.renderer - chromium0.renderer,
    browserCpuMs: chromium1.other - chromium0.other,
    childCpuMs: reapedChildrenMs() - reaped0,
    /** The page's CDP Performance metrics over the run (ScriptDuration, LayoutCount, …). */
    pageMetrics,
    wallMs: end - t0,
    deltas,
    /** Reads of the child's stdout (pipe chunks handed to the feed). */
    chunks,
    maxPending,
    bytes,
    items,
    probes,
    postMs: posts.map((p) => p.ms).sort((a, b) => a - b)[posts.length >> 1] ?? null,
    mem,
    live,
    pageMem,
    retained: { spans: session.model.allSpans().length, marks: session.model.allMarks().length },
    pageErrors: pageErrors.slice(0, 5),
    screenshot: shot ? 'test-results/bench-host.png' : null,
  };
  await new Promise<void>((r) => process.stdout.write(`${JSON.stringify(result)}\n`, () => r()));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
