// `npm start`: builds and packages the extension, then opens VS Code with it installed.
// With a `code` CLI on PATH: `code --install-extension <vsix>` and a new window. Otherwise (or
// with --server): installs the VSIX into the cached VS Code server (scripts/vscode/setup.mjs),
// serves it on 127.0.0.1 and prints the URL (opened with xdg-open when available); runs until
// Ctrl-C, then kills the server's process group. Args: [--server] [FOLDER to open].
// Env: SWIMLANE_PORT (default: a free port).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vsix = join(root, 'dist', 'concurrency-swimlane.vsix');
const args = process.argv.slice(2);
const forceServer = args.includes('--server');
const folderArg = args.find((a) => !a.startsWith('--'));

function step(msg) {
  console.log(`[start] ${msg}`);
}

/** Runs a command in the repo with inherited output; exits on failure. */
function must(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] ${cmd} ${cmdArgs.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/** The full path of an executable on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Warns when no Python 3.9+ is found: the demos need one (setting concurrencySwimlane.pythonPath). */
function checkPython() {
  for (const py of ['python3', 'python']) {
    const r = spawnSync(
      py,
      ['-c', 'import sys; print(sys.version.split()[0], sys.version_info >= (3, 9))'],
      {
        encoding: 'utf8',
      },
    );
    if (r.status === 0) {
      const [version, ok] = r.stdout.trim().split(' ');
      if (ok === 'True') return step(`Python ${version} (${py})`);
      console.warn(`[start] ${py} is ${version}; the demos need Python 3.9 or later`);
    }
  }
  console.warn('[start] no Python 3.9+ on PATH: set concurrencySwimlane.pythonPath in VS Code');
}

if (!existsSync(join(root, 'node_modules'))) {
  step('node_modules missing: npm ci');
  must('npm', ['ci']);
}
checkPython();
step('building and packaging the VSIX');
must('npm', ['run', 'package']);

const code = forceServer ? null : onPath('code');
if (code) {
  step(`installing into your VS Code (${code})`);
  must(code, ['--install-extension', vsix, '--force']);
  must(code, ['--new-window', ...(folderArg ? [resolve(folderArg)] : [])]);
  step('opened VS Code: run "Concurrency: Run Lock Demo" from the command palette');
  process.exit(0);
}

const { cacheDir, installExtension, startServer } = await import('./vscode/setup.mjs');
const home = join(cacheDir(), 'start');
const dirs = { extensionsDir: join(home, 'extensions'), userDataDir: join(home, 'data') };
const folder = folderArg ? resolve(folderArg) : join(home, 'workspace');
mkdirSync(folder, { recursive: true });
step('no `code` on PATH: using the local VS Code server (first run installs it, ~2–3 min)');
await installExtension({ vsixPath: vsix, ...dirs });
const port = process.env.SWIMLANE_PORT ? Number(process.env.SWIMLANE_PORT) : undefined;
const server = await startServer({ ...dirs, port });
const url = `${server.url}?folder=${encodeURIComponent(folder)}`;
console.log(`\n  VS Code with Concurrency Swimlane: ${url}\n`);
console.log('  Command palette (F1) → "Concurrency: Run Lock Demo". Ctrl-C stops the server.\n');
if (onPath('xdg-open') && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
  spawn('xdg-open', [url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}
// Ctrl-C/SIGTERM: stop the server's process group, then exit.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopping = true;
    step('stopping the VS Code server…');
    server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
const exitCode = await server.exited;
if (!stopping) {
  console.error(`[start] the VS Code server exited (${exitCode})`);
  await server.stop();
  process.exit(1);
}
