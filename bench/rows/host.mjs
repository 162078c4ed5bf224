// Benchmark rows for the extension host pipeline: a real traced Python child → RunSession
// (ProcessRunner, TraceFeed, TraceModel, DeltaPump) → the run controller's delta path →
// (optionally) headless Chromium running dist/webview.js. The pipeline entry
// (bench/host/pipeline.ts) is bundled for Node here and run in its own Node process.
// See docs/performance.md.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { median, python, root, runGroup, runOk, traced, tracerEnv, withTempDir } from '../lib.mjs';

const outDir = join(root, 'out', 'bench');
let built = null;

/** dist/extension.js and dist/webview.js, built first on a clean clone (CI runs the bench
 *  before the tests build anything). */
async function ensureDist() {
  const missing = ['extension.js', 'webview.js'].some((f) => !existsSync(join(root, 'dist', f)));
  if (missing) await runOk(process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

/** Bundle bench/host/pipeline.ts (once per harness run). */
async function bundle() {
  await ensureDist();
  if (!built) {
    mkdirSync(outDir, { recursive: true });
    built = esbuild
      .build({
        absWorkingDir: root,
        entryPoints: { pipeline: 'bench/host/pipeline.ts', replay: 'bench/host/replay.ts' },
        outdir: outDir,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'playwright-core'],
        logLevel: 'warning',
      })
      .then(() => join(outDir, 'pipeline.cjs'));
  }
  return built;
}

/** The host pipeline's CPU cost alone: a recorded trace replayed in-process (replay.ts). */
async function replay(file) {
  await bundle();
  const r = await runGroup(process.execPath, [join(outDir, 'replay.cjs'), file], { capture: true });
  if (r.code !== 0) throw new Error(`replay exited ${r.code}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** Run the pipeline entry with `opts`; resolves its JSON result. */
export async function pipeline(opts, { nodeArgs = [], timeoutMs = 900000 } = {}) {
  const entry = await bundle();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeArgs, entry, JSON.stringify({ python, ...opts })],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err = (err + b).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(
          new Error(`pipeline exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`),
        );
      else resolve(JSON.parse(line));
    });
  });
}

/** Record a traced program's stdout to `file`. */
function record(file, args) {
  return new Promise((resolve, reject) => {
    const fd = openSync(file, 'w');
    const child = spawn(python, traced(args), {
      cwd: root,
      env: { ...process.env, ...tracerEnv },
      stdio: ['ignore', fd, 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`recording exited ${code}`));
    });
  });
}

const k = (x) => `${Math.round(x / 1000)}k`;
const workload = 'bench/host_workload.py';

/** Events/s from a traced child through the host into headless Chromium. */
const ingest = {
  id: 'host.ingest-events-per-s',
  target: 250000,
  unit: 'events/s',
  better: 'higher',
  async run({ quick }) {
    const events = quick ? 50000 : 1000000;
    const live = await pipeline({
      script: workload,
      args: ['--events', String(events)],
      webview: true,
    });
    const rate = (r) => r.events / (r.ms / 1000);
    const cpuRate = (r) => r.events / (r.cpuMs / 1000);
    if (live.state !== 'finished') throw new Error(`run ${live.state}: ${live.error}`);
    if (live.pageErrors.length) throw new Error(`webview: ${live.pageErrors.join(' | ')}`);
    // Upper bound: the same frames pre-recorded, piped by cat (no Python formatting cost).
    // And the host's CPU cost alone: the recording replayed in-process.
    const [upper, cpu] = await withTempDir(async (dir) => {
      const file = join(dir, 'trace.bin');
      await record(file, [join(root, workload), '--events', String(events)]);
      const cpuOnly = await replay(file);
      if (quick) return [null, cpuOnly];
      return [await pipeline({ script: workload, args: ['--cat', file], webview: true }), cpuOnly];
    });
    const hostOnly = await pipeline({
      script: workload,
      args: ['--events', String(events)],
      webview: false,
    });
    return {
      measured: rate(live),
      note:
        `${live.events} events (live traced child, Emitter mix) → webview in ${(live.ms / 1000).toFixed(2)} s, ` +
        `${live.deltas} deltas, ${(live.bytes / 1e6).toFixed(1)} MB JSON, host ${k(cpuRate(live))} events per CPU-s, ` +
        `page ${live.pageCpuMs ? k(live.events / (live.pageCpuMs / 1000)) : '?'} per page main-thread CPU-s; ` +
        `cat of a recorded stream → webview: ${upper ? `${k(rate(upper))}/s` : 'not run (quick)'}; host only (no webview): ${k(rate(hostOnly))}/s ` +
        `(${k(cpuRate(hostOnly))} per host CPU-s); the same events replayed in-process ` +
        `(parse → model → delta JSON, no child): ${k(cpuRate(cpu))} per CPU-s; load average ${loadavg()[0].toFixed(1)}; ` +
        `retained ${live.retained.spans} spans / ${live.retained.marks} marks, ${live.dropped} merged`,
    };
  },
};

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
        liveEveryMs: quick ? 1500 : 15000,
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
        `live JS heap (measured: right after a forced full GC, every ${quick ? 1.5 : 15} s, ` +
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
