// Every visual style in Chromium: span, mark and arrow kinds, the legend, thread collapse, labels.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FlowKind, MarkKind, SpanKind } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type WebviewPage } from './harness';
import { assertClean } from './helpers';
import { grammarMessages } from './syntheticGrammar';

const SPAN_KINDS: SpanKind[] = ['run', 'sleep', 'lockWait', 'lockHold', 'queueBlock', 'task'];
const MARK_KINDS: MarkKind[] = ['start', 'end', 'killed', 'print', 'exc', 'release', 'spawn', 'io'];
const FLOW_KINDS: FlowKind[] = ['spawn', 'queue'];

/** Computed fill and stroke of the first element matching `sel`. */
const fill = (w: WebviewPage, sel: string): Promise<string> =>
  w.page
    .locator(sel)
    .first()
    .evaluate((e) => `${getComputedStyle(e).fill} ${getComputedStyle(e).stroke}`);

describe('visual grammar', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('every span, mark and arrow kind is drawn, styled apart and in the legend', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      for (const k of SPAN_KINDS.filter((k) => k !== 'run')) {
        assert.ok((await w.page.locator(`[data-testid="span"][data-kind="${k}"]`).count()) > 0, k);
      }
      for (const k of MARK_KINDS) {
        assert.ok((await w.page.locator(`[data-testid="mark"][data-kind="${k}"]`).count()) > 0, k);
      }
      for (const k of FLOW_KINDS) {
        assert.ok((await w.page.locator(`[data-testid="flow"][data-kind="${k}"]`).count()) > 0, k);
      }
      const legend = await w.page
        .locator('[data-testid="legend"] .sl-legend-item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      for (const k of [...SPAN_KINDS.filter((k) => k !== 'run'), ...MARK_KINDS, 'bar', 'mainDone'])
        assert.ok(legend.includes(k), `legend has ${k}`);
      for (const k of FLOW_KINDS) assert.ok(legend.includes(`flow-${k}`), `legend has flow ${k}`);
      // Distinct fills: two locks get two colours; a queue block is neither.
      const holdA = await fill(w, '[data-testid="span"][data-kind="lockHold"].lock-0');
      const holdB = await fill(w, '[data-testid="span"][data-kind="lockHold"].lock-1');
      assert.notEqual(holdA, holdB, 'one colour per lock object');
      const q = await fill(w, '[data-testid="span"][data-kind="queueBlock"]');
      const wait = await fill(w, '[data-testid="span"][data-kind="lockWait"]');
      assert.notEqual(q, wait);
      // The killed daemon says why, the failed consumer shows its exit code inline.
      const labels = await w.page
        .locator('[data-testid="mark-label"]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.textContent}`));
      assert.ok(
        labels.some((l) => l.startsWith('killed:killed: main code')),
        labels.join('|'),
      );
      assert.ok(labels.includes('end:exit 1'), labels.join('|'));
      assert.doesNotMatch(
        (await w.page.getAttribute('[data-testid="main-done"]', 'class')) ?? '',
        /hidden/,
      );
      await w.shot('grammar');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('thread sub-lanes collapse under their process; prints can show their text', async () => {
    const w = await openWebview(browser);
    try {
      await w.post(...grammarMessages());
      const lanes = w.page.locator('[data-testid="lane"]');
      assert.equal(await lanes.count(), 5);
      const main = w.page.locator('[data-testid="lane"][data-lane-id="100"]');
      assert.equal(
        await main.locator('[data-testid="lane-toggle"]').getAttribute('aria-expanded'),
        'true',
      );
      await main.locator('[data-testid="lane-toggle"]').click();
      await w.settle();
      assert.equal(await lanes.count(), 4);
      assert.match((await main.textContent()) ?? '', /\+1 threads/);
      assert.equal(await w.page.locator('[data-testid="lane"][data-lane-id="100/150"]').count(), 0);
      await main.locator('[data-testid="lane-toggle"]').click();
      await w.settle();
      assert.equal(await lanes.count(), 5);

      assert.equal(
        await w.page.locator('[data-testid="mark-label"][data-kind="print"]').count(),
        0,
      );
      await w.page.click('[data-testid="labels-toggle"]');
      await w.settle();
      const prints = await w.page
        .locator('[data-testid="mark-label"][data-kind="print"]')
        .allTextContents();
      assert.ok(
        prints.some((p) => p.startsWith('produced item')),
        prints.join('|'),
      );
      await w.shot('grammar-print-labels');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
