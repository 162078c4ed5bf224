// "Concurrency: Trace Python File": runs the user's own file under the tracer in its folder (or
// the configured cwd), with the configured or prompted arguments, shown live in the panel.
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_SECTION, CommandIds } from '../commandIds';
import { joinArgs, resolveCwd, splitArgs } from '../core/commandLine';
import type { DemoSpec } from '../demos/demoSpec';
import { chooseInterpreter, reportInterpreterProblem } from './interpreter';
import type { RunController } from './runController';
import { mayRunUserCode } from './workspaceTrust';

/** Dependencies of the Trace Python File command. */
export interface TraceFileDeps {
  runs: RunController;
}

/** What the command did (returned to callers such as tests and the code lens). */
export type TraceFileOutcome = 'started' | 'untrusted' | 'cancelled' | 'invalid' | 'noPython';

/** Options a caller may pass instead of the settings (tests, other extensions). */
export interface TraceFileOptions {
  args?: string[];
}

const START_METHODS = new Set(['fork', 'spawn', 'forkserver']);

function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

async function argsFor(
  config: vscode.WorkspaceConfiguration,
  file: string,
  given?: TraceFileOptions,
): Promise<string[] | undefined> {
  if (given?.args) return given.args;
  const configured = config.get<string[]>('traceFile.args', []).map(String);
  if (!config.get<boolean>('traceFile.promptForArgs', false)) return configured;
  const line = await vscode.window.showInputBox({
    title: vscode.l10n.t('Arguments for {0}', file),
    prompt: vscode.l10n.t('Command-line arguments, quoted like in a shell'),
    value: joinArgs(configured),
  });
  if (line === undefined) return undefined;
  try {
    return splitArgs(line);
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Invalid arguments: {0}', (err as Error).message),
    );
    return undefined;
  }
}

/** Run `arg` (a file Uri, or the active editor's file) under the tracer. */
export async function traceFile(
  deps: TraceFileDeps,
  arg?: unknown,
  options?: TraceFileOptions,
): Promise<TraceFileOutcome> {
  const uri = targetOf(arg);
  if (!uri || uri.scheme !== 'file' || !/\.pyw?$/i.test(uri.fsPath)) {
    void vscode.window.showErrorMessage(
      uri
        ? vscode.l10n.t('Only Python files on disk can be traced ({0}).', uri.toString())
        : vscode.l10n.t('Open a Python file to trace it.'),
    );
    return 'invalid';
  }
  if (!mayRunUserCode()) return 'untrusted';
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, uri);
  const file = basename(uri.fsPath);
  const args = await argsFor(config, file, options);
  if (!args) return 'cancelled';
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? null;
  const cwd = resolveCwd(config.get<string>('traceFile.cwd', ''), {
    fileDirname: dirname(uri.fsPath),
    workspaceFolder: folder,
  });
  const isDir = await stat(cwd).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The working directory does not exist: {0}', cwd),
    );
    return 'invalid';
  }
  const python = await chooseInterpreter(uri);
  if (!python.ok) {
    void reportInterpreterProblem(python);
    return 'noPython';
  }
  const method = config.get<string>('traceFile.startMethod', 'default');
  const spec: DemoSpec = {
    id: 'traceFile',
    title: vscode.l10n.t('Trace: {0}', file),
    script: uri.fsPath,
    files: {},
    args,
    cwd,
    ...(START_METHODS.has(method) ? { startMethod: method as DemoSpec['startMethod'] } : {}),
  };
  await deps.runs.run(spec, null, python);
  return 'started';
}

/** Register the Trace Python File command. */
export function register(
  _context: vscode.ExtensionContext,
  deps: TraceFileDeps,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    CommandIds.traceFile,
    // From the explorer the second argument is the list of selected files: not options.
    (arg?: unknown, options?: unknown) =>
      traceFile(
        deps,
        arg,
        options && typeof options === 'object' && !Array.isArray(options)
          ? (options as TraceFileOptions)
          : undefined,
      ),
  );
}
