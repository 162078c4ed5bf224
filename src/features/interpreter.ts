// Which Python runs the user's own program: the Python extension's selected interpreter (when
// ms-python.python is installed), else the setting, else PATH; checked for 3.9+.
import * as vscode from 'vscode';
import { PythonExtension } from '@vscode/python-extension';
import { CONFIG_SECTION } from '../commandIds';
import { locatePython, type PythonFound, type PythonProblem } from '../runner/pythonLocator';

/** Where an interpreter came from. */
export type InterpreterSource = 'pythonExtension' | 'setting' | 'path';

/** The interpreter chosen for a file, or why none could be used. */
export type InterpreterChoice =
  (PythonFound & { source: InterpreterSource }) | (PythonProblem & { source: InterpreterSource });

/** The Python extension's id. */
export const PYTHON_EXTENSION_ID = 'ms-python.python';

/** How long to wait for the Python extension to activate and answer. */
const PYTHON_API_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The executable the Python extension selected for `resource`, or undefined (not installed,
 * no selection, or it failed to answer). Never throws. */
export async function pythonExtensionInterpreter(
  resource?: vscode.Uri,
): Promise<string | undefined> {
  if (!vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) return undefined;
  try {
    const ask = async (): Promise<string | undefined> => {
      const api = await PythonExtension.api();
      const active = api.environments.getActiveEnvironmentPath(resource);
      const env = await api.environments.resolveEnvironment(active);
      return env?.executable.uri?.fsPath ?? (active.path || undefined);
    };
    return await withTimeout(ask(), PYTHON_API_TIMEOUT_MS);
  } catch (err) {
    console.warn('swimlane: the Python extension did not give an interpreter', err);
    return undefined;
  }
}

/** Choose and check the interpreter for `resource`, in the documented order. */
export async function chooseInterpreter(resource?: vscode.Uri): Promise<InterpreterChoice> {
  const fromExtension = await pythonExtensionInterpreter(resource);
  if (fromExtension) {
    return { ...(await locatePython(fromExtension)), source: 'pythonExtension' };
  }
  const configured = vscode.workspace
    .getConfiguration(CONFIG_SECTION, resource)
    .get<string>('pythonPath', '')
    .trim();
  const found = await locatePython(configured);
  return { ...found, source: configured ? 'setting' : 'path' };
}

/** The message for a Python that is broken or not found (a too old one is worded per caller). */
export function pythonProblemText(p: PythonProblem): string {
  return p.reason === 'broken'
    ? vscode.l10n.t('Python could not be started ({0}).', p.detail)
    : vscode.l10n.t(
        'Python was not found (tried {0}). Install Python 3.9+ or set "concurrencySwimlane.pythonPath".',
        p.tried.join(', '),
      );
}

/** Show why the interpreter cannot be used, with a "Select Interpreter" action. */
export async function reportInterpreterProblem(p: PythonProblem): Promise<void> {
  const select = vscode.l10n.t('Select Interpreter');
  const message =
    p.reason === 'tooOld'
      ? vscode.l10n.t('Tracing needs Python 3.9 or later ({0}).', p.detail)
      : pythonProblemText(p);
  const pick = await vscode.window.showErrorMessage(message, select);
  if (pick !== select) return;
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('python.setInterpreter')) {
    await vscode.commands.executeCommand('python.setInterpreter');
  } else {
    await vscode.commands.executeCommand(
      'workbench.action.openSettings',
      `${CONFIG_SECTION}.pythonPath`,
    );
  }
}
