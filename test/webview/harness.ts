// Test harness: the built webview (dist/webview.js + media/swimlane.css) in headless Chromium,
// inside the exact HTML the extension serves (webviewHtml, strict CSP), with a stubbed VS Code API.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeNonce, webviewHtml } from '../../src/panel/webviewHtml';
import type { HostToWebview, WebviewToHost } from '../../src/shared/webviewProtocol';

/** What the init script adds to `window` in the page. */
export interface StubWindow {
  __posted: WebviewToHost[];
  __csp: string[];
  __warnings: string[];
  __xss?: unknown;
  /** The last value passed to setState. */
  __state?: unknown;
  /** Messages dispatched to the page so far (counted by a listener that runs before the
   *  webview's own, in the same dispatch). */
  __seen: number;
}

/** VS Code "Dark Modern" theme variables, set on <html> the way VS Code does (CSSOM, not inline). */
export const DARK_THEME: Readonly<Record<string, string>> = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-widget-border': '#313131',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-editorHoverWidget-background': '#202020',
  '--vscode-scrollbarSlider-background': 'rgba(121, 121, 121, 0.4)',
  '--vscode-editorHoverWidget-border': '#454545',
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", monospace',
};

/** The repository root (the folder holding this project's package.json). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && readFileSync(pkg, 'utf8').includes('"concurrency-swimlane"')) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** Launch Debian's Chromium headless (never a downloaded browser). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** An open webview page and helpers to drive it. */
export interface WebviewPage {
  page: Page;
  /** Console warnings/errors and uncaught page errors seen so far. */
  errors: string[];
  /** Post host messages the way VS Code does, then wait for the redraw. */
  post(...msgs: HostToWebview[] | unknown[]): Promise<void>;
  /** Wait until pending animation frames have run. */
  settle(): Promise<void>;
  /** Save a screenshot to test-results/webview/<name>.png; returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Open the built webview in a fresh page; resolves once it posted `ready`. */
export async function openWebview(
  browser: Browser,
  opts: {
    theme?: Readonly<Record<string, string>> | null;
    width?: number;
    height?: number;
    /** What the stubbed `getState()` returns at first (a reloaded webview's saved state). */
    state?: unknown;
    /** More script to run before the page's own (e.g. listeners that must come first). */
    initScript?: string;
  } = {},
): Promise<WebviewPage> {
  const root = repoRoot();
  const script = join(root, 'dist', 'webview.js');
  if (!existsSync(script))
    throw new Error(`${script} is missing: run node scripts/build.mjs first`);
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-webview-'));
  const html = webviewHtml({
    cspSource: 'file:',
    nonce: makeNonce(),
    scriptUri: pathToFileURL(script).href,
    styleUri: pathToFileURL(join(root, 'media', 'swimlane.css')).href,
    lang: 'en',
    title: 'Concurrency Swimlane',
  });
  writeFileSync(join(dir, 'index.html'), html);
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 760 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  const theme = opts.theme === undefined ? DARK_THEME : opts.theme;
  await page.addInitScript(
    ({ vars, saved }: { vars: Record<string, string> | null; saved: unknown }) => {
      const w = window as unknown as StubWindow & { acquireVsCodeApi: unknown };
      w.__posted = [];
      w.__csp = [];
      w.__warnings = [];
      w.__seen = 0;
      window.addEventListener('message', () => w.__seen++);
      let state: unknown = saved;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: WebviewToHost) => w.__posted.push(m),
        getState: () => state,
        setState: (s: unknown) => {
          state = s;
          w.__state = s;
        },
      });
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
      const applyTheme = (): void => {
        for (const [k, v] of Object.entries(vars ?? {}))
          document.documentElement.style.setProperty(k, v);
      };
      if (document.documentElement) applyTheme();
      else document.addEventListener('DOMContentLoaded', applyTheme);
    },
    { vars: theme, saved: opts.state ?? null },
  );
  if (opts.initScript) await page.addInitScript({ content: opts.initScript });
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await page.waitForFunction(() =>
    (window as unknown as StubWindow).__posted.some((m) => m.type === 'ready'),
  );
  const settle = (): Promise<void> =>
    page.evaluate(
      () =>
        new Promise<void>((r) =>
          setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => r())), 0),
        ),
    );
  return {
    page,
    errors,
    settle,
    async post(...msgs) {
      // Wait until every message was dispatched (the webview handled it in the same dispatch):
      // a timer is not ordered after posted messages, and under load the frames that settle()
      // waits for could come before the last message.
      await page.evaluate(async (list: unknown[]) => {
        const w = window as unknown as StubWindow;
        const target = w.__seen + list.length;
        for (const m of list) window.postMessage(m, '*');
        while (w.__seen < target) await new Promise((r) => setTimeout(r, 0));
      }, msgs);
      await settle();
    },
    async shot(name) {
      const out = join(root, 'test-results', 'webview');
      mkdirSync(out, { recursive: true });
      const file = resolve(out, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
