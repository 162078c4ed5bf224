// The real VS Code workbench the e2e tests drive: package and install the VSIX into the cached
// VS Code server (scripts/vscode/setup.mjs), start it, open a workspace in headless chromium,
// and the steps a user takes there (command palette, Reload Window) plus what the tests look at
// (the swimlane webview's document, a run's live processes). Used by lockDemo.e2e.test.ts.
// Env: SWIMLANE_VSIX=<file> skips `npm run package` and installs that file instead.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { findMarked } from '../../src/runner/processTree';

/** The repository root (this file is bundled into out/test/e2e). */
export const ROOT = resolve(__dirname, '..', '..', '..');
const COMMAND_TITLE = 'Concurrency: Run Lock Demo';
const CHROMIUM_ARGS = [
  ...['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  ...['--disable-background-networking', '--disable-component-update', '--disable-sync'],
];

/** A running VS Code server, as scripts/vscode/setup.mjs starts it. */
export interface Server {
  port: number;
  pid: number;
  url: string;
  stop(): Promise<void>;
}
/** What scripts/vscode/setup.mjs exports (an ESM module loaded at run time). */
interface Setup {
  installExtension(o: {
    vsixPath: string;
    extensionsDir: string;
    userDataDir: string;
  }): Promise<string>;
  startServer(o: { extensionsDir: string; userDataDir: string }): Promise<Server>;
}

/** Workspace settings that keep the screenshot about the swimlane (no welcome page, no chat). */
const WORKSPACE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
};

/** Resolves with check()'s value once it is truthy; rejects after timeoutMs. */
export async function until<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs: number,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Builds dist/concurrency-swimlane.vsix with the package script (or takes SWIMLANE_VSIX). */
function packageVsix(): string {
  if (process.env.SWIMLANE_VSIX) return resolve(process.env.SWIMLANE_VSIX);
  const npm = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(npm.status, 0, 'npm run package failed');
  return join(ROOT, 'dist', 'concurrency-swimlane.vsix');
}

/** Packages the VSIX, installs it under `temp` and starts the VS Code server on it. */
export async function startServer(temp: string): Promise<Server> {
  const setupUrl = pathToFileURL(join(ROOT, 'scripts', 'vscode', 'setup.mjs')).href;
  const setup = (await import(setupUrl)) as Setup;
  const vsixPath = packageVsix();
  const dirs = { extensionsDir: join(temp, 'extensions'), userDataDir: join(temp, 'data') };
  await setup.installExtension({ vsixPath, ...dirs });
  return setup.startServer(dirs);
}

/** Headless chromium (SWIMLANE_CHROMIUM or /usr/bin/chromium) with its profile under `temp`. */
export function launchChromium(temp: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(temp, 'browser'), {
    executablePath: process.env.SWIMLANE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
  });
}

/** Makes a workspace folder under `temp` (with WORKSPACE_SETTINGS) and opens it in `page`. */
export async function openWorkspace(page: Page, server: Server, temp: string): Promise<void> {
  const workspace = join(temp, 'workspace');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS));
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
}

/** Opens the palette, filters for Run Lock Demo and runs it once its row exists. */
export async function runFromPalette(p: Page): Promise<void> {
  const input = p.locator('.quick-input-widget .quick-input-box input');
  const row = p.locator('.quick-input-list .monaco-list-row', { hasText: COMMAND_TITLE });
  // Contributed commands appear only once the extension host runs; an open palette does not
  // refresh, so close and reopen it until the row is there.
  await until(
    `"${COMMAND_TITLE}" in the command palette`,
    async () => {
      await p.keyboard.press('Escape');
      await p.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('>Run Lock Demo');
      await row.first().waitFor({ state: 'visible', timeout: 3000 });
      return true;
    },
    120_000,
  );
  const first = p.locator('.quick-input-list .monaco-list-row').first();
  if (((await first.textContent()) ?? '').includes(COMMAND_TITLE)) await p.keyboard.press('Enter');
  else await row.first().click();
}

/** Developer: Reload Window from the palette, as a user does (the workbench saves its editors'
 *  state, the webview's setState included, then reloads the page); resolves once reloaded. */
export async function reloadWindow(p: Page, clicked?: (ms: number) => void): Promise<void> {
  await p.keyboard.press('Escape');
  await p.keyboard.press('F1');
  const input = p.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill('>Developer: Reload Window');
  const row = p.locator('.quick-input-list .monaco-list-row', {
    hasText: 'Developer: Reload Window',
  });
  await row.first().waitFor({ state: 'visible', timeout: 10_000 });
  const loaded = p.waitForEvent('load', { timeout: 60_000 });
  clicked?.(Date.now());
  await Promise.all([loaded, row.first().click()]);
  await p.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
}

/** Live processes of a run (marked in their environment) started under the server `root`. */
export function runProcessesUnder(root: number): number[] {
  const parent = (pid: number): number => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return 0;
    }
  };
  return findMarked('', true).filter((pid) => {
    for (let p = pid, i = 0; p > 1 && i < 64; p = parent(p), i++) if (p === root) return true;
    return false;
  });
}

/** The swimlane webview's inner document. */
export function swimlane(p: Page): FrameLocator {
  return p.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
}
