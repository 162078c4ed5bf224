// Creates and starts the vscode-languageclient client. Built as its own bundle (dist/lspClient.js)
// and required only after activation, so the ~750 kB client library costs activation nothing.
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
} from 'vscode-languageclient/node';

/** A started client and how to stop it. */
export interface StartedClient {
  stop(): Promise<void>;
}

/** Start the language server `module` (node IPC) with `clientOptions`; resolves once running. */
export async function startLanguageClient(
  module: string,
  name: string,
  clientOptions: LanguageClientOptions,
): Promise<StartedClient> {
  const client = new LanguageClient(
    'concurrencySwimlane.lint',
    name,
    {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
    },
    clientOptions,
  );
  await client.start();
  return { stop: () => (client.isRunning() ? client.stop() : Promise.resolve()) };
}
