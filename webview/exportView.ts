// Export of the current view as a standalone SVG (styles inlined from the theme) or a PNG drawn
// from that SVG; the file goes to the host through options.onExport (the host asks where to save).
import type { ExportFormat } from '../src/shared/webviewProtocol';
import { AXIS_HEIGHT } from './renderAxis';
import type { View } from './view';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed style properties copied onto each exported element as presentation attributes. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'dominant-baseline',
  'text-anchor',
  'paint-order',
] as const;

/** Copy `src`'s computed styles onto its clone `dst`, element by element; drop hidden ones. */
function inline(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  if (cs.display === 'none') {
    dst.remove();
    return;
  }
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) dst.setAttribute(p, v);
  }
  dst.removeAttribute('class');
  const a = src.children;
  const b = Array.from(dst.children);
  for (let i = 0; i < a.length && i < b.length; i++) inline(a[i], b[i]);
}

/**
 * The dense canvas's pixels as an SVG <image> placed where the canvas sits over the lanes
 * (it covers the scrolled viewport only), or null when the SVG draws every span itself.
 */
function denseImage(view: View, lanes: SVGSVGElement): SVGImageElement | null {
  const canvas = view.dense;
  if (canvas.classList.contains('hidden') || !canvas.width || !canvas.height) return null;
  const c = canvas.getBoundingClientRect();
  const l = lanes.getBoundingClientRect();
  if (!c.width || !c.height) return null;
  const img = document.createElementNS(SVG_NS, 'image');
  img.setAttribute('x', String(c.left - l.left));
  img.setAttribute('y', String(c.top - l.top));
  img.setAttribute('width', String(c.width));
  img.setAttribute('height', String(c.height));
  img.setAttribute('preserveAspectRatio', 'none');
  img.setAttribute('href', canvas.toDataURL('image/png'));
  img.setAttribute('data-layer', 'dense');
  return img;
}

/** The current view (axis above all lanes, same time window) as standalone SVG text. */
export function exportSvg(view: View): string {
  const axis = view.axis.node()!;
  const lanes = view.lanes.node()!;
  const labels = view.labels.node()!;
  const width = Number(lanes.getAttribute('width')) || lanes.clientWidth;
  const height = Number(lanes.getAttribute('height')) || lanes.clientHeight;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + AXIS_HEIGHT));
  out.setAttribute('viewBox', `0 0 ${width} ${height + AXIS_HEIGHT}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  out.appendChild(bg);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = view.model.header?.title ?? 'Concurrency Swimlane';
  out.appendChild(title);
  for (const [src, dy] of [
    [axis, 0],
    [lanes, AXIS_HEIGHT],
    [labels, AXIS_HEIGHT],
  ] as const) {
    const clone = src.cloneNode(true) as SVGSVGElement;
    inline(src, clone);
    clone.setAttribute('y', String(dy));
    clone.removeAttribute('data-testid');
    // The canvas lies under the lanes' SVG in the page: first child, so it stays under here.
    const dense = src === lanes ? denseImage(view, lanes) : null;
    if (dense) clone.insertBefore(dense, clone.firstChild);
    out.appendChild(clone);
  }
  return new XMLSerializer().serializeToString(out);
}

/** Draw SVG text onto a canvas at 2× and return a PNG `data:` URL. */
export async function svgToPng(svg: string): Promise<string> {
  const img = new Image();
  const bytes = new TextEncoder().encode(svg);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  img.src = `data:image/svg+xml;base64,${btoa(bin)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth * 2;
  canvas.height = img.naturalHeight * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Build the export and hand it to the host (errors are logged, never thrown). */
export async function exportView(view: View, format: ExportFormat): Promise<void> {
  try {
    const svg = exportSvg(view);
    const data = format === 'svg' ? svg : await svgToPng(svg);
    view.options.onExport?.(format, data);
  } catch (err) {
    console.error('swimlane: export failed', err);
  }
}
