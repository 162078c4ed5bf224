// The host pipeline benchmark harness (bench/rows/host.mjs, ingest.mjs, endurance.mjs): bundles
// the pipeline and replay entries (bench/host/pipeline.ts, replay.ts) for Node once per run,
// runs them in their own Node processes, and records a traced program's stdout to a file.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { python, root, runGroup, runOk, traced, tracerEnv } from '../lib.mjs';

const outDir = join(root, 'out', 'bench');
let built = null;

/** dist/extension.js and dist/webview.js, built first on a clean clone (CI runs the bench
 *  before the tests build anything). */
export async function ensureDist() {
  const missing = ['extension.js', 'webview.js'].some((f) => !existsSync(join(root, 'dist', f)));
  if (missing) await runOk(process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

/** Bundle bench/host/pipeline.ts and replay.ts (once per harness run); the pipeline's path. */
export async function bundle() {
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
export async function replay(file) {
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
export function record(file, args) {
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
