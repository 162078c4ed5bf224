// Shared helpers of the webview tests: hand-made model items, the final model of a trace, checks.
import assert from 'node:assert/strict';
import type {
  Header,
  HostToWebview,
  Lane,
  Mark,
  ModelDelta,
  Span,
} from '../../src/shared/webviewProtocol';
import type { StubWindow, WebviewPage } from './harness';

/** Final model of a message list: upserted lanes/spans/marks and the last header. */
export function finalModel(msgs: HostToWebview[]): {
  lanes: Lane[];
  spans: Span[];
  marks: Mark[];
  header: Header;
} {
  const lanes = new Map<string, Lane>();
  const spans = new Map<number, Span>();
  const marks = new Map<number, Mark>();
  let header: Header | null = null;
  for (const m of msgs) {
    if (m.type === 'reset') [lanes, spans, marks].forEach((x) => x.clear());
    if (m.type !== 'delta') continue;
    m.lanes.forEach((l) => lanes.set(l.id, l));
    m.spans.forEach((s) => spans.set(s.id, s));
    m.marks.forEach((k) => marks.set(k.id, k));
    header = m.header;
  }
  assert.ok(header, 'fixture has at least one delta');
  return {
    lanes: [...lanes.values()],
    spans: [...spans.values()],
    marks: [...marks.values()],
    header,
  };
}

/** A header for hand-made deltas. */
export function header(over: Partial<Header> = {}): Header {
  return {
    title: 'Hand-made run',
    state: 'running',
    duration: 500e6,
    processes: 1,
    ticketsSold: null,
    ticketsAvailable: null,
    lockWaitTotal: 0,
    lockWaitMax: 0,
    mainDone: null,
    events: 3,
    badFrames: 0,
    dropped: 0,
    error: null,
    ...over,
  };
}

/** A lane for hand-made deltas. */
export function lane(pid: number, over: Partial<Lane> = {}): Lane {
  return {
    id: String(pid),
    pid,
    name: `Process-${pid}`,
    parent: null,
    order: pid,
    daemon: false,
    main: false,
    begin: 0,
    end: null,
    exitCode: null,
    ...over,
  };
}

/** A delta message with defaults for everything not given. */
export const delta = (d: Partial<ModelDelta>): HostToWebview => ({
  type: 'delta',
  lanes: [],
  spans: [],
  marks: [],
  header: header(),
  ...d,
});

/** Axis domain [t0, t1] in ns as the axis reports it. */
export async function domain(w: WebviewPage): Promise<[number, number]> {
  const d = await w.page.getAttribute('[data-testid="axis"]', 'data-domain');
  const [a, b] = (d ?? '').split(',').map(Number);
  return [a, b];
}

/** CSP violations and page errors must stay empty. */
export async function assertClean(w: WebviewPage): Promise<void> {
  const csp = await w.page.evaluate(() => (window as unknown as StubWindow).__csp);
  assert.deepEqual(csp, [], 'no CSP violations');
  assert.deepEqual(
    w.errors.filter((e) => e.startsWith('pageerror')),
    [],
    'no uncaught errors',
  );
}

/** RGB of each pixel of the page area `clip` (CSS px), row by row, read from a screenshot. */
export async function clipPixels(
  w: WebviewPage,
  clip: { x: number; y: number; width: number; height: number },
): Promise<number[][]> {
  const png = await w.page.screenshot({ clip });
  return w.page.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const out: number[][] = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
    return out;
  }, png.toString('base64'));
}
