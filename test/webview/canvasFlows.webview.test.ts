// Arrows on the dense canvas: when the spans are on the canvas, the spawn and queue arrows leave
// the SVG for the canvas too (webview/canvasFlows.ts). Each must look like its SVG arrow: the same
// run is drawn both ways and the pixels along each arrow and around its head compared
// (screenshots in test-results/webview/canvas-flows-*.png).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Flow, Span } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type WebviewPage } from './harness';
import { assertClean, clipPixels, delta, header, lane } from './helpers';

/** Half the side of a compared square, px. */
const R = 8;

/** Arrows between lanes 1 and 2 (and one within lane 1); `dense` adds 200 short spans on lanes
 *  3–6, so the frame draws its spans, and then its arrows, on the canvas. */
function run(dense: boolean, arrows = true) {
  const flows: Flow[] = [
    { id: 1, kind: 'spawn', from: { lane: '1', t: 100e6 }, to: { lane: '2', t: 300e6 } },
    {
      id: 2,
      kind: 'queue',
      from: { lane: '2', t: 450e6 },
      to: { lane: '1', t: 700e6 },
      label: 'q #1',
    },
    {
      id: 3,
      kind: 'queue',
      from: { lane: '1', t: 750e6 },
      to: { lane: '1', t: 900e6 },
      label: 'q #2',
    },
    { id: 4, kind: 'spawn', from: { lane: '1', t: 500e6 }, to: { lane: '2', t: 505e6 } },
  ];
  const spans: Span[] = [];
  if (dense)
    for (let k = 0; k < 200; k++) {
      const t = (k % 50) * 20e6;
      spans.push({
        id: k,
        lane: String(3 + (k % 4)),
        kind: 'run',
        start: t,
        end: t + 10e6,
        label: 'r',
      });
    }
  return delta({
    lanes: [1, 2, 3, 4, 5, 6].map((p) => lane(p, { order: p, end: 1000e6, exitCode: 0 })),
    spans,
    flows: arrows ? flows : [],
    header: header({ duration: 1000e6 }),
  });
}

/** RGB pixels of the (2R)² square centred on page point (x, y), from a screenshot. */
async function square(w: WebviewPage, x: number, y: number): Promise<number[]> {
  const clip = { x: Math.round(x) - R, y: Math.round(y) - R, width: 2 * R, height: 2 * R };
  return (await clipPixels(w, clip)).flat();
}

/** Mean absolute difference of two pixel lists, per channel. */
const diff = (a: number[], b: number[]): number =>
  a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;

describe('arrows on the dense canvas', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('each arrow on the canvas looks like its SVG arrow, head included', async () => {
    const svg = await openWebview(browser, { width: 900, height: 420 });
    const canvas = await openWebview(browser, { width: 900, height: 420 });
    try {
      await svg.post(run(false));
      await canvas.post(run(true));
      // Points on each SVG arrow (page px): a third and two thirds along it, and just behind
      // the tip (inside the head); with the direction there, for a square beside the arrow.
      const arrows = await svg.page.$$eval('[data-testid="flow"]', (els) =>
        els.map((e) => {
          const p = e as SVGPathElement;
          const r = p.ownerSVGElement!.getBoundingClientRect();
          const n = p.getTotalLength();
          const at = (s: number) => {
            const q = p.getPointAtLength(s);
            return { x: r.left + q.x, y: r.top + q.y };
          };
          return {
            kind: p.getAttribute('data-kind')!,
            points: [at(n / 3), at((2 * n) / 3), at(n - 3)],
          };
        }),
      );
      assert.equal(arrows.length, 4, 'four SVG arrows');
      assert.equal(await canvas.page.locator('[data-testid="flow"]').count(), 0, 'no SVG arrows');
      assert.equal(await canvas.page.locator('[data-testid="span"]').count(), 0, 'dense spans');
      await svg.shot('canvas-flows-svg');
      await canvas.shot('canvas-flows-canvas');
      // What a missing arrow looks like: the same squares in a run without arrows.
      const bare = await openWebview(browser, { width: 900, height: 420 });
      try {
        await bare.post(run(false, false));
        for (const { kind, points } of arrows)
          for (const [i, { x, y }] of points.entries()) {
            const [a, b, e] = [
              await square(svg, x, y),
              await square(canvas, x, y),
              await square(bare, x, y),
            ];
            const shown = diff(a, e);
            const apart = diff(a, b);
            const what = `${kind} arrow, point ${i + 1}`;
            assert.ok(shown > 3, `${what}: the SVG arrow stands out (${shown.toFixed(1)})`);
            assert.ok(
              apart < shown * 0.25,
              `${what}: the canvas arrow differs from the SVG one by ${apart.toFixed(1)} (a missing arrow: ${shown.toFixed(1)})`,
            );
          }
      } finally {
        await bare.close();
      }
      await assertClean(svg);
      await assertClean(canvas);
    } finally {
      await svg.close();
      await canvas.close();
    }
  });
});
