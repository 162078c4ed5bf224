// Shared helpers for the benchmark rows (scripts/bench.mjs): run a program in its own
// process group with stdout drained and discarded (as the extension host reads the
// tracer), time it, kill the whole group on timeout or exit; medians; temp dirs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const python = process.env.PYTHON || 'python3';
export const tracerPath = join(root, 'src', 'python');

/** Process groups still running; killed if the harness is interrupted or exits. */
const live = new Set();

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function killAll() {
  for (const pid of live) killGroup(pid);
  live.clear();
}

process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Run `cmd args` detached (own process group), stdout drained and discarded, stderr kept
 * (last 4 KB). Resolves {code, signal, ms, outBytes, stderr} when stdio closes; ms is the
 * wall time from spawn to close. On timeout the group is killed and the promise rejects.
 * With `capture`, stdout is kept too (last 64 KB, as `stdout`). With `count` (a string),
 * `hits` is how many times it occurs in the whole stderr.
 */
export function runGroup(
  cmd,
  args,
  { cwd = root, env = {}, timeoutMs = 120000, capture = false, count = null } = {},
) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let outBytes = 0;
    let stderr = '';
    let stdout = '';
    let timedOut = false;
    let hits = 0; // occurrences of `count` in the whole stderr (which keeps only its tail)
    let carry = '';
    if (child.pid) live.add(child.pid);
    child.stdout.on('data', (b) => {
      outBytes += b.length;
      if (capture) stdout = (stdout + b.toString()).slice(-65536);
    });
    child.stderr.on('data', (b) => {
      const text = b.toString();
      stderr = (stderr + text).slice(-4096);
      if (count) {
        const s = carry + text;
        for (let i = s.indexOf(count); i >= 0; i = s.indexOf(count, i + count.length)) hits++;
        carry = s.slice(-(count.length - 1)); // a match split across chunks is still seen once
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const done = (fn) => {
      clearTimeout(timer);
      if (child.pid) {
        killGroup(child.pid); // leftovers (e.g. orphaned grandchildren) never outlive a run
        live.delete(child.pid);
      }
      fn();
    };
    child.on('error', (e) => done(() => reject(e)));
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      done(() => {
        if (timedOut)
          reject(new Error(`${cmd} ${args.join(' ')}: timed out after ${timeoutMs} ms`));
        else resolve({ code, signal, ms, outBytes, stderr, stdout, hits });
      });
    });
  });
}

/** Like runGroup, but rejects unless the program exits with code 0. */
export async function runOk(cmd, args, opts) {
  const r = await runGroup(cmd, args, opts);
  if (r.code !== 0) {
    const tail = r.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${args.join(' ')} exited ${r.code ?? r.signal}: ${tail}`);
  }
  return r;
}

/** The program run under the tracer, as the extension does. */
export const traced = (args) => ['-m', 'swimlane_tracer', ...args];
export const tracerEnv = { PYTHONPATH: tracerPath };

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run fn(dir) with a fresh temp dir, removed afterwards. */
export async function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Interleaved pairs: for i < pairs, run a() and b() (order alternates: ab, ba, ab, ...,
 * so slow drift of the machine hits both sides alike). Returns [[a0, b0], [a1, b1], ...].
 */
export async function interleave(pairs, a, b) {
  const out = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      const x = await a(i);
      out.push([x, await b(i)]);
    } else {
      const y = await b(i);
      out.push([await a(i), y]);
    }
  }
  return out;
}
