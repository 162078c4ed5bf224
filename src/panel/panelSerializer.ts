// Brings the swimlane panel back after a window reload: VS Code hands over the old panel and the
// webview restores its saved view state and last run (vscode.setState) by itself.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE, SwimlanePanel } from './swimlanePanel';

/** What the serializer needs from the extension. */
export interface SerializerDeps {
  extensionUri: vscode.Uri;
}

/** Panels revived since activation that no run controller has taken yet. */
const revived: SwimlanePanel[] = [];

/**
 * A revived panel for a run controller to reuse instead of opening a second panel (or null).
 * The caller owns it from then on and should route Stop with setStopHandler().
 */
export function takeRevivedPanel(): SwimlanePanel | null {
  return revived.pop() ?? null;
}

/** Register the WebviewPanelSerializer for `concurrencySwimlane.swimlane` panels. */
export function register(
  _context: vscode.ExtensionContext,
  deps: SerializerDeps,
): vscode.Disposable {
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
      const p = new SwimlanePanel(deps.extensionUri, () => undefined, panel);
      revived.push(p);
      p.onDidDispose(() => {
        const i = revived.indexOf(p);
        if (i >= 0) revived.splice(i, 1);
        p.dispose();
      });
      return Promise.resolve();
    },
  };
  return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer);
}
