// Registers the demo commands: Run Lock Demo, Run Demo…, Run Demo with Parameters…, Run Again,
// Compare…, Stop.
import * as vscode from 'vscode';
import { CONFIG_SECTION, CommandIds } from '../commandIds';
import { buildDemoSpec, findDemo, type DemoEntry, type ParamValue } from '../demos/catalog';
import { lockDemo } from '../demos/demoSpec';
import { Comparer } from './compare';
import { ParamMemory, editParams, pickDemo, uiLang } from './demoPicker';
import type { DemoNode } from './demoTree';
import type { RunController } from './runController';

/** Dependencies of the demo commands. */
export interface DemoCommandDeps {
  runs: RunController;
  /** Runs the second demo of a comparison, in its own panel. */
  side: RunController;
}

/** What a run command may be given: a demo id (palette, tests), a tree node, or nothing. */
type DemoArg = string | DemoNode | undefined;

function entryOf(arg: DemoArg): DemoEntry | undefined {
  if (typeof arg === 'string') return findDemo(arg);
  if (arg && arg.kind === 'demo') return arg.entry;
  return undefined;
}

/** Register the demo commands; returns their disposable. */
export function register(
  context: vscode.ExtensionContext,
  deps: DemoCommandDeps,
): vscode.Disposable {
  const memory = new ParamMemory(context.globalState);
  const comparer = new Comparer(deps.runs, deps.side, memory);
  const choose = async (arg: DemoArg): Promise<DemoEntry | undefined> => {
    const entry = entryOf(arg);
    if (entry || typeof arg !== 'string')
      return entry ?? pickDemo(vscode.l10n.t('Choose a demo to run'));
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown demo: {0}', arg));
    return undefined;
  };
  const start = (entry: DemoEntry, values: Record<string, ParamValue>) =>
    deps.runs.run(buildDemoSpec(entry, values, uiLang()));

  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandIds.runLockDemo, async () => {
      const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
      const spec = lockDemo(
        {
          clients: config.get<number>('lockDemo.clients', 100),
          timeScale: config.get<number>('lockDemo.timeScale', 1),
        },
        (n) => vscode.l10n.t('Lock Demo: {0} clients, 1 ticket, 1 Lock', n),
      );
      await deps.runs.run(spec);
    }),
    vscode.commands.registerCommand(
      CommandIds.runDemo,
      async (arg?: DemoArg, values?: Record<string, ParamValue>) => {
        const entry = await choose(arg);
        if (!entry) return;
        await start(entry, { ...memory.get(entry), ...(values ?? {}) });
      },
    ),
    vscode.commands.registerCommand(CommandIds.runDemoWithParameters, async (arg?: DemoArg) => {
      const entry = await choose(arg);
      if (!entry) return;
      const values = await editParams(entry, memory.get(entry));
      if (!values) return;
      await memory.set(entry, values);
      await start(entry, values);
    }),
    vscode.commands.registerCommand(CommandIds.runAgain, async () => {
      const spec = deps.runs.lastSpec;
      if (!spec) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No demo has run yet.'));
        return;
      }
      await deps.runs.run(spec);
    }),
    vscode.commands.registerCommand(
      CommandIds.compare,
      (first?: string, second?: string, values?: Record<string, ParamValue>) =>
        comparer.compare(first, second, values),
    ),
    vscode.commands.registerCommand(CommandIds.stop, async () => {
      if (deps.side.running) await deps.side.stop();
      if (!deps.runs.running) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No Concurrency Swimlane run is in progress.'),
        );
        return;
      }
      await deps.runs.stop();
    }),
  );
}
