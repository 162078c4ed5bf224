// One real VS Code session for the vscode.* bench rows: the packaged VSIX installed into the
// cached VS Code server (scripts/vscode/setup.mjs), its workbench in headless Chromium
// (playwright-core), "Concurrency: Run Lock Demo" run from the palette `runs` times (the first
// one cold: the extension not yet activated), each timed from Enter to the first lane painted
// in the webview (watchers.mjs), and the activation time read from VS Code's own
// "Developer: Show Running Extensions" editor. The server's process group is killed at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { installExtension, startServer } from '../../scripts/vscode/setup.mjs';
import { withTempDir } from '../lib.mjs';
import { WATCHERS } from './watchers.mjs';

const LOCK_DEMO = 'Concurrency: Run Lock Demo';
const RUNNING = 'Developer: Show Running Extensions';
const CLOSE_ALL = 'View: Close All Editors';
const EXTENSION_NAME = 'Concurrency Swimlane';
const CHROMIUM_ARGS = [
  ...['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  ...['--disable-background-networking', '--disable-component-update', '--disable-sync'],
];
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with check()'s value once truthy (polled every `every` ms); rejects after ms. */
async function until(what, check, ms, every = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await sleep(every);
  }
}

/** Opens the palette and filters until a row titled exactly `title` shows (contributed
 *  commands appear only once the extension host runs; an open palette does not refresh);
 *  with `first`, that row must also be the focused first one (Enter runs it). */
async function paletteRow(page, filter, title, first = false) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  return until(
    `"${title}" in the palette`,
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${filter}`);
      await rows.first().waitFor({ state: 'visible', timeout: 3000 });
      const labels = await rows.evaluateAll((els) =>
        els.map((e) => e.querySelector('.label-name')?.textContent?.trim() ?? ''),
      );
      const at = labels.indexOf(title);
      if (at < 0 || (first && at > 0)) return null;
      return rows.nth(at);
    },
    120000,
    0,
  );
}

/** Runs a palette command by title and waits for the palette to close. */
async function runCommand(page, filter, title) {
  await (await paletteRow(page, filter, title)).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
}

/** Runs the Lock Demo from the palette; resolves the ms from Enter to the first lane inserted
 *  and painted in the new webview. */
async function timeLockDemo(page) {
  await runCommand(page, 'Close All Editors', CLOSE_ALL);
  await until(
    'no webview left',
    async () => (await page.locator('iframe.webview').count()) === 0,
    10000,
  );
  // Closing the panel stops its run; wait until it has ended (our status-bar item, "Lock
  // Demo: …", goes away), so a run never starts while the previous one is being stopped.
  const status = page.locator('.part.statusbar .statusbar-item', { hasText: 'Lock Demo' });
  await until('the previous run to end', async () => (await status.count()) === 0, 30000);
  await paletteRow(page, 'Run Lock Demo', LOCK_DEMO, true);
  const before = new Set(page.frames());
  await page.evaluate(() => (globalThis.__slEnter = null));
  await page.keyboard.press('Enter');
  const lane = await until(
    'the first lane in the new webview',
    async () => {
      for (const f of page.frames()) {
        if (before.has(f) || f.isDetached()) continue;
        const st = await f.evaluate(() => globalThis.__slLane ?? null).catch(() => null);
        if (st && st.painted !== null) return st;
      }
      return null;
    },
    60000,
  );
  const enter = await page.evaluate(() => globalThis.__slEnter);
  if (typeof enter !== 'number') throw new Error('the Enter keydown was not recorded');
  const at = (t) => t - enter;
  return { frame: at(lane.created), inserted: at(lane.inserted), painted: at(lane.painted) };
}

/** The "Activation: N ms" of our row in Developer: Show Running Extensions (VS Code's
 *  codeLoadingTime + activateCallTime), and its hover, which says what activated it. */
async function runningExtension(page) {
  await runCommand(page, 'Show Running Extensions', RUNNING);
  const editor = page.locator('.runtime-extensions-editor');
  await editor.waitFor({ timeout: 20000 });
  // Other extensions (git, …) are activated at startup: wait for the list to show them.
  await editor.locator('.extension').first().waitFor({ timeout: 20000 });
  const row = editor.locator('.extension', { hasText: EXTENSION_NAME });
  if ((await row.count()) === 0) throw new Error(`${EXTENSION_NAME} is not in ${RUNNING}`);
  const time = row.first().locator('.activation-time');
  const text = await until(
    'an activation time',
    async () => {
      const t = ((await time.textContent()) ?? '').trim();
      return /\d+\s*ms/.test(t) ? t : null;
    },
    20000,
  );
  let reason = '';
  try {
    await time.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').last();
    await hover.waitFor({ state: 'visible', timeout: 3000 });
    reason = ((await hover.textContent()) ?? '').trim();
    await page.mouse.move(0, 0);
  } catch {
    reason = '(hover not shown)';
  }
  return { ms: Number(/(\d+)\s*ms/.exec(text)[1]), text, reason };
}

/**
 * Installs `vsix` into a fresh VS Code server and measures: `runs` palette → first lane
 * timings (first cold), and the activation time as VS Code's Running Extensions shows it.
 * Resolves { cold, warm: [...], activation: {ms, text, reason}, serverMs, readyMs } (ms).
 */
export async function measureSession({ vsix, runs }) {
  return withTempDir(async (temp) => {
    const dirs = { extensionsDir: join(temp, 'extensions'), userDataDir: join(temp, 'data') };
    await installExtension({ vsixPath: vsix, ...dirs });
    const t0 = Date.now();
    const server = await startServer(dirs);
    let context = null;
    try {
      const serverMs = Date.now() - t0;
      context = await chromium.launchPersistentContext(join(temp, 'browser'), {
        executablePath: process.env.SWIMLANE_CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1600, height: 1000 },
      });
      await context.addInitScript({ content: WATCHERS });
      const page = context.pages()[0] ?? (await context.newPage());
      const workspace = join(temp, 'workspace');
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(SETTINGS));
      await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90000 });
      await paletteRow(page, 'Run Lock Demo', LOCK_DEMO);
      const readyMs = Date.now() - t0;
      const timings = [];
      for (let i = 0; i < runs; i++) timings.push(await timeLockDemo(page));
      const activation = await runningExtension(page);
      return { cold: timings[0], warm: timings.slice(1), activation, serverMs, readyMs };
    } finally {
      if (context) await Promise.race([context.close(), sleep(10000)]);
      await server.stop();
    }
  });
}
