// The Python language server (node IPC, started by vscode-languageclient): diagnostics of the
// nine concurrency rules, `with lock:` quick fixes, the "▶ Visualize" code lens and hovers.
// Bundled to dist/server.js; the tree-sitter .wasm files sit beside it in dist/.
import { join } from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { createPythonParser } from '../lint/pythonParser';
import { langOf } from '../lint/ruleCatalog';
import { LintSession } from './lintSession';

/** Options the client passes at start. */
interface InitOptions {
  /** vscode.env.language: messages follow the VS Code display language. */
  locale?: string;
  /** The current `concurrencySwimlane.lint.disabledRules`. */
  disabledRules?: unknown;
}

const SETTINGS_SECTION = 'concurrencySwimlane.lint';
/** Re-analyse this long after the last keystroke. */
const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
let session: LintSession | undefined;
let canPullConfig = false;
const timers = new Map<string, NodeJS.Timeout>();

function publish(uri: string): void {
  if (!session) return;
  try {
    void connection.sendDiagnostics({ uri, diagnostics: session.diagnostics(uri) });
  } catch (err) {
    connection.console.error(`lint failed on ${uri}: ${String(err)}`);
  }
}

function schedule(uri: string, delay = DEBOUNCE_MS): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      publish(uri);
    }, delay),
  );
}

async function pullSettings(): Promise<void> {
  if (!canPullConfig || !session) return;
  const s = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as
    { disabledRules?: unknown } | undefined;
  session.setDisabled(s?.disabledRules);
  for (const uri of session.uris()) publish(uri);
}

connection.onInitialize(async (params) => {
  const opts = (params.initializationOptions ?? {}) as InitOptions;
  const parser = await createPythonParser({
    runtime: join(__dirname, 'tree-sitter.wasm'),
    python: join(__dirname, 'tree-sitter-python.wasm'),
  });
  session = new LintSession(parser, langOf(opts.locale ?? params.locale));
  session.setDisabled(opts.disabledRules);
  canPullConfig = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
    },
  };
});

connection.onInitialized(() => {
  if (canPullConfig)
    void connection.client.register(DidChangeConfigurationNotification.type, {
      section: SETTINGS_SECTION,
    });
});

connection.onDidChangeConfiguration(() => void pullSettings());

connection.onDidOpenTextDocument(({ textDocument: d }) => {
  session?.open(d.uri, d.version, d.text);
  schedule(d.uri, 0);
});

connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
  session?.change(d.uri, d.version, contentChanges);
  schedule(d.uri);
});

connection.onDidCloseTextDocument(({ textDocument: d }) => {
  clearTimeout(timers.get(d.uri));
  timers.delete(d.uri);
  session?.close(d.uri);
  void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
});

connection.onCodeAction(
  (p) => session?.codeActions(p.textDocument.uri, p.context.diagnostics) ?? [],
);
connection.onCodeLens((p) => session?.codeLenses(p.textDocument.uri) ?? []);
connection.onHover((p) => session?.hover(p.textDocument.uri, p.position));

connection.listen();
