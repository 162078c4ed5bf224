// E2E steps for the "Get Started" walkthrough in a real VS Code workbench (headless Chromium):
// open it from the palette, open the ticket race step, click its Compare button, and check both
// swimlane panels finish with the two demos' titles. Used by lockDemo.e2e.test.ts (same server).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { until } from './workbench';

const WALKTHROUGH = 'Learn concurrency with the swimlane';
const STEP = 'The ticket race';
const BUTTON = 'Compare without and with a Lock';
const PICTURE_ALT =
  'Two real runs on one time axis: ten clients oversell one ticket without a lock; with a Lock exactly one buys it.';
const TITLES = ['Ticket race without a Lock', 'Ticket purchase with a Lock (Lock Demo)'];

/** Runs a palette command by its title (the palette is reopened until the row is there). */
async function palette(p: Page, filter: string, title: string): Promise<void> {
  const input = p.locator('.quick-input-widget .quick-input-box input');
  const row = p.locator('.quick-input-list .monaco-list-row', { hasText: title });
  await until(
    `"${title}" in the palette`,
    async () => {
      await p.keyboard.press('Escape');
      await p.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${filter}`);
      await row.first().waitFor({ state: 'visible', timeout: 3000 });
      return true;
    },
    60_000,
  );
  await row.first().click();
}

/** Title and state shown by every swimlane panel on screen. */
async function panels(p: Page): Promise<{ title: string; state: string }[]> {
  const out: { title: string; state: string }[] = [];
  const count = await p.locator('iframe.webview.ready').count();
  for (let i = 0; i < count; i++) {
    const view = p.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
    const title = view.locator('[data-testid="title"]');
    if ((await title.count()) === 0) continue;
    const state = await view.locator('[data-testid="state"]').getAttribute('data-state');
    out.push({ title: ((await title.textContent()) ?? '').trim(), state: state ?? '' });
  }
  return out;
}

/** Opens the walkthrough, clicks the ticket race step's Compare button, checks both panels;
 *  saves screenshots of the step (the editor area) and of the result: `${shots}-step.png`,
 *  `${shots}-compare.png`. */
export async function walkthroughCompare(p: Page, shots: string): Promise<void> {
  // A narrow editor hides the walkthrough's pictures: make room if the secondary side bar is open.
  if (await p.locator('.monaco-workbench .part.auxiliarybar').isVisible())
    await palette(p, 'Hide Secondary Side Bar', 'Hide Secondary Side Bar');
  await palette(p, 'Open Walkthrough', 'Open Walkthrough');
  const pick = p.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH });
  await pick.first().waitFor({ state: 'visible', timeout: 30_000 });
  await pick.first().click();
  const step = p.locator('.getting-started-step', { hasText: STEP });
  await step.first().waitFor({ state: 'visible', timeout: 30_000 });
  await step.first().click();
  // The locks step has a button with the same label: take the one in the open step.
  const button = step.first().locator('.monaco-button', { hasText: BUTTON });
  await button.first().waitFor({ state: 'visible', timeout: 10_000 });
  // The step's picture is shown beside it (found by its alt text).
  const picture = p.locator(`img[alt="${PICTURE_ALT}"]`);
  await picture.first().waitFor({ state: 'visible', timeout: 15_000 });
  const src = (await picture.first().getAttribute('src')) ?? '';
  const size = await picture
    .first()
    .evaluate((img) => [
      (img as HTMLImageElement).naturalWidth,
      (img as HTMLImageElement).naturalHeight,
    ]);
  assert.ok(size[0] > 0 && size[1] > 0, `the picture did not load: ${src}`);
  await p.locator('.monaco-workbench .part.editor').screenshot({ path: `${shots}-step.png` });
  await button.first().click();
  const seen = await until(
    `two finished panels titled ${TITLES.join(' and ')}`,
    async () => {
      const list = await panels(p);
      const done = TITLES.every((t) => list.some((v) => v.title === t && v.state === 'finished'));
      return done ? list : null;
    },
    120_000,
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}; panels: ${JSON.stringify(await panels(p))}`);
  });
  assert.ok(seen && seen.length >= 2);
  await p.screenshot({ path: `${shots}-compare.png` });
}
