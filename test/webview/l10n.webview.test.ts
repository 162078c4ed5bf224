// The webview shows the host's Chinese strings (header, legend) for a recorded Lock Demo.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { webviewStrings } from '../../src/panel/webviewStrings';
import type { HostToWebview } from '../../src/shared/webviewProtocol';
import { launch, openWebview, repoRoot } from './harness';
import { assertClean } from './helpers';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('Chinese UI strings from the host replace the English ones', async () => {
  const file = join(repoRoot(), 'test', 'fixtures', 'lock-demo-10.delta.json');
  const msgs = JSON.parse(readFileSync(file, 'utf8')) as HostToWebview[];
  const rest = msgs.filter((m) => m.type !== 'init');
  const w = await openWebview(browser);
  try {
    await w.post({ type: 'init', strings: webviewStrings('zh-cn') }, ...rest);
    const state = w.page.locator('[data-testid="state"]');
    assert.equal((await state.textContent())?.trim(), '已完成');
    const legend = (await w.page.locator('[data-testid="legend"]').textContent()) ?? '';
    for (const word of ['等待锁', '持有锁', '打印', '主进程代码结束'])
      assert.ok(legend.includes(word), word);
    const tickets = (await w.page.locator('[data-testid="tickets"]').textContent()) ?? '';
    assert.match(tickets, /已售/);
    await w.shot('lock-demo-10-zh');
    await assertClean(w);
  } finally {
    await w.close();
  }
});
