// Benchmark rows for the extension host pipeline: a real traced Python child → RunSession
// (ProcessRunner, TraceFeed, TraceModel, DeltaPump) → the run controller's delta path →
// (optionally) headless Chromium running dist/webview.js. The pipeline entry
// (bench/host/pipeline.ts) is bundled for Node here and run in its own Node process.
// See docs/performance.md.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { python, root, traced, tracerEnv, withTempDir } from '../lib.mjs';

const outDir = join(root, 'out', 'bench');
let built = null;

/** Bundle bench/host/pipeline.ts (once per harness run). */
async function bundle() {
  if (!built) {
    mkdirSync(outDir, { recursive: true });
    built = esbuild
      .build({
        absWorkingDir: root,
        entryPoints: { pipeline: 'bench/host/pipeline.ts' },
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

/** Run the pipeline entry with `opts`; resolves its JSON result. */
export async function pipeline(opts, { nodeArgs = [], timeoutMs = 900000 } = {}) {
  const entry = await bundle();
  if (opts.webview && !existsSync(join(root, 'dist', 'webview.js')))
    throw new Error('dist/webview.js is missing: run npm run build first');
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
    const events = quick ? 100000 : 2000000;
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
    const upper = await withTempDir(async (dir) => {
      const file = join(dir, 'trace.bin');
      await record(file, [join(root, workload), '--events', String(events)]);
      return pipeline({ script: workload, args: ['--cat', file], webview: true });
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
        `${live.deltas} deltas, ${(live.bytes / 1e6).toFixed(1)} MB JSON, host ${k(cpuRate(live))} events per CPU-s; ` +
        `cat of a recorded stream → webview: ${k(rate(upper))}/s; host only (no webview): ${k(rate(hostOnly))}/s ` +
        `(${k(cpuRate(hostOnly))} per host CPU-s); load average ${loadavg()[0].toFixed(1)}; ` +
        `retained ${live.retained.spans} spans / ${live.retained.marks} marks, ${live.dropped} merged`,
    };
  },
};

export default [ingest];
