// Entry point: activate() only wires features together; each feature registers itself.
import * as vscode from 'vscode';
import type { SwimlaneApi } from './api';
import { register as registerDemoCommands } from './features/demoCommands';
import { createDemoTree } from './features/demoTree';
import { register as registerLanguageClient } from './features/languageClient';
import { RunController } from './features/runController';
import { RunStatus } from './features/runStatus';
import { register as registerSwimlaneSerializer } from './panel/panelSerializer';
import { register as registerTraceCommands } from './features/traceCommands';
import { register as registerTraceFile } from './features/traceFile';

let controllers: RunController[] = [];

/** Wire output channels, run controllers, commands, demo view, status bar, the panel
 * serializer and the Python language client; return the test API. */
export function activate(context: vscode.ExtensionContext): SwimlaneApi {
  const output = vscode.window.createOutputChannel('Concurrency Swimlane');
  const sideOutput = vscode.window.createOutputChannel('Concurrency Swimlane (compare)');
  const runs = new RunController(context.extensionUri, output);
  const side = new RunController(context.extensionUri, sideOutput);
  controllers = [runs, side];
  context.subscriptions.push(
    output,
    sideOutput,
    runs,
    side,
    registerDemoCommands(context, { runs, side }),
    createDemoTree(),
    new RunStatus(runs),
    registerSwimlaneSerializer(context, { extensionUri: context.extensionUri }),
    registerTraceFile(context, { runs }),
    registerTraceCommands(context, { runs, output }),
    registerLanguageClient(context, { extensionUri: context.extensionUri }),
  );
  return runs.api();
}

/** Stop any run (its whole process tree) before the extension host goes away. */
export async function deactivate(): Promise<void> {
  await Promise.all(controllers.map((c) => c.shutdown()));
  controllers = [];
}
