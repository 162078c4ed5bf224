// Benchmark row for issue 9's endurance: the endless queue demo through the real host session
// into the real webview page (headless Chromium, dist/webview.js) for 5 minutes (--long 10,
// --quick 10 s), sampling the page's JS heap, a Ctrl+wheel zoom's input → frame time and the
// header's merged-items chip (bench/host/pageProbe.ts). See docs/performance.md.
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from '../lib.mjs';
import { pipeline } from '../host/harness.mjs';
import { pct, slopePerMin } from './host.mjs';

/** Webview memory and responsiveness over the endless queue demo. */
const webviewMemory = {
  id: 'webview.memory-endless-queue',
  target: 150,
  unit: 'MB',
  async run({ quick, long }) {
    const ms = quick ? 10000 : long ? 600000 : 300000;
    const everyMs = quick ? 1000 : 5000;
    mkdirSync(join(root, 'test-results'), { recursive: true }); // absent on a clean clone
    rmSync(join(root, 'test-results', 'endurance.jsonl'), { force: true }); // samples as taken
    const r = await pipeline(
      {
        script: 'src/python/scenarios/queue_producer_consumer.py',
        args: ['--endless'],
        webview: true,
        stopAfterMs: ms,
        memEveryMs: everyMs,
        pageEveryMs: everyMs,
        liveEveryMs: quick ? 2500 : 15000, // the host's live heap (forced GC), as host.memory-*
      },
      { nodeArgs: ['--expose-gc'] },
    );
    if (r.state !== 'stopped') throw new Error(`run ${r.state}: ${r.error}`);
    if (r.pageErrors.length) throw new Error(`webview: ${r.pageErrors.join(' | ')}`);
    const m = r.pageMem;
    if (m.length < 3) throw new Error(`only ${m.length} page samples`);
    const zooms = m.map((p) => p.zoomMs).filter((z) => z !== null);
    if (zooms.length < m.length / 2) throw new Error(`${m.length - zooms.length} zooms not drawn`);
    // Flat = the least-squares slope over the second half of the run < 1 MB/min.
    const half = m.filter((p) => p.t >= ms / 2);
    const heap = (p) => p.heap;
    const f1 = (x) => x.toFixed(1);
    const max = Math.max(...m.map(heap));
    const slope2 = slopePerMin(half, heap);
    const ins = m.filter((p, i) => i % 2 === 0 && p.zoomRatio !== null);
    const zoomedIn = ins.filter((p) => p.zoomRatio < 0.95).length;
    const merged = m.map((p) => p.merged).filter(Boolean);
    const hostHalf = r.mem.filter((p) => p.t >= ms / 2 && p.t <= ms);
    const live = r.live;
    const liveHalf = live.filter((p) => p.t >= ms / 2 && p.t <= ms);
    return {
      measured: max,
      note:
        `${(ms / 1000).toFixed(0)} s of queue_producer_consumer.py --endless through the real session ` +
        `into headless Chromium (dist/webview.js): ${r.events} events, ${r.deltas} deltas (${(r.bytes / 1e6).toFixed(0)} MB of JSON, median ` +
        `${f1(r.postMs ?? NaN)} ms to deliver one), ` +
        `${r.dropped} merged by the host; page JS heap used after a forced GC (CDP ` +
        `HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize) every ` +
        `${everyMs / 1000} s, ${m.length} samples: start ${f1(m[0].heap)} / end ${f1(m.at(-1).heap)} / ` +
        `max ${f1(max)} MB; slope over the whole run ${f1(slopePerMin(m, heap))} MB/min, over the ` +
        `second half ${f1(slope2)} MB/min (flat, i.e. < 1 MB/min: ${slope2 < 1 ? 'yes' : 'NO'}); ` +
        `DOM nodes start ${m[0].nodes} / end ${m.at(-1).nodes} / max ${Math.max(...m.map((p) => p.nodes))}; ` +
        `Ctrl+wheel zoom, input → end of the next frame, alternating in/out: median ` +
        `${f1(pct(zooms, 50))} ms, p95 ${f1(pct(zooms, 95))} ms, max ${f1(Math.max(...zooms))} ms ` +
        `(${zooms.length}/${m.length} drawn; ${zoomedIn}/${ins.length} zoom-ins narrowed the axis ` +
        `window by > 5 %, median to ${f1(
          100 *
            pct(
              ins.map((p) => p.zoomRatio),
              50,
            ),
        )} %); header chip "older items merged": ` +
        `${merged[0] ?? 'never shown'} → ${merged.at(-1) ?? '-'}; the host process (session + ` +
        `Playwright driver) meanwhile: live JS heap after a forced full GC every ` +
        `${quick ? 2.5 : 15} s start ${f1(live[0]?.heap ?? NaN)} / end ${f1(live.at(-1)?.heap ?? NaN)} / ` +
        `max ${f1(Math.max(...live.map(heap)))} MB, slope over the second half ` +
        `${f1(slopePerMin(liveHalf, heap))} MB/min; JS heap used (sampled, garbage included) start ${f1(r.mem[0].heap)} / ` +
        `max ${f1(Math.max(...r.mem.map(heap)))} MB, slope over the second half ` +
        `${f1(slopePerMin(hostHalf, heap))} MB/min; RSS start ${f1(r.mem[0].rss)} / ` +
        `max ${f1(Math.max(...r.mem.map((p) => p.rss)))} MB, slope over the second half ` +
        `${f1(slopePerMin(hostHalf, (p) => p.rss))} MB/min; at most ${r.maxPending} deltas ` +
        `undelivered at once (flow control); load average ${loadavg()[0].toFixed(1)}`,
    };
  },
};

export default [webviewMemory];
