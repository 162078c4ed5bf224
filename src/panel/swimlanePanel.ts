// The swimlane WebviewPanel: strict-CSP HTML, a `ready` handshake, then model snapshots/deltas.
import * as vscode from 'vscode';
import type { HostToWebview, ModelDelta, WebviewToHost } from '../shared/webviewProtocol';
import { assertNever } from '../core/events';
import { packDelta } from '../shared/packedDelta';
import { saveExport } from './exportFile';
import { makeNonce, WEBVIEW_ROOTS, webviewHtml } from './webviewHtml';
import { webviewStrings } from './webviewStrings';

/** View type of the panel (also used by a future serializer). */
export const PANEL_VIEW_TYPE = 'concurrencySwimlane.swimlane';

/** What the panel shows: a source of full snapshots for a (re)loading webview. */
export interface PanelSource {
  title: string;
  snapshot(): ModelDelta;
}

/** Whether a message from the webview has the shape its type promises. */
export function isWebviewMessage(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
    case 'stop':
      return true;
    case 'openSource':
      return typeof o.file === 'string' && o.file !== '' && Number.isInteger(o.line);
    case 'export':
      return (o.format === 'svg' || o.format === 'png') && typeof o.data === 'string';
    default:
      return false;
  }
}

/** One panel, reused across runs; posts nothing until the webview said `ready`. */
export class SwimlanePanel implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  private source: PanelSource | null = null;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panel: vscode.WebviewPanel;
  /** Fires when the user closes the panel. */
  readonly onDidDispose: vscode.Event<void>;

  /**
   * Open a new panel, or take over `existing` (a panel VS Code revived after a window reload;
   * its webview restores its own saved state and last run).
   */
  constructor(
    extensionUri: vscode.Uri,
    private onStop: () => void,
    existing?: vscode.WebviewPanel,
  ) {
    const [dist, media] = WEBVIEW_ROOTS.map((dir) => vscode.Uri.joinPath(extensionUri, dir));
    const options = { enableScripts: true, localResourceRoots: [dist, media] };
    this.panel =
      existing ??
      vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        'Concurrency Swimlane',
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        options,
      );
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    const webview = this.panel.webview;
    if (existing) webview.options = options;
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'swimlane.css')).toString(),
      lang: vscode.env.language,
      title: 'Concurrency Swimlane',
    });
    this.onDidDispose = this.panel.onDidDispose;
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // The last deltas of a run stopped by closing the panel must not reach a dead webview.
      this.panel.onDidDispose(() => (this.disposed = true)),
      // A hidden webview is torn down; it says `ready` again when shown and gets a snapshot.
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
  }

  /** The VS Code panel behind this view. */
  get webviewPanel(): vscode.WebviewPanel {
    return this.panel;
  }

  /** Route the Stop button to another handler (a revived panel adopted by a run controller). */
  setStopHandler(onStop: () => void): void {
    this.onStop = onStop;
  }

  /** Show a new run: the webview is reset and gets the run's full model. */
  show(source: PanelSource): void {
    this.source = source;
    this.panel.title = source.title;
    this.panel.reveal(undefined, true);
    if (this.ready) this.sendSnapshot();
  }

  /** Forward a delta, packed in columns (dropped while the webview is not ready: it gets a
   *  snapshot then); resolves once VS Code delivered it (the run's delta pump waits for that). */
  postDelta(delta: ModelDelta): Thenable<boolean> | undefined {
    return this.ready ? this.post({ type: 'packed', ...packDelta(delta) }) : undefined;
  }

  private receive(raw: unknown): void {
    if (!isWebviewMessage(raw)) return;
    switch (raw.type) {
      case 'ready':
        this.ready = true;
        this.post({
          type: 'init',
          strings: webviewStrings(vscode.env.language),
          ...(this.source ? {} : { noRun: true }),
        });
        if (this.source) this.sendSnapshot();
        break;
      case 'stop':
        this.onStop();
        break;
      case 'openSource':
        vscode.window
          .showTextDocument(vscode.Uri.file(raw.file), {
            selection: new vscode.Range(Math.max(0, raw.line - 1), 0, Math.max(0, raw.line - 1), 0),
            viewColumn: vscode.ViewColumn.One,
          })
          .then(undefined, (err: unknown) =>
            console.warn(`swimlane: cannot open ${raw.file}:${raw.line}`, err),
          );
        break;
      case 'export':
        void saveExport(raw.format, raw.data, this.panel.title);
        break;
      default:
        assertNever(raw);
    }
  }

  private sendSnapshot(): void {
    if (!this.source) return;
    this.post({ type: 'reset' });
    this.post({ type: 'packed', ...packDelta(this.source.snapshot()) });
  }

  private post(msg: HostToWebview): Thenable<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return this.panel.webview.postMessage(msg);
  }

  /** Close the panel. */
  dispose(): void {
    this.disposed = true;
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
