// Benchmark rows for the extension host pipeline: a real traced Python child → RunSession
// (ProcessRunner, TraceFeed, TraceModel, DeltaPump) → the run controller's delta path →
// (optionally) headless Chromium running dist/webview.js. The pipeline entry
// (bench/host/pipeline.ts) is bundled and run by bench/host/harness.mjs; the ingest row is in
// ingest.mjs.
// See docs/performance.md.
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureDist, pipeline } from '../host/harness.mjs';
import { median, root, runGroup } from '../lib.mjs';
import ingest from './ingest.mjs';

const k = (x) => `${Math.round(x / 1000)}k`;
const workload = 'bench/host_workload.py';

/** Least-squares slope of y over t (ms), per minute. */
export function slopePerMin(points, y) {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const my = points.reduce((a, p) => a + y(p), 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (y(p) - my);
    den += (p.t - mt) ** 2;
  }
  return den ? (num / den) * 60000 : 0;
}

/** Host memory over the endless queue demo (5 min; --long 10 min; --quick 10 s). */
const memory = {
  id: 'host.memory-endless-queue',
  target: 100,
  unit: 'MB',
  async run({ quick, long }) {
    const ms = quick ? 6000 : long ? 600000 : 300000;
    const r = await pipeline(
      {
        script: 'src/python/scenarios/queue_producer_consumer.py',
        args: ['--endless'],
        webview: false,
        stopAfterMs: ms,
        memEveryMs: quick ? 250 : 1000,
        // Every 5 s: the live heap is a sawtooth (it grows between retention trims), so the slope
        // of 17 samples at 15 s swung by ±1 MB/min with the phase alone (2026-11-28: 1.1 then
        // −0.2 MB/min on the same code); 3× the samples cut that noise by √3.
        liveEveryMs: quick ? 1500 : 5000,
      },
      { nodeArgs: ['--expose-gc'] },
    );
    if (r.state !== 'stopped') throw new Error(`run ${r.state}: ${r.error}`);
    const m = r.mem;
    // Flatness is judged after the first minute (start-up, JIT, the budget filling up).
    const settled = m.filter((p) => p.t >= Math.min(60000, ms / 2));
    const max = (f) => Math.max(...m.map(f));
    const heap = (p) => p.heap;
    const rss = (p) => p.rss;
    const f1 = (x) => x.toFixed(1);
    const live = r.live;
    const liveSettled = live.filter((p) => p.t >= Math.min(60000, ms / 2));
    const liveMax = Math.max(...live.map(heap));
    const liveSlope = slopePerMin(liveSettled, heap);
    return {
      measured: liveMax,
      // Flat: the live heap grows < 1 MB/min once the retention budget has filled (full mode).
      also: quick || liveSlope < 1,
      note:
        `${(ms / 1000).toFixed(0)} s of queue_producer_consumer.py --endless through the real session ` +
        `(host only): ${r.events} events (${k(r.events / (ms / 1000))}/s), ${r.dropped} merged, ` +
        `retained ${r.retained.spans} spans / ${r.retained.marks} marks; ` +
        `live JS heap (measured: right after a forced full GC, every ${quick ? 1.5 : 5} s, ` +
        `${live.length} samples) start ${f1(live[0].heap)} / end ${f1(live.at(-1).heap)} / ` +
        `max ${f1(liveMax)} MB, slope after ${f1((liveSettled[0]?.t ?? 0) / 1000)} s ` +
        `${f1(liveSlope)} MB/min (flat: < 1); ` +
        `JS heap used, garbage included (sampled without forcing a GC) start ${f1(m[0].heap)} / end ${f1(m.at(-1).heap)} / max ${f1(max(heap))} MB, ` +
        `ArrayBuffers outside the heap (the event log's bytes among them) max ${f1(max((p) => p.buffers))} MB, ` +
        `process RSS start ${f1(m[0].rss)} / end ${f1(m.at(-1).rss)} / max ${f1(max(rss))} MB ` +
        `(growth ${f1(max(rss) - m[0].rss)} MB); ` +
        `slope after ${f1(settled[0]?.t / 1000)} s: heap ${f1(slopePerMin(settled, heap))} MB/min, ` +
        `RSS ${f1(slopePerMin(settled, rss))} MB/min; load average ${loadavg()[0].toFixed(1)}`,
    };
  },
};

export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Event → pixel: probe marks stamped with their emit time, until the webview drew them. */
const latency = {
  id: 'host.event-to-pixel-ms',
  target: 100,
  unit: 'ms',
  async run({ quick }) {
    const rate = 10000;
    const secs = quick ? 2 : 20;
    const args = ['--events', String(rate * secs), '--rate', String(rate), '--probe-ms', '50'];
    const r = await pipeline({ script: workload, args, webview: true });
    if (r.state !== 'finished') throw new Error(`run ${r.state}: ${r.error}`);
    if (r.probes.length < 5) throw new Error(`only ${r.probes.length} probes were drawn`);
    // The same without the webview: tracer → host → delta handed to postMessage.
    const host = await pipeline({ script: workload, args, webview: false });
    // A demo's pace (1k events/s) with the webview, full mode only.
    const slowArgs = ['--events', String(1000 * secs), '--rate', '1000', '--probe-ms', '50'];
    const slow = quick ? null : await pipeline({ script: workload, args: slowArgs, webview: true });
    const f = (x) => x.toFixed(1);
    return {
      measured: pct(r.probes, 95),
      note:
        `p95 of ${r.probes.length} probes (a mark every 50 ms, its t = emit time) from the tracer's ` +
        `emit to the end of the webview's next animation frame after it applied the delta ` +
        `(headless Chromium, dist/webview.js), while the child emits ${k(rate)} events/s: ` +
        `median ${f(pct(r.probes, 50))} ms, max ${f(Math.max(...r.probes))} ms; ${r.deltas} deltas ` +
        `(median ${f(r.postMs)} ms to deliver one). Host part alone ` +
        `(emit → delta posted, no webview): median ${f(pct(host.probes, 50))} ms, ` +
        `p95 ${f(pct(host.probes, 95))} ms over ${host.probes.length} probes` +
        (slow
          ? `. At 1k events/s with the webview: p95 ${f(pct(slow.probes, 95))} ms, ` +
            `median ${f(pct(slow.probes, 50))} ms over ${slow.probes.length} probes`
          : ''),
    };
  },
};

/** require + activate() of dist/extension.js in plain Node with a stand-in `vscode`. */
const activation = {
  id: 'host.activation-ms',
  target: 50,
  unit: 'ms',
  async run({ quick }) {
    await ensureDist();
    const ext = join(root, 'dist', 'extension.js');
    const runs = [];
    for (let i = 0; i < (quick ? 3 : 9); i++) {
      const r = await runGroup(
        process.execPath,
        [join(root, 'bench', 'host', 'activation.mjs'), root],
        {
          capture: true,
        },
      );
      if (r.code !== 0) throw new Error(`activation.mjs exited ${r.code}: ${r.stderr.trim()}`);
      runs.push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
    }
    const f = (x) => x.toFixed(1);
    const med = (key) => median(runs.map((r) => r[key]));
    return {
      measured: med('totalMs'),
      note:
        `median of ${runs.length} fresh Node processes, wall (CPU ${f(med('cpuMs'))} ms): ` +
        `require ${f(med('requireMs'))} ms + ` +
        `activate() ${f(med('activateMs'))} ms (${runs[0].subscriptions} disposables) of ` +
        `dist/extension.js (${(statSync(ext).size / 1000).toFixed(0)} kB, as built), \`vscode\` a ` +
        `no-op stand-in (bench/host/activation.mjs): our own code's cost, not VS Code's extension host`,
    };
  },
};

export default [ingest, latency, memory, activation];
