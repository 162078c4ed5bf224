// Shows traces read from files: the read-only custom editor for `*.swimlane.jsonl`, and panels
// for Chrome Trace JSON opened with "Open Trace…". Remembers which one is active, for Export.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { ExportableTrace } from '../export/exportFormats';
import { describeSkipped, skippedCount, type ImportReport } from '../export/importReport';
import { importTraceText } from '../export/importTrace';
import { SwimlanePanel } from '../panel/swimlanePanel';

/** A trace file opened in the custom editor. */
export interface TraceDocument extends vscode.CustomDocument {
  trace: ExportableTrace;
  report: ImportReport;
}

/** Read and parse a trace file; throws a clear error for a file in neither format. */
export async function readTrace(
  uri: vscode.Uri,
): Promise<{ trace: ExportableTrace; report: ImportReport }> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return importTraceText(text, basename(uri.path));
  } catch (err) {
    throw new Error(
      vscode.l10n.t(
        '{0} is not a trace this extension can read: {1}',
        basename(uri.path),
        (err as Error).message,
      ),
    );
  }
}

/** Custom editor provider and the panels of opened traces. */
export class TraceViewer implements vscode.CustomReadonlyEditorProvider<TraceDocument> {
  private readonly shown = new Map<vscode.WebviewPanel, ExportableTrace>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** The trace of the active trace editor or panel, if one is active. */
  activeTrace(): ExportableTrace | null {
    for (const [panel, trace] of this.shown) if (panel.active) return trace;
    return null;
  }

  /** How many trace views are open (test API). */
  get openCount(): number {
    return this.shown.size;
  }

  async openCustomDocument(uri: vscode.Uri): Promise<TraceDocument> {
    const { trace, report } = await readTrace(uri);
    this.explain(uri, report);
    return { uri, trace, report, dispose: () => undefined };
  }

  resolveCustomEditor(document: TraceDocument, panel: vscode.WebviewPanel): void {
    this.show(document.trace, panel);
  }

  /** Show a trace in `existing` (a custom editor's panel) or a new panel. */
  show(trace: ExportableTrace, existing?: vscode.WebviewPanel): void {
    const view = new SwimlanePanel(this.extensionUri, () => undefined, existing);
    view.show({ title: trace.title, snapshot: () => trace.model });
    const panel = view.webviewPanel;
    this.shown.set(panel, trace);
    view.onDidDispose(() => {
      this.shown.delete(panel);
      view.dispose();
    });
  }

  /** Open a trace file: `.swimlane.jsonl` in the custom editor, Chrome JSON in a panel. */
  async openFile(uri: vscode.Uri): Promise<void> {
    if (uri.path.toLowerCase().endsWith('.swimlane.jsonl')) {
      await vscode.commands.executeCommand(
        'vscode.openWith',
        uri,
        'concurrencySwimlane.traceEditor',
      );
      return;
    }
    try {
      const { trace, report } = await readTrace(uri);
      this.explain(uri, report);
      this.show(trace);
    } catch (err) {
      void vscode.window.showErrorMessage((err as Error).message);
    }
  }

  /** Tell the user what an import skipped (counts in a message, details in the output). */
  private explain(uri: vscode.Uri, report: ImportReport): void {
    const n = skippedCount(report);
    if (n === 0) return;
    this.output.appendLine(`${basename(uri.path)}: skipped ${n} of ${report.events} items`);
    for (const line of describeSkipped(report)) this.output.appendLine(`  ${line}`);
    const show = vscode.l10n.t('Show Details');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          '{0}: {1} of {2} items could not be shown (kinds this view does not draw).',
          basename(uri.path),
          n,
          report.events,
        ),
        show,
      )
      .then((pick) => pick === show && this.output.show(true));
  }
}
