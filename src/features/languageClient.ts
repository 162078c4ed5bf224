// Starts the Python language server (dist/server.js, node IPC) with vscode-languageclient:
// diagnostics, quick fixes, the "▶ Visualize" code lens and hovers for Python files.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CONFIG_SECTION } from '../commandIds';

/** Dependencies of the language client feature. */
export interface LanguageClientDeps {
  extensionUri: vscode.Uri;
}

/** The settings section the server reads (`concurrencySwimlane.lint.*`). */
export const LINT_SECTION = `${CONFIG_SECTION}.lint`;

/** Start the language client; disposing it stops the server process. */
export function register(
  _context: vscode.ExtensionContext,
  deps: LanguageClientDeps,
): vscode.Disposable {
  const module = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    synchronize: { configurationSection: LINT_SECTION },
    initializationOptions: {
      locale: vscode.env.language,
      disabledRules: vscode.workspace.getConfiguration(LINT_SECTION).get('disabledRules', []),
    },
  };
  const client = new LanguageClient(
    'concurrencySwimlane.lint',
    vscode.l10n.t('Concurrency Swimlane: Python lint'),
    serverOptions,
    clientOptions,
  );
  const started = client.start().catch((err: unknown) => {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The Python lint server could not start: {0}', String(err)),
    );
  });
  return new vscode.Disposable(() => {
    void started.then(() => (client.isRunning() ? client.stop() : undefined));
  });
}
