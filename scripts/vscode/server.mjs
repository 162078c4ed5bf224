// Starts and stops the cached VS Code server (see setup.mjs) as its own process group, and
// installs VSIX files into it. Everything started here is killed by process group on stop(),
// on process exit and on SIGINT/SIGTERM; a per-server environment tag catches processes that
// left the group (e.g. a program the extension started with setsid).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureVSCodeServer } from './setup.mjs';

const TAG = 'SWIMLANE_SERVER_TAG';
/** Live process groups: pgid → { tag, home }. */
const live = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids whose environment carries TAG=tag (Linux /proc), never this process. */
function taggedPids(tag) {
  const needle = `${TAG}=${tag}\0`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) found.push(+name);
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

function killSync(pgid, tag) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  if (!tag) return;
  for (const pid of taggedPids(tag)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM to the group, SIGKILL after graceMs; then kills stragglers carrying the tag. */
export async function killGroup(pgid, { tag, graceMs = 5000 } = {}) {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (alive(pgid) && Date.now() < deadline) await sleep(100);
  killSync(pgid, tag);
  for (let i = 0; i < 50 && (alive(pgid) || (tag && taggedPids(tag).length)); i++) await sleep(100);
}

// On a signal: stop every live server; exit unless another handler (the caller's) will.
function onSignal(signal) {
  const others = process.listenerCount(signal) > 1;
  const stops = [...live].map(async ([pgid, { tag, home }]) => {
    await killGroup(pgid, { tag, graceMs: 1000 });
    rmSync(home, { recursive: true, force: true });
  });
  Promise.all(stops).finally(() => others || process.exit(signal === 'SIGINT' ? 130 : 143));
}
// Last resort, whoever calls process.exit(): synchronous kill and clean-up.
function onExit() {
  for (const [pgid, { tag, home }] of live) {
    killSync(pgid, tag);
    rmSync(home, { recursive: true, force: true });
  }
}
function track(pgid, tag, home) {
  if (live.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', onExit);
  }
  live.set(pgid, { tag, home });
}
function untrack(pgid) {
  live.delete(pgid);
  if (live.size === 0) {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', onExit);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpReady(port) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/version', timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Environment for server processes: own HOME, a tag, and no leaked VS Code/Electron variables. */
function serverEnv(home, tag) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VSCODE_|ELECTRON_)/.test(k)) env[k] = v;
  }
  return { ...env, HOME: home, [TAG]: tag, XDG_CONFIG_HOME: join(home, '.config') };
}

/** Spawns node24 server-main.js with args in a new process group; resolves with the child. */
function spawnServer(node24, serverMain, args, env, onOutput) {
  const child = spawn(node24, [serverMain, ...args], {
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => onOutput(String(d)));
  child.stderr.on('data', (d) => onOutput(String(d)));
  return child;
}

/**
 * Serves VS Code on 127.0.0.1 with the smoke-test driver on. Options: extensionsDir,
 * userDataDir, port (default: a free one), extraArgs, workspaceTrust (default false: trust is
 * disabled, every folder trusted; true: folders open in Restricted Mode), log (function receiving server output;
 * default: kept, printed when the server fails to start or SWIMLANE_SERVER_LOG=1).
 * Resolves with { port, url, pid, exited (promise of the exit code), stop() }.
 */
export async function startServer({
  extensionsDir,
  userDataDir,
  port,
  extraArgs = [],
  workspaceTrust = false,
  log,
} = {}) {
  const { node24, serverMain } = await ensureVSCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'swimlane-home-'));
  const tag = randomUUID();
  port ??= await freePort();
  let output = '';
  const onOutput =
    log ??
    ((text) => {
      output = (output + text).slice(-20000);
      if (process.env.SWIMLANE_SERVER_LOG === '1') process.stderr.write(text);
    });
  const args = [
    ...['--host', '127.0.0.1', '--port', String(port), '--without-connection-token'],
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--enable-smoke-test-driver',
    ...['--user-data-dir', userDataDir, '--server-data-dir', userDataDir],
    ...['--extensions-dir', extensionsDir],
    ...extraArgs,
  ];
  const child = spawnServer(node24, serverMain, args, serverEnv(home, tag), onOutput);
  track(child.pid, tag, home);
  let exited = null;
  const done = new Promise((r) => child.on('exit', (code, signal) => r((exited = code ?? signal))));
  const stop = async () => {
    await killGroup(child.pid, { tag });
    untrack(child.pid);
    rmSync(home, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60000;
  while (!(await httpReady(port))) {
    if (exited !== null || Date.now() > deadline) {
      await stop();
      const why = exited !== null ? `exited with ${exited}` : 'did not listen within 60 s';
      throw new Error(`VS Code server ${why}; its output:\n${output}`);
    }
    await sleep(200);
  }
  return { port, url: `http://127.0.0.1:${port}/`, pid: child.pid, exited: done, stop };
}

/** Installs a VSIX with the server's CLI into extensionsDir; resolves with its output. */
export async function installExtension({ vsixPath, extensionsDir, userDataDir }) {
  const { node24, serverMain } = await ensureVSCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'swimlane-home-'));
  const tag = randomUUID();
  let output = '';
  const args = [
    ...['--install-extension', vsixPath, '--force', '--extensions-dir', extensionsDir],
    ...['--user-data-dir', userDataDir, '--server-data-dir', userDataDir],
    '--accept-server-license-terms',
  ];
  const child = spawnServer(node24, serverMain, args, serverEnv(home, tag), (t) => (output += t));
  track(child.pid, tag, home);
  const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? s)));
  await killGroup(child.pid, { tag, graceMs: 1000 });
  untrack(child.pid);
  rmSync(home, { recursive: true, force: true });
  if (code !== 0) throw new Error(`installing ${vsixPath} failed (${code}):\n${output}`);
  return output;
}
