// Bench tool: interleaved live ingest runs of two (or more) checkouts, for before/after numbers
// on a shared machine. Each round runs every tree's bench/host/pipeline.ts once (1M events of
// bench/host_workload.py into headless Chromium, order alternating per round) and prints the
// rate and the CPU of each process; then the medians. A tree may carry env settings after `@`.
// Usage: node bench/host/compareLive.mjs ROUNDS DIR[@NAME=VALUE...] DIR...   (EVENTS=n to change)
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const [rounds, ...trees] = process.argv.slice(2);
const events = Number(process.env.EVENTS ?? 1000000);
const dirOf = (t) => t.split('@')[0];
const envOf = (t) =>
  Object.fromEntries(
    t
      .split('@')
      .slice(1)
      .map((kv) => kv.split('=')),
  );
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One live run of `tree`'s pipeline; its result line. */
function run(tree) {
  const opts = {
    python: process.env.PYTHON ?? 'python3',
    script: 'bench/host_workload.py',
    args: ['--events', String(events)],
    webview: true,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(dirOf(tree), 'out/bench/pipeline.cjs'), JSON.stringify(opts)],
      {
        cwd: dirOf(tree),
        env: { ...process.env, ...envOf(tree) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err = (err + b).slice(-2000)));
    child.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)));
      } catch {
        reject(new Error(err));
      }
    });
  });
}

for (const t of trees) {
  const h = await import(join(dirOf(t), 'bench/host/harness.mjs'));
  // Older trees' harness does not export bundle(): its replay() builds the bundles first.
  await (h.bundle ? h.bundle() : h.replay('/dev/null').catch(() => undefined));
}
const rows = Object.fromEntries(trees.map((t) => [t, []]));
for (let i = 0; i < Number(rounds); i++) {
  for (const t of i % 2 ? [...trees].reverse() : trees) {
    const j = await run(t);
    const row = {
      rate: Math.round(j.events / (j.ms / 1000)),
      host: Math.round(j.cpuMs),
      child: j.childCpuMs,
      renderer: j.rendererCpuMs,
      browser: j.browserCpuMs,
      all: Math.round(j.cpuMs + j.childCpuMs + j.rendererCpuMs + j.browserCpuMs),
      pageBusy: Math.round(j.pageCpuMs),
      deltas: j.deltas,
      mb: +(j.bytes / 1e6).toFixed(1),
    };
    rows[t].push(row);
    console.log(t, JSON.stringify(row));
  }
}
for (const t of trees) {
  const keys = Object.keys(rows[t][0] ?? {});
  console.log('median', t, keys.map((k) => `${k}=${median(rows[t].map((r) => r[k]))}`).join(' '));
}
