// End to end: the packaged VSIX installed into a real VS Code (the cached VS Code server, see
// scripts/vscode/setup.mjs), served to headless chromium; "Run Lock Demo" from the command
// palette, then the swimlane is checked inside the webview: finished, 101 lanes, 1 sold of 1.
// A page reload (a window reload) then revives the panel with the finished run. Then, in the
// same workbench, the Get Started walkthrough's ticket race button (walkthroughUi.ts).
// The workbench and the steps in it: workbench.ts.
// Env: SWIMLANE_VSIX=<file> skips `npm run package` and installs that file instead.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { procState } from '../../src/runner/processTree';
import { walkthroughCompare } from './walkthroughUi';
import {
  launchChromium,
  openWorkspace,
  reloadWindow,
  ROOT,
  runFromPalette,
  runProcessesUnder,
  startServer,
  swimlane,
  until,
  type Server,
} from './workbench';

const SCREENSHOT = join(ROOT, 'test-results', 'e2e', 'lock-demo.png');
const DOCS_IMAGE = join(ROOT, 'docs', 'images', 'lock-demo.png');

const temp = mkdtempSync(join(tmpdir(), 'swimlane-e2e-'));
process.once('exit', () => rmSync(temp, { recursive: true, force: true }));
let server: Server | null = null;
let context: BrowserContext | null = null;
let page: Page;

before(
  async () => {
    server = await startServer(temp);
    context = await launchChromium(temp);
    page = context.pages()[0] ?? (await context.newPage());
    await openWorkspace(page, server, temp);
  },
  { timeout: 15 * 60_000 },
);

after(async () => {
  if (context) await Promise.race([context.close(), new Promise((r) => setTimeout(r, 10_000))]);
  if (server) await server.stop();
  rmSync(temp, { recursive: true, force: true });
});

test(
  'Run Lock Demo from the palette: 101 lanes, 1 ticket sold of 1',
  { timeout: 6 * 60_000 },
  async () => {
    mkdirSync(join(ROOT, 'test-results', 'e2e'), { recursive: true });
    try {
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
      await runFromPalette(page);
      const view = swimlane(page);
      const state = view.locator('[data-testid="state"]');
      const ended = await until(
        'the Lock Demo run to end',
        async () => {
          const s =
            (await state.getAttribute('data-state', { timeout: 1000 })) ??
            (await state.textContent());
          return s && ['finished', 'failed', 'stopped'].includes(s.trim()) ? s.trim() : null;
        },
        180_000,
      );
      const error = await view
        .locator('[data-testid="error"]')
        .textContent()
        .catch(() => '');
      assert.equal(ended, 'finished', `run ended ${ended}: ${error}`);
      await until(
        '101 lanes',
        async () => (await view.locator('[data-testid="lane"]').count()) === 101,
        10_000,
      ).catch(() => undefined);
      assert.equal(await view.locator('[data-testid="lane"]').count(), 101);
      const tickets = ((await view.locator('[data-testid="tickets"]').textContent()) ?? '').replace(
        /\s+/g,
        ' ',
      );
      assert.match(tickets, /\b1 sold\b.*\b1 available\b/, `tickets chip says "${tickets}"`);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(SCREENSHOT, DOCS_IMAGE);
    } catch (err) {
      await page
        .screenshot({ path: join(ROOT, 'test-results', 'e2e', 'lock-demo-failure.png') })
        .catch(() => {});
      throw err;
    }
  },
);

test(
  'a window reload brings the panel back, with the finished run (webview serializer)',
  { timeout: 4 * 60_000 },
  async () => {
    const shot = join(ROOT, 'test-results', 'e2e', 'reloaded.png');
    try {
      await reloadWindow(page);
      // VS Code revives the panel through the serializer (activation onWebviewPanel); the
      // webview restores the run it saved with setState, with no run and no host message.
      const view = swimlane(page);
      await until(
        'the revived panel to show 101 lanes',
        async () => (await view.locator('[data-testid="lane"]').count()) === 101,
        120_000,
      );
      const state = view.locator('[data-testid="state"]');
      const s = (await state.getAttribute('data-state')) ?? (await state.textContent()) ?? '';
      assert.equal(s.trim(), 'finished');
      const tickets = (await view.locator('[data-testid="tickets"]').textContent()) ?? '';
      assert.match(tickets.replace(/\s+/g, ' '), /\b1 sold\b/);
      await page.screenshot({ path: shot });
    } catch (err) {
      await page.screenshot({ path: shot.replace('.png', '-failure.png') }).catch(() => {});
      throw err;
    }
  },
);

test(
  "a window reload mid-run ends the run's process tree; the revived panel says it was not kept",
  { timeout: 5 * 60_000 },
  async () => {
    const shot = join(ROOT, 'test-results', 'e2e', 'reloaded-mid-run.png');
    try {
      await runFromPalette(page);
      const view = swimlane(page);
      // The Lock Demo takes ~10 s: reload while most of its 100 clients still wait.
      const pids: number[] = await until(
        'the run to have 20 processes',
        async () => {
          const found = runProcessesUnder(server!.pid);
          return found.length >= 20 ? found : undefined;
        },
        120_000,
      );
      const state = await view.locator('[data-testid="state"]').getAttribute('data-state');
      assert.equal(state, 'running', 'the run is still going when the window reloads');
      let t0 = Date.now();
      const reloaded = reloadWindow(page, (ms) => (t0 = ms));
      const alive = (): number[] => pids.filter((p) => ![null, 'Z'].includes(procState(p)));
      await until(
        `the run's processes to end (${alive().length} alive)`,
        async () => alive().length === 0,
        10_000,
      );
      console.log(
        `# window reload mid-run: ${pids.length} processes gone in ${Date.now() - t0} ms`,
      );
      await reloaded;
      await until(
        'the revived panel to say the run was not kept',
        async () =>
          /not kept/.test((await view.locator('[data-testid="empty"]').textContent()) ?? ''),
        120_000,
      );
      assert.ok(await view.locator('[data-testid="stop"]').isHidden(), 'no Stop button');
      await page.screenshot({ path: shot });
    } catch (err) {
      await page.screenshot({ path: shot.replace('.png', '-failure.png') }).catch(() => {});
      throw err;
    }
  },
);

test(
  "the walkthrough's ticket race step: its Compare button runs both demos side by side",
  { timeout: 4 * 60_000 },
  async () => {
    const shots = join(ROOT, 'test-results', 'e2e', 'walkthrough');
    try {
      await walkthroughCompare(page, shots);
      copyFileSync(`${shots}-step.png`, join(ROOT, 'docs', 'images', 'walkthrough.png'));
    } catch (err) {
      await page.screenshot({ path: `${shots}-failure.png` }).catch(() => {});
      throw err;
    }
  },
);
