// Makes the walkthrough's step images (media/walkthrough/<step>.png) from real runs: each step's
// button link (read from package.json) runs its demo under the tracer through the extension's own
// RunSession and findings feed, and the built webview renders the messages in headless Chromium.
// A Compare link renders both runs on one time axis, side by side. Run it with
// `node scripts/walkthrough-images.mjs` (it bundles this file and calls main()).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildDemoSpec, findDemo, type ParamValue } from '../../src/demos/catalog';
import { FindingsFeed } from '../../src/features/findingsFeed';
import { webviewStrings } from '../../src/panel/webviewStrings';
import { RunSession } from '../../src/session/runSession';
import type { HostToWebview, ModelDelta } from '../../src/shared/webviewProtocol';
import {
  PICTURE_SOURCES,
  pictureLink,
  readWalkthrough,
  type CommandLink,
} from '../shared/walkthrough';
import { launch, openWebview, repoRoot } from './harness';

/** Size of one rendered swimlane (CSS px); the PNGs stay small at this size. */
const WIDTH = 880;
const HEIGHT = 440;
/** Pictures are cropped below the last lane, but not shorter than this. */
const MIN_HEIGHT = 240;
/** Size of each of the two swimlanes of a Compare picture, side by side as Compare shows them. */
const HALF_WIDTH = 600;
const HALF_HEIGHT = 460;

/** The picture is about the lanes: the toolbar and legend rows are hidden (the step's text says
 *  what hatched and solid mean), everything else is the webview as the panel shows it. */
const HIDDEN = '.sl-toolbar, [data-testid="legend"]';

type Values = Record<string, ParamValue>;

/** One traced run of a catalogue demo: the messages the panel would have received. */
async function traceRun(root: string, id: string, values: Values): Promise<ModelDelta[]> {
  const entry = findDemo(id);
  if (!entry) throw new Error(`unknown demo ${id}`);
  const deltas: ModelDelta[] = [];
  let feed: FindingsFeed | null = null;
  const session = new RunSession(buildDemoSpec(entry, values, 'en'), {
    delta: (d) => deltas.push(feed ? feed.delta(d) : d),
    output: () => undefined,
  });
  feed = new FindingsFeed(session.model, 'en');
  await session.start(process.env.SWIMLANE_PYTHON ?? 'python3', root);
  const timer = setTimeout(() => void session.stop(), 60_000);
  const header = await session.whenEnded();
  clearTimeout(timer);
  if (header.state !== 'finished')
    throw new Error(`${id} ended ${header.state}: ${header.error ?? ''}`);
  return deltas;
}

/** Render one run's messages; `axisEnd` puts two runs on one time axis as Compare does. */
async function render(
  browser: Browser,
  deltas: ModelDelta[],
  size: { width: number; height: number },
  axisEnd?: number,
): Promise<Buffer> {
  const w = await openWebview(browser, size);
  try {
    const msgs: HostToWebview[] = [
      { type: 'init', strings: webviewStrings('en') },
      ...deltas.map((d) => ({
        type: 'delta' as const,
        ...d,
        header: axisEnd === undefined ? d.header : { ...d.header, axisEnd },
      })),
    ];
    await w.post(...msgs);
    await w.page.evaluate((sel) => {
      document.querySelectorAll<HTMLElement>(sel).forEach((el) => (el.style.display = 'none'));
      window.dispatchEvent(new Event('resize'));
    }, HIDDEN);
    await w.settle();
    const state = await w.page.getAttribute('[data-testid="state"]', 'data-state');
    if (state !== 'finished') throw new Error(`webview shows state ${state}`);
    if (w.errors.length) throw new Error(`webview errors: ${w.errors.join('; ')}`);
    // Crop the empty space below the last lane (small runs do not fill the viewport).
    const bottom = await w.page
      .locator('[data-testid="lane"]')
      .evaluateAll((els) => Math.max(0, ...els.map((e) => e.getBoundingClientRect().bottom)));
    const height = Math.min(size.height, Math.max(MIN_HEIGHT, Math.ceil(bottom) + 12));
    return await w.page.screenshot({ clip: { x: 0, y: 0, width: size.width, height } });
  } finally {
    await w.close();
  }
}

/** Two images side by side on a dark page (a 2 px gap), as one PNG. */
async function sideBySide(browser: Browser, left: Buffer, right: Buffer): Promise<Buffer> {
  const page = await browser.newPage({
    viewport: { width: HALF_WIDTH * 2 + 2, height: HALF_HEIGHT },
  });
  try {
    const img = (b: Buffer) => `<img src="data:image/png;base64,${b.toString('base64')}">`;
    await page.setContent(
      `<body style="margin:0;background:#444;display:flex;align-items:flex-start;gap:2px">${img(left)}${img(right)}</body>`,
    );
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const height = await page.evaluate(() =>
      Math.max(...Array.from(document.images).map((i) => i.naturalHeight)),
    );
    return await page.screenshot({ clip: { x: 0, y: 0, width: HALF_WIDTH * 2 + 2, height } });
  } finally {
    await page.close();
  }
}

/** The picture of one step's link: both runs of a Compare link, else the one demo run. */
async function stepImage(browser: Browser, root: string, link: CommandLink): Promise<Buffer> {
  if (link.command === 'concurrencySwimlane.compare') {
    const [first, second, values] = link.args as [string, string, Values | undefined];
    const a = await traceRun(root, first, values ?? {});
    const b = await traceRun(root, second, values ?? {});
    const end = (ds: ModelDelta[]) => ds[ds.length - 1].header.duration;
    const axisEnd = Math.max(end(a), end(b));
    const half = { width: HALF_WIDTH, height: HALF_HEIGHT };
    return sideBySide(
      browser,
      await render(browser, a, half, axisEnd),
      await render(browser, b, half, axisEnd),
    );
  }
  const [id, values] = link.args as [string, Values | undefined];
  return render(browser, await traceRun(root, id, values ?? {}), { width: WIDTH, height: HEIGHT });
}

/** Write every step's image (or only the steps named in `only`); returns the files written. */
export async function main(only: string[] = [], root = repoRoot()): Promise<string[]> {
  const { steps } = readWalkthrough(root);
  const written: string[] = [];
  const sourcesFile = join(root, PICTURE_SOURCES);
  const sources: Record<string, string> = existsSync(sourcesFile)
    ? JSON.parse(readFileSync(sourcesFile, 'utf8'))
    : {};
  const browser = await launch();
  try {
    for (const step of steps) {
      if (only.length && !only.includes(step.id)) continue;
      const link = pictureLink(step.links);
      const png = await stepImage(browser, root, link);
      sources[step.id] = link.href;
      const file = join(root, step.image);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      written.push(`${step.image} ${png.length} bytes`);
    }
  } finally {
    await browser.close();
    writeFileSync(sourcesFile, JSON.stringify(sources, null, 2) + '\n');
  }
  return written;
}
