// Mark glyphs on the dense canvas: with the spans on the canvas and more than a few dozen marks in
// view, the marks leave the SVG for the canvas (webview/markSprites.ts). Each kind's canvas glyph
// must look like its SVG glyph: the same run is drawn both ways and the pixels around each mark
// compared (screenshots in test-results/webview/canvas-marks-*.png).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { MARK_KIND_CODES, type Mark, type Span } from '../../src/shared/webviewProtocol';
import { launch, openWebview, type WebviewPage } from './harness';
import { assertClean, clipPixels, delta, header, lane } from './helpers';

/** Every mark kind. */
const KINDS = MARK_KIND_CODES;
/** Half the side of the compared square around a mark, px. */
const R = 10;

/** Lane 1 has one mark of each kind; `dense` adds 200 short spans and 70 prints on lanes 2–5. */
function run(dense: boolean) {
  const marks: Mark[] = KINDS.map((kind, i) => ({
    id: i + 1,
    lane: '1',
    kind,
    t: (i + 1) * 100e6,
    text: kind === 'end' ? 'exit 0' : `a ${kind}`,
  }));
  const spans: Span[] = [];
  if (dense)
    for (let k = 0; k < 200; k++) {
      const t = (k % 50) * 20e6;
      spans.push({
        id: k,
        lane: String(2 + (k % 4)),
        kind: 'run',
        start: t,
        end: t + 10e6,
        label: 'r',
      });
      if (k < 70)
        marks.push({ id: 100 + k, lane: '2', kind: 'print', t: 5e6 + k * 14e6, text: 'p' });
    }
  return delta({
    lanes: [1, 2, 3, 4, 5].map((p) => lane(p, { order: p, end: 1000e6, exitCode: 0 })),
    spans,
    marks,
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

describe('marks on the dense canvas', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('each glyph on the canvas looks like its SVG glyph', async () => {
    const svg = await openWebview(browser, { width: 900, height: 420 });
    const canvas = await openWebview(browser, { width: 900, height: 420 });
    try {
      await svg.post(run(false));
      await canvas.post(run(true));
      // Where each SVG glyph's origin is on the page (its translate), by kind.
      const at = await svg.page.$$eval('[data-testid="mark"]', (els) =>
        els.map((e) => {
          const m = (e as SVGGraphicsElement).transform.baseVal.consolidate()!.matrix;
          const r = (e as SVGGraphicsElement).ownerSVGElement!.getBoundingClientRect();
          return { kind: e.getAttribute('data-kind')!, x: r.left + m.e, y: r.top + m.f };
        }),
      );
      assert.deepEqual(at.map((m) => m.kind).sort(), [...KINDS].sort(), 'SVG glyphs, one a kind');
      assert.equal(await canvas.page.locator('[data-testid="mark"]').count(), 0, 'no SVG marks');
      assert.equal(await canvas.page.locator('[data-testid="span"]').count(), 0, 'dense spans');
      await svg.shot('canvas-marks-svg');
      await canvas.shot('canvas-marks-canvas');
      // A square of lane 1 with no glyph (left of the first mark): what a missing glyph looks like.
      const first = at.find((m) => m.kind === KINDS[0])!;
      const empty = await square(svg, first.x - 3 * R, first.y);
      for (const { kind, x, y } of at) {
        const [a, b] = [await square(svg, x, y), await square(canvas, x, y)];
        const glyph = diff(a, empty);
        const apart = diff(a, b);
        assert.ok(glyph > 4, `${kind}: the SVG glyph stands out (${glyph.toFixed(1)})`);
        assert.ok(
          apart < glyph * 0.2,
          `${kind}: canvas glyph differs from the SVG one by ${apart.toFixed(1)} (a missing glyph: ${glyph.toFixed(1)})`,
        );
      }
      await assertClean(svg);
      await assertClean(canvas);
    } finally {
      await svg.close();
      await canvas.close();
    }
  });
});
