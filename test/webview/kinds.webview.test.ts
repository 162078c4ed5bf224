// One small run per span and mark kind: the item is drawn, styled (paint is not "none"), listed in
// the legend, and photographed (test-results/webview/kind-*.png). Also the page's CSP is strict.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { MarkKind, Span, SpanKind } from '../../src/shared/webviewProtocol';
import { launch, openWebview } from './harness';
import { assertClean, delta, header, lane } from './helpers';

const SPANS: SpanKind[] = ['run', 'task', 'sleep', 'lockWait', 'lockHold', 'queueBlock'];
const MARKS: MarkKind[] = [
  'start',
  'end',
  'killed',
  'print',
  'exc',
  'release',
  'spawn',
  'io',
  'mark',
];

describe('each kind', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const kind of SPANS) {
    test(`span ${kind}`, async () => {
      const w = await openWebview(browser, { width: 700, height: 420 });
      try {
        const s: Span = {
          id: 1,
          lane: '3',
          kind,
          start: 100e6,
          end: 400e6,
          label: `a ${kind} span`,
        };
        if (kind.startsWith('lock') || kind === 'queueBlock') s.lockId = 'L1';
        await w.post(
          delta({
            lanes: [lane(3, { end: 500e6, exitCode: 0 })],
            spans: [s],
            header: header({ duration: 500e6 }),
          }),
        );
        const el = w.page.locator(`[data-testid="span"][data-kind="${kind}"]`);
        assert.equal(await el.count(), 1);
        const paint = await el.evaluate((e) => [
          getComputedStyle(e).fill,
          getComputedStyle(e).stroke,
        ]);
        assert.ok(
          paint.some((p) => p !== 'none' && p !== 'rgba(0, 0, 0, 0)'),
          `${kind} is painted: ${paint}`,
        );
        assert.ok(Number(await el.getAttribute('width')) > 100);
        assert.equal(
          await el.getAttribute('aria-label'),
          `${(await legendText(kind)) ?? ''}: a ${kind} span`,
        );
        await w.shot(`kind-span-${kind}`);
        await assertClean(w);
      } finally {
        await w.close();
      }
      async function legendText(k: string): Promise<string | null> {
        const sel = k === 'run' ? 'bar' : k;
        return w.page
          .locator(`[data-testid="legend"] [data-kind="${sel}"] .sl-legend-text`)
          .textContent();
      }
    });
  }

  for (const kind of MARKS) {
    test(`mark ${kind}`, async () => {
      const w = await openWebview(browser, { width: 700, height: 420 });
      try {
        await w.post(
          delta({
            lanes: [lane(3, { end: 500e6, exitCode: kind === 'end' ? 2 : 0 })],
            marks: [
              { id: 1, lane: '3', kind, t: 250e6, text: kind === 'end' ? 'exit 2' : `a ${kind}` },
            ],
            header: header({ duration: 500e6 }),
          }),
        );
        const el = w.page.locator(`[data-testid="mark"][data-kind="${kind}"]`);
        assert.equal(await el.count(), 1);
        const paint = await el.evaluate((e) => [
          getComputedStyle(e).fill,
          getComputedStyle(e).stroke,
        ]);
        assert.ok(
          paint.some((p) => p !== 'none'),
          `${kind} is painted: ${paint}`,
        );
        assert.equal(
          await w.page.locator(`[data-testid="legend"] [data-kind="${kind}"]`).count(),
          1,
        );
        const box = await el.boundingBox();
        assert.ok(box && box.width >= 2 && box.height >= 5, `${kind} glyph is visible`);
        if (kind === 'end' || kind === 'killed') {
          const label = await w.page
            .locator(`[data-testid="mark-label"][data-kind="${kind}"]`)
            .textContent();
          assert.equal(label, kind === 'end' ? 'exit 2' : 'a killed');
        }
        await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await w.settle();
        assert.match(
          (await w.page.textContent('[data-testid="tooltip"]')) ?? '',
          new RegExp(kind === 'end' ? 'exit 2' : `a ${kind}`),
        );
        await w.shot(`kind-mark-${kind}`);
        await assertClean(w);
      } finally {
        await w.close();
      }
    });
  }

  test('the page carries the strict CSP and nothing violates it', async () => {
    const w = await openWebview(browser);
    try {
      const csp = await w.page.getAttribute(
        'meta[http-equiv="Content-Security-Policy"]',
        'content',
      );
      assert.match(csp ?? '', /default-src 'none'/);
      assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9]{32}'/);
      assert.doesNotMatch(csp ?? '', /unsafe/);
      await w.page.click('[data-testid="export-png"]');
      await w.settle();
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
