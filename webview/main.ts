// Webview entry: ready handshake, validated host messages into the store, one redraw per frame,
// and the saved state (view choices and the last finished run) through vscode.setState.
import { select } from 'd3';
import type { ModelDelta, WebviewToHost } from '../src/shared/webviewProtocol';
import { render } from './render';
import { Store } from './store';
import { parseHostMessage, type ValidHostMessage } from './validate';
import { parseViewState, type ViewState } from './viewState';

/** The part of VS Code's webview API this webview uses. */
interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** What the webview saves: the view state and, when small, the last finished run. */
interface Saved {
  view: ViewState;
  model?: ModelDelta;
}

/** A finished run is saved with the state only up to this many items (setState is synchronous). */
const MAX_SAVED_ITEMS = 20_000;

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** Local exhaustiveness check (the webview bundle does not pull in host code). */
function assertNever(x: never): never {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
}

/** VS Code's API, or a stand-in that drops messages when opened outside VS Code. */
function vscodeApi(): VsCodeApi {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  console.warn('swimlane: acquireVsCodeApi is missing; messages to the host are dropped');
  return { postMessage: () => undefined, getState: () => undefined, setState: () => undefined };
}

/** Apply one validated host message to the store. */
function handle(store: Store, msg: ValidHostMessage): void {
  switch (msg.type) {
    case 'init':
      store.strings = msg.strings;
      store.noRun = msg.noRun === true;
      return;
    case 'reset':
      store.reset();
      return;
    case 'delta':
      store.apply(msg);
      return;
    case 'packed':
      store.applyPacked(msg);
      return;
    default:
      assertNever(msg);
  }
}

/** Read the saved state; a saved model is validated like a host message. */
function restore(raw: unknown, store: Store): Saved {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const saved: Saved = { view: parseViewState(o.view) };
  if (o.model !== undefined) {
    const msg = parseHostMessage({ ...(o.model as object), type: 'delta' }, () => undefined);
    if (msg?.type === 'delta') {
      store.apply(msg);
      saved.model = msg;
    }
  }
  return saved;
}

/** Set up the view, listen to the host, then say `ready` (the host posts nothing before). */
function main(): void {
  const vscode = vscodeApi();
  const store = new Store();
  const root = document.getElementById('root') ?? document.body;
  const raw = vscode.getState();
  const saved = restore(raw, store);
  // Saved state and a host without a run: VS Code revived this webview after a window reload,
  // and without a saved run the run it showed is gone (killed with the window, or too big).
  const revivedWithoutRun = raw !== undefined && raw !== null && saved.model === undefined;
  const initialState = saved.view;
  const persist = (): void => vscode.setState(saved);
  const options = (): Parameters<typeof render>[2] => ({
    strings: store.strings,
    epoch: store.epoch,
    onStop: () => vscode.postMessage({ type: 'stop' }),
    onOpenSource: (file, line) => vscode.postMessage({ type: 'openSource', file, line }),
    onExport: (format, data) => vscode.postMessage({ type: 'export', format, data }),
    onState: (view) => {
      saved.view = view;
      persist();
    },
    initialState,
    notKept: revivedWithoutRun && store.noRun,
  });
  /** Save a finished run once (so a reloaded window still shows it). */
  const saveFinished = (): void => {
    const state = store.model().header?.state;
    if (state === undefined || state === 'starting' || state === 'running') return;
    if (saved.model && saved.model.header.state === state && store.size() === sizeOf(saved.model))
      return;
    const snap = store.size() <= MAX_SAVED_ITEMS ? store.snapshot() : null;
    if (snap) saved.model = snap;
    else delete saved.model;
    persist();
  };
  let pending = false;
  let drawEnd = 0; // when the last draw for host data ended, and what it cost (ms)
  let drawCost = 0;
  const draw = (): void => {
    pending = false;
    const t0 = performance.now();
    try {
      render(select(root), store.model(), options());
      saveFinished();
    } catch (err) {
      console.error('swimlane: render failed', err);
    }
    drawEnd = performance.now();
    drawCost = drawEnd - t0;
  };
  // While a run streams in, a draw waits until the page has been idle for as long as the last
  // draw took: a big view is then drawn less often (a 40 ms frame at most every 80 ms) and the
  // page keeps time for the next messages and for input. A finished run, zoom and pan (draw.ts)
  // draw on the next frame.
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    const live = store.model().header?.state === 'running';
    const wait = live ? drawEnd + drawCost - performance.now() : 0;
    if (wait > 1) setTimeout(() => requestAnimationFrame(draw), wait);
    else requestAnimationFrame(draw);
  };
  const warn = (m: string): void => console.warn(m);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    try {
      const msg = parseHostMessage(event.data, warn);
      if (!msg) return;
      handle(store, msg);
      if (msg.type === 'reset' && saved.model) {
        // Another run now: the saved one must not come back after a reload in its place.
        delete saved.model;
        persist();
      }
      schedule();
    } catch (err) {
      console.warn('swimlane: failed to handle a message', err);
    }
  });
  draw();
  vscode.postMessage({ type: 'ready' });
}

/** Item count of a saved model. */
function sizeOf(m: ModelDelta): number {
  return m.lanes.length + m.spans.length + m.marks.length + (m.flows?.length ?? 0);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
