// Export of a dense view in Chromium: the spans drawn on the canvas (not in the SVG) are in the
// exported SVG (as an embedded image) and in the PNG, pixel for pixel where the canvas drew them.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Lane, Span, WebviewToHost } from '../../src/shared/webviewProtocol';
import { launch, openWebview, repoRoot, type StubWindow } from './harness';
import { assertClean, delta, header, lane } from './helpers';

/** 20 processes, each running, waiting for and holding one of 3 locks, 80 times over 10 s. */
function denseRun(): { lanes: Lane[]; spans: Span[] } {
  const out = { lanes: [] as Lane[], spans: [] as Span[] };
  const per = 80; // 4800 spans, ~5–8 px each at full width: the canvas draws them
  const step = 10e9 / per;
  for (let i = 0; i < 20; i++) {
    out.lanes.push(lane(200 + i, { order: i, end: 10e9, exitCode: 0 }));
    for (let j = 0; j < per; j++) {
      const t = j * step + i * 7000;
      const lockId = `L${(i + j) % 3}`;
      const kinds = [
        ['run', 0, 0.3],
        ['lockWait', 0.3, 0.6],
        ['lockHold', 0.6, 0.95],
      ] as const;
      for (const [kind, a, b] of kinds)
        out.spans.push({
          id: out.spans.length,
          lane: String(200 + i),
          kind,
          start: t + step * a,
          end: t + step * b,
          label: `${kind} ${lockId}`,
          ...(kind === 'run' ? {} : { lockId }),
        });
    }
  }
  return out;
}

/** How the page compares: opaque canvas pixels, each against the exported PNG at that spot. */
interface Match {
  sampled: number;
  matched: number;
  pngWidth: number;
}

describe('export of a dense view', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('SVG embeds the canvas layer and the PNG shows its spans', async () => {
    const w = await openWebview(browser);
    try {
      const run = denseRun();
      await w.post(delta({ ...run, header: header({ duration: 10e9, state: 'finished' }) }));
      await w.settle();
      assert.ok(await w.page.locator('[data-testid="dense"]').isVisible(), 'drawn on canvas');
      assert.equal(await w.page.locator('[data-testid="span"]').count(), 0, 'no SVG spans');
      await w.page.click('[data-testid="export-svg"]');
      await w.page.click('[data-testid="export-png"]');
      await w.page.waitForFunction(
        () =>
          (window as unknown as StubWindow).__posted.filter((m) => m.type === 'export').length ===
          2,
      );
      const out = (await w.page.evaluate(() => (window as unknown as StubWindow).__posted)).filter(
        (m): m is Extract<WebviewToHost, { type: 'export' }> => m.type === 'export',
      );
      const svg = out.find((m) => m.format === 'svg')!.data;
      const png = out.find((m) => m.format === 'png')!.data;
      assert.match(svg, /<image [^>]*data-layer="dense"/);
      assert.match(svg, /href="data:image\/png;base64,/);
      const dir = join(repoRoot(), 'test-results', 'webview');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'export-dense.png'), Buffer.from(png.split(',')[1], 'base64'));
      // In the page: sample the canvas's opaque pixels and look at the same spots in the PNG
      // (drawn at 2×; the lanes sit below the axis, at the y the export gave them).
      const m = await w.page.evaluate(
        async ({ svgText, pngUrl }): Promise<Match> => {
          const canvas = document.querySelector('[data-testid="dense"]') as HTMLCanvasElement;
          const lanes = document.querySelector('[data-testid="lanes"]')!.getBoundingClientRect();
          const c = canvas.getBoundingClientRect();
          const src = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
          const top = Number(
            doc.documentElement.querySelectorAll(':scope > svg')[1].getAttribute('y'),
          );
          const img = new Image();
          img.src = pngUrl;
          await img.decode();
          const out = document.createElement('canvas');
          out.width = img.naturalWidth;
          out.height = img.naturalHeight;
          const ctx = out.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const dst = ctx.getImageData(0, 0, out.width, out.height);
          const sx = c.width / canvas.width;
          const sy = c.height / canvas.height;
          let sampled = 0;
          let matched = 0;
          for (let py = 3; py < canvas.height && sampled < 400; py += 7) {
            for (let px = 5; px < canvas.width && sampled < 400; px += 53) {
              const i = (py * canvas.width + px) * 4;
              if (src.data[i + 3] !== 255) continue;
              // Only pixels inside a span (same colour left, right, above, below): the PNG's 2×
              // scaling blends a pixel with its neighbours at span edges.
              const same = [-4, 4, -canvas.width * 4, canvas.width * 4].every((d) =>
                [0, 1, 2, 3].every((k) => src.data[i + d + k] === src.data[i + k]),
              );
              if (!same) continue;
              sampled++;
              const x = Math.round((c.left - lanes.left + px * sx) * 2);
              const y = Math.round((top + c.top - lanes.top + py * sy) * 2);
              const j = (y * dst.width + x) * 4;
              const near = [0, 1, 2].every(
                (k) => Math.abs(dst.data[j + k] - src.data[i + k]) <= 24,
              );
              if (near) matched++;
            }
          }
          return { sampled, matched, pngWidth: out.width };
        },
        { svgText: svg, pngUrl: png },
      );
      assert.ok(m.sampled >= 50, `opaque canvas pixels sampled: ${m.sampled}`);
      assert.ok(m.pngWidth >= 2000, `PNG at 2×: ${m.pngWidth} px wide`);
      // SVG grid lines and labels lie over a few of them; the rest is the canvas, as seen.
      assert.ok(
        m.matched >= m.sampled * 0.7,
        `${m.matched} of ${m.sampled} canvas pixels in the PNG`,
      );
      await assertClean(w);
    } finally {
      await w.close();
    }
  });
});
