// Webview entry: ready handshake, validated host messages into the store, one redraw per frame.
import { select } from 'd3';
import type { HostToWebview, WebviewToHost } from '../src/shared/webviewProtocol';
import { render } from './render';
import { Store } from './store';
import { parseHostMessage } from './validate';

/** The part of VS Code's webview API this webview uses. */
interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

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
function handle(store: Store, msg: HostToWebview): void {
  switch (msg.type) {
    case 'init':
      store.strings = msg.strings;
      return;
    case 'reset':
      store.reset();
      return;
    case 'delta':
      store.apply(msg);
      return;
    default:
      assertNever(msg);
  }
}

/** Set up the view, listen to the host, then say `ready` (the host posts nothing before). */
function main(): void {
  const vscode = vscodeApi();
  const store = new Store();
  const root = document.getElementById('root') ?? document.body;
  const options = (): Parameters<typeof render>[2] => ({
    strings: store.strings,
    epoch: store.epoch,
    onStop: () => vscode.postMessage({ type: 'stop' }),
  });
  let pending = false;
  const draw = (): void => {
    pending = false;
    try {
      render(select(root), store.model(), options());
    } catch (err) {
      console.error('swimlane: render failed', err);
    }
  };
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(draw);
  };
  const warn = (m: string): void => console.warn(m);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    try {
      const msg = parseHostMessage(event.data, warn);
      if (!msg) return;
      handle(store, msg);
      schedule();
    } catch (err) {
      console.warn('swimlane: failed to handle a message', err);
    }
  });
  draw();
  vscode.postMessage({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
