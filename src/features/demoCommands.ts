// Registers the demo commands: Run Lock Demo and Stop.
import * as vscode from 'vscode';
import { CONFIG_SECTION, CommandIds } from '../commandIds';
import { lockDemo } from '../demos/demoSpec';
import type { RunController } from './runController';

/** Dependencies of the demo commands. */
export interface DemoCommandDeps {
  runs: RunController;
}

/** Register Run Lock Demo and Stop; returns their disposable. */
export function register(
  _context: vscode.ExtensionContext,
  deps: DemoCommandDeps,
): vscode.Disposable {
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
    vscode.commands.registerCommand(CommandIds.stop, async () => {
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
