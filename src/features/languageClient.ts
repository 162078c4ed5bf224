// Starts the Python language server (dist/server.js, node IPC) with vscode-languageclient:
// diagnostics, quick fixes, the "▶ Visualize" code lens and hovers for Python files.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/node';
import type { StartedClient } from './lspClientStart';
import { CONFIG_SECTION } from '../commandIds';

/** Dependencies of the language client feature. */
export interface LanguageClientDeps {
  extensionUri: vscode.Uri;
}

/** The settings section the server reads (`concurrencySwimlane.lint.*`). */
export const LINT_SECTION = `${CONFIG_SECTION}.lint`;

/** Start the language client after activation (the client library is loaded lazily, so it costs
 * activation nothing); disposing it stops the server process. */
export function register(
  _context: vscode.ExtensionContext,
  deps: LanguageClientDeps,
): vscode.Disposable {
  const module = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'server.js').fsPath;
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
  let client: StartedClient | null = null;
  const started = Promise.resolve()
    .then(() => loadClientModule(vscode.Uri.joinPath(deps.extensionUri, 'dist').fsPath))
    .then(({ startLanguageClient }) =>
      startLanguageClient(
        module,
        vscode.l10n.t('Concurrency Swimlane: Python lint'),
        clientOptions,
      ),
    )
    .then((c) => {
      client = c;
    })
    .catch((err: unknown) => {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The Python lint server could not start: {0}', String(err)),
      );
    });
  return new vscode.Disposable(() => {
    void started.then(() => client?.stop());
  });
}

/** The client bundle (dist/lspClient.js, built from lspClientStart.ts), required at run time so
 * that esbuild does not inline it into the extension bundle. */
function loadClientModule(distDir: string): typeof import('./lspClientStart') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(distDir, 'lspClient.js')) as typeof import('./lspClientStart');
}
