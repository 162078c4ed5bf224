// Hostile input in the built webview (headless Chromium): markup in every text the program
// controls (process names, lock labels and ids, exception messages, file paths, queue items,
// findings) stays text; and 1000 malformed host messages (seeded mutations of a real run's
// messages) are ignored without an uncaught error, after which a good run still draws.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HostToWebview } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type StubWindow, type WebviewPage } from './harness';
import { assertClean, delta, finalModel, header, lane } from './helpers';
import { lockDemoMessages } from './syntheticLock';

const EVIL = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

/** mulberry32: deterministic, so a failing mutation can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [
  null,
  undefined,
  -1,
  1.5,
  NaN,
  Infinity,
  1e308,
  '',
  EVIL,
  'x'.repeat(10_000),
  true,
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}'),
  { type: 'delta' },
  Symbol.iterator.toString(),
];

/** Replace one value at a random path of a JSON-like object with junk (or delete it). */
function mutate(msg: unknown, r: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(msg)) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[Math.floor(r() * keys.length)];
    const child = node[key];
    if (depth < 3 && child && typeof child === 'object' && r() < 0.7) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (r() < 0.15) delete node[key];
    else node[key] = JUNK[Math.floor(r() * JUNK.length)];
    break;
  }
  return copy;
}

/** Hover and click every drawn span and mark, so tooltips and the inspector render them. */
async function touchAll(w: WebviewPage): Promise<void> {
  for (const sel of ['[data-testid="span"]', '[data-testid="mark"]']) {
    const items = await w.page.locator(sel).all();
    for (const item of items) {
      const box = await item.boundingBox();
      if (!box) continue;
      await w.page.mouse.click(box.x + box.width / 2, box.y + 2);
      await w.settle();
    }
  }
}

describe('hostile input in the webview', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('markup in names, lock labels, exceptions, paths and items stays text', async () => {
    const w = await openWebview(browser);
    try {
      const evilPath = `/tmp/${EVIL}/中文 路径.py`;
      await w.post(
        delta({
          lanes: [lane(7, { name: EVIL, main: true }), lane(8, { name: `${EVIL}-2`, parent: 7 })],
          spans: [
            { id: 1, lane: '7', kind: 'lockHold', start: 0, end: 2e8, label: EVIL, lockId: EVIL },
            { id: 2, lane: '8', kind: 'lockWait', start: 0, end: 2e8, label: EVIL, lockId: EVIL },
            {
              id: 3,
              lane: '8',
              kind: 'queueBlock',
              start: 2e8,
              end: 3e8,
              label: EVIL,
              lockId: EVIL,
              src: [evilPath, 4],
            },
          ],
          marks: [
            { id: 1, lane: '8', kind: 'exc', t: 350e6, text: `ValueError: ${EVIL}` },
            {
              id: 2,
              lane: '7',
              kind: 'io',
              t: 100e6,
              text: `read ${evilPath}`,
              src: [evilPath, 1],
            },
            { id: 3, lane: '7', kind: 'mark', t: 150e6, text: EVIL },
          ],
          flows: [
            {
              id: 1,
              kind: 'queue',
              from: { lane: '7', t: 1e8 },
              to: { lane: '8', t: 3e8 },
              label: EVIL,
            },
          ],
          header: header({ title: EVIL, error: EVIL, findings: [EVIL], state: 'failed' }),
        }),
      );
      await touchAll(w);
      await w.page.click('[data-testid="labels-toggle"]');
      await w.settle();
      const text = (await w.page.textContent('body')) ?? '';
      assert.ok(text.includes(EVIL), 'the markup is shown as text');
      assert.equal(await w.page.locator('img, .sl-root script').count(), 0, 'no element made');
      assert.equal(await w.page.evaluate(() => (window as unknown as StubWindow).__xss), undefined);
      await w.shot('hostile-text');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });

  test('1000 malformed messages are ignored; a good run still draws afterwards', async () => {
    const w = await openWebview(browser);
    try {
      const good = lockDemoMessages(6);
      const r = rng(9);
      const junk: unknown[] = [];
      for (let i = 0; i < 1000; i++) junk.push(mutate(good[Math.floor(r() * good.length)], r));
      for (let i = 0; i < junk.length; i += 100) await w.post(...junk.slice(i, i + 100));
      await assertClean(w);
      const polluted = await w.page.evaluate(() => (({}) as Record<string, unknown>).polluted);
      assert.equal(polluted, undefined, 'no prototype pollution');
      await w.post({ type: 'reset' } satisfies HostToWebview, ...good);
      const want = finalModel(good);
      assert.equal(await w.page.locator('[data-testid="lane"]').count(), want.lanes.length);
      assert.equal(
        await w.page.getAttribute('[data-testid="state"]', 'data-state'),
        want.header.state,
      );
      await w.shot('after-junk');
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
