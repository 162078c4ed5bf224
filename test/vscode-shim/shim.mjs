// "VS Code executable" for @vscode/test-electron on machines without a desktop VS Code: serves
// the cached VS Code server (scripts/vscode/setup.mjs), opens it in Debian's chromium through
// playwright-core with the smoke-test driver's payload (extensionDevelopmentPath,
// extensionTestsPath), relays mocha's output to stdout and exits with the tests' exit code.
// Started by ./code; kills everything it started (browser, server process group, temp dirs).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/vscode/setup.mjs';

const CHROMIUM = process.env.SWIMLANE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  ...['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  ...['--disable-background-networking', '--disable-component-update', '--disable-sync'],
];
const TIMEOUT_MS = Number(process.env.SWIMLANE_SHIM_TIMEOUT_MS || 15 * 60 * 1000);
const debug = process.env.SWIMLANE_SHIM_DEBUG === '1';
// The workbench's own info logs ("[AgentHost] …") share the channel with the extension host's
// console (mocha): hidden unless SWIMLANE_SHIM_DEBUG=1.
const WORKBENCH_TAG = /^\[[A-Za-z][\w .:-]*\] /;

/** Picks the flags this shim understands; ignores the rest of what test-electron passes. */
export function parseArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionTestsPath: null, folder: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(extensionDevelopmentPath|extensionTestsPath)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (m[1] === 'extensionTestsPath') out.extensionTestsPath = resolve(value);
      else out.extensionDevelopmentPaths.push(resolve(value));
    } else if (!arg.startsWith('-') && out.folder === null) {
      out.folder = resolve(arg);
    }
  }
  return out;
}

/** The workbench URL that opens `folder` and runs the tests through the smoke-test driver. */
export function workbenchUrl(port, folder, devPaths, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = `folder=${encodeURIComponent(folder)}`;
  return `http://127.0.0.1:${port}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Copies the extension folders listed in $SWIMLANE_SHIM_EXTENSIONS (path-delimited) into the
 * server's extensions dir, as installed extensions (test doubles such as a fake Python extension). */
function installExtraExtensions(extensionsDir) {
  for (const dir of (process.env.SWIMLANE_SHIM_EXTENSIONS ?? '').split(delimiter).filter(Boolean)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    cpSync(dir, join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), {
      recursive: true,
    });
  }
}

/** Runs the tests; resolves with the exit code. Cleans up in all cases. */
export async function main(argv) {
  const args = parseArgs(argv);
  if (!args.extensionTestsPath || args.extensionDevelopmentPaths.length === 0) {
    console.error('usage: code --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
    return 2;
  }
  const temp = mkdtempSync(join(tmpdir(), 'swimlane-shim-'));
  const dirs = { ext: join(temp, 'extensions'), data: join(temp, 'data'), web: join(temp, 'web') };
  for (const d of Object.values(dirs)) mkdirSync(d);
  installExtraExtensions(dirs.ext);
  const folder = args.folder ?? join(temp, 'workspace');
  mkdirSync(folder, { recursive: true });
  let server = null;
  let context = null;
  let timer = null;
  const cleanup = async () => {
    clearTimeout(timer);
    if (context) await Promise.race([context.close(), new Promise((r) => setTimeout(r, 10000))]);
    context = null;
    if (server) await server.stop();
    server = null;
    rmSync(temp, { recursive: true, force: true });
  };
  const onSignal = () => cleanup().finally(() => process.exit(130));
  const onExit = () => rmSync(temp, { recursive: true, force: true });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);
  try {
    // SWIMLANE_WORKSPACE_TRUST=1: workspace trust on, so the folder opens in Restricted Mode.
    server = await startServer({
      extensionsDir: dirs.ext,
      userDataDir: dirs.data,
      workspaceTrust: process.env.SWIMLANE_WORKSPACE_TRUST === '1',
    });
    console.error(`[vscode-shim] VS Code server on ${server.url}`);
    context = await chromium.launchPersistentContext(dirs.web, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    if (debug) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[vscode-shim] page error: ${e.message}`));
    let exit;
    const exited = new Promise((r) => (exit = r));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (type === 'error' || type === 'warn') process.stderr.write(`${text}\n`);
      else if (debug || !WORKBENCH_TAG.test(text)) process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code) || 0));
    const timedOut = new Promise((r) => {
      timer = setTimeout(() => {
        console.error(`[vscode-shim] timed out after ${TIMEOUT_MS / 1000} s`);
        r(124);
      }, TIMEOUT_MS);
    });
    const url = workbenchUrl(
      server.port,
      folder,
      args.extensionDevelopmentPaths,
      args.extensionTestsPath,
    );
    if (debug) console.error(`[vscode-shim] opening ${url}`);
    await page.goto(url);
    return await Promise.race([exited, timedOut]);
  } catch (err) {
    console.error(`[vscode-shim] ${err?.stack ?? err}`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
    process.removeListener('exit', onExit);
  }
}
