// The standalone HTML export opened in headless Chromium from a file, with every network request
// aborted: it shows the swimlane (lanes, spans, flows, finished state) with no CSP violation.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { importChromeTrace } from '../../src/export/chromeImport';
import { exportText } from '../../src/export/exportFormats';
import { importJsonl } from '../../src/export/swimlaneJsonl';
import { webviewStrings } from '../../src/panel/webviewStrings';
import { launch, repoRoot } from './harness';

const root = repoRoot();
let browser: Browser;
let dir: string;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'swimlane-standalone-'));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('standalone HTML shows the swimlane offline, in one file, under its CSP', async () => {
  const text = readFileSync(join(root, 'test/fixtures/pool-queue-lock.swimlane.jsonl'), 'utf8');
  const model = importJsonl(text, 'Pool <Queue> & Lock').model;
  const html = exportText(
    'html',
    { title: 'Pool <Queue> & Lock', model, events: null },
    {
      script: readFileSync(join(root, 'dist/webview.js'), 'utf8'),
      css: readFileSync(join(root, 'media/swimlane.css'), 'utf8'),
      strings: webviewStrings('zh-cn'),
      lang: 'zh-cn',
    },
  );
  const file = join(dir, 'view.html');
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(file).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(pathToFileURL(file).href);
  const lanes = page.locator('[data-testid="lane"]');
  await lanes.first().waitFor({ timeout: 15_000 });
  assert.equal(await lanes.count(), model.lanes.length);
  for (const kind of new Set(model.spans.map((s) => s.kind))) {
    const n = await page.locator(`[data-testid="span"][data-kind="${kind}"]`).count();
    assert.ok(n > 0, `span ${kind}`);
  }
  assert.equal(await page.locator('[data-testid="state"]').getAttribute('data-state'), 'finished');
  assert.equal(await page.title(), 'Pool <Queue> & Lock');
  await page.screenshot({ path: join(root, 'test-results', 'standalone-html.png') });
  assert.deepEqual(requests, [], 'no network request');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a trace recorded by Chromium itself (another tool) imports best effort with a report', async () => {
  const page = await browser.newPage();
  const path = join(dir, 'chromium-trace.json');
  await browser.startTracing(page, { path, screenshots: false });
  await page.setContent('<p>tracing</p>');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await browser.stopTracing();
  await page.close();
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const { model, report } = importChromeTrace(json, 'chromium');
  assert.equal(report.format, 'chrome');
  assert.ok(model.lanes.length >= 2, `lanes: ${model.lanes.length}`);
  assert.ok(model.spans.length > 10, `spans: ${model.spans.length}`);
  assert.ok(
    model.lanes.some((l) => /Renderer|Browser|GPU/i.test(l.name)),
    'named processes',
  );
  assert.ok(model.spans.every((s) => s.end !== null && s.end >= s.start));
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  assert.ok(skipped < report.events, `${skipped} of ${report.events} skipped`);
});
