// Inspect in Chromium: click → inspector, lock highlight, go to source (button and double-click),
// keyboard navigation, filters, program text staying text in the inspector.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { WebviewToHost } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type StubWindow, type WebviewPage } from './harness';
import { assertClean, delta, header, lane } from './helpers';
import { GRAMMAR_FILE, grammarMessages } from './syntheticGrammar';

/** Messages the webview posted so far. */
const posted = (w: WebviewPage): Promise<WebviewToHost[]> =>
  w.page.evaluate(() => (window as unknown as StubWindow).__posted);

/** Click the middle of the first element matching `sel`. */
async function clickOn(
  w: WebviewPage,
  sel: string,
  opts: { dbl?: boolean; top?: boolean } = {},
): Promise<void> {
  const box = await w.page.locator(sel).first().boundingBox();
  assert.ok(box, `${sel} is visible`);
  const x = box.x + box.width / 2;
  // Near the top edge of a lock span: a sleep inset may cover its middle.
  const y = opts.top ? box.y + 2 : box.y + box.height / 2;
  if (opts.dbl) await w.page.mouse.dblclick(x, y);
  else await w.page.mouse.click(x, y);
  await w.settle();
}

/** Text of the inspector field `key` (data-field). */
const field = (w: WebviewPage, key: string): Promise<string | null> =>
  w.page.locator(`[data-testid="inspector"] [data-field="${key}"] dd`).textContent();

describe('inspect', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('click opens the inspector; a lock highlights all its waits and holds', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      const inspector = w.page.locator('[data-testid="inspector"]');
      assert.ok(await inspector.isHidden());
      await clickOn(w, '[data-testid="span"][data-kind="lockHold"].lock-0', { top: true });
      assert.ok(await inspector.isVisible());
      assert.equal(await field(w, 'field.text'), 'holds stock_lock');
      assert.equal(await field(w, 'field.lock'), 'lock-A');
      assert.equal(await field(w, 'field.source'), `${GRAMMAR_FILE}:31`);
      assert.equal(await w.page.locator('[data-testid="selection"]').count(), 1);
      assert.match(
        (await w.page.getAttribute('[data-testid="lanes"]', 'class')) ?? '',
        /sl-focus-lock/,
      );
      const related = await w.page
        .locator('[data-testid="span"].sl-related')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      assert.deepEqual([...new Set(related)].sort(), ['lockHold', 'lockWait']);
      assert.equal(related.length, 3, 'two holds and one wait of stock_lock');
      await w.shot('inspect-lock');
      await w.page.click('[data-testid="goto-source"]');
      assert.deepEqual((await posted(w)).at(-1), {
        type: 'openSource',
        file: GRAMMAR_FILE,
        line: 31,
      });
      await w.page.keyboard.press('Escape');
      await w.settle();
      assert.ok(await inspector.isHidden());
      assert.doesNotMatch(
        (await w.page.getAttribute('[data-testid="lanes"]', 'class')) ?? '',
        /sl-focus-lock/,
      );
      // Double-click a print: its source line opens.
      await clickOn(w, '[data-testid="mark"][data-kind="print"]', { dbl: true });
      assert.deepEqual((await posted(w)).at(-1), {
        type: 'openSource',
        file: GRAMMAR_FILE,
        line: 35,
      });
      assert.equal(await field(w, 'field.text'), 'produced item 1');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('keyboard: arrows walk a lane, Tab/↓ change lanes, Enter opens, Escape clears', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      await w.page.focus('.sl-scroll');
      await w.page.keyboard.press('ArrowRight');
      await w.settle();
      const inspector = w.page.locator('[data-testid="inspector"]');
      assert.ok(await inspector.isHidden(), 'keys select without opening');
      await w.page.keyboard.press('Enter');
      await w.settle();
      assert.equal(await field(w, 'field.name'), 'MainProcess');
      await w.page.keyboard.press('ArrowRight');
      await w.settle();
      assert.match((await field(w, 'field.text')) ?? '', /start Producer/);
      await w.page.keyboard.press('ArrowRight');
      await w.settle();
      assert.match((await field(w, 'field.text')) ?? '', /start Consumer/);
      await w.page.keyboard.press('Tab');
      await w.settle();
      assert.equal(await field(w, 'field.lane'), 'Producer (101)');
      await w.page.keyboard.press('ArrowDown');
      await w.settle();
      assert.equal(await field(w, 'field.lane'), 'Consumer (102)');
      await w.page.keyboard.press('ArrowLeft');
      await w.settle();
      assert.equal(await field(w, 'field.lane'), 'Consumer (102)');
      const label = await w.page.getAttribute('.sl-scroll', 'aria-label');
      assert.match(label ?? '', /Arrow keys/);
      assert.ok((await w.page.locator('[data-testid="lane"][role="listitem"]').count()) === 5);
      await w.page.keyboard.press('Escape');
      await w.settle();
      assert.ok(await inspector.isHidden());
      assert.equal(await w.page.locator('[data-testid="selection"]').count(), 0);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('filters: text, kind and process', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      await w.page.fill('[data-testid="search"]', 'produced');
      await w.settle();
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 0);
      assert.equal(await w.page.locator('[data-testid="mark"]').count(), 2);
      await w.page.fill('[data-testid="search"]', '');
      await w.page.selectOption('[data-testid="filter-kind"]', 'span:lockHold');
      await w.settle();
      const kinds = await w.page
        .locator('[data-testid="span"]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-kind')))]);
      assert.deepEqual(kinds, ['lockHold']);
      assert.equal(await w.page.locator('[data-testid="mark"]').count(), 0);
      await w.page.selectOption('[data-testid="filter-kind"]', '');
      await w.page.selectOption('[data-testid="filter-process"]', '102');
      await w.settle();
      const lanes = await w.page
        .locator('[data-testid="lane"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lane-id')));
      assert.deepEqual(lanes, ['102']);
      await w.shot('filter-process');
      await w.page.selectOption('[data-testid="filter-process"]', '');
      await w.settle();
      assert.equal(await w.page.locator('[data-testid="lane"]').count(), 5);
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('program text in the inspector stays text', async () => {
    const w = await openWebview(browser);
    try {
      const evil = '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script>';
      await w.post(
        delta({
          lanes: [lane(7)],
          marks: [
            { id: 1, lane: '7', kind: 'print', t: 250e6, text: evil, src: ['<b>x</b>.py', 3] },
          ],
          header: header(),
        }),
      );
      await clickOn(w, '[data-testid="mark"][data-kind="print"]');
      assert.equal(await field(w, 'field.text'), evil);
      assert.equal(await field(w, 'field.source'), '<b>x</b>.py:3');
      await w.page.click('[data-testid="labels-toggle"]');
      await w.settle();
      assert.ok(
        (
          (await w.page.locator('[data-testid="mark-label"]').first().textContent()) ?? ''
        ).startsWith('<img'),
      );
      assert.equal(await w.page.locator('img, b, .sl-root script').count(), 0);
      assert.equal(await w.page.evaluate(() => (window as unknown as StubWindow).__xss), undefined);
      await w.shot('xss-inspector');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
