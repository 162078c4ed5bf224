// "Open Trace…", "Export Trace…" and the `*.swimlane.jsonl` custom editor. Exports are written
// only where the user chooses in the save dialog (or a caller passes a target Uri).
import * as vscode from 'vscode';
import { CommandIds, TRACE_EDITOR_VIEW_TYPE } from '../commandIds';
import {
  FORMAT_SUFFIX,
  exportText,
  safeBaseName,
  type ExportableTrace,
  type HtmlAssets,
  type TraceFormat,
} from '../export/exportFormats';
import { webviewStrings } from '../panel/webviewStrings';
import type { RunController } from './runController';
import { TraceViewer } from './traceViewer';

/** Dependencies of the trace commands. */
export interface TraceCommandDeps {
  runs: RunController;
  output: vscode.OutputChannel;
}

const FORMATS: TraceFormat[] = ['chrome', 'jsonl', 'html'];

function formatLabel(f: TraceFormat): { label: string; detail: string; format: TraceFormat } {
  switch (f) {
    case 'chrome':
      return {
        format: f,
        label: vscode.l10n.t('Chrome Trace JSON'),
        detail: vscode.l10n.t('Opens in Perfetto (ui.perfetto.dev) and chrome://tracing'),
      };
    case 'jsonl':
      return {
        format: f,
        label: vscode.l10n.t('Raw event stream (.swimlane.jsonl)'),
        detail: vscode.l10n.t('Every tracer event; opens again in this extension'),
      };
    case 'html':
      return {
        format: f,
        label: vscode.l10n.t('Standalone HTML'),
        detail: vscode.l10n.t('The same swimlane in one offline file, for any browser'),
      };
  }
}

async function htmlAssets(extensionUri: vscode.Uri): Promise<HtmlAssets> {
  const read = async (...p: string[]): Promise<string> =>
    new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...p)),
    );
  const lang = vscode.env.language;
  return {
    script: await read('dist', 'webview.js'),
    css: await read('media', 'swimlane.css'),
    strings: webviewStrings(lang),
    lang,
  };
}

/** Register the custom editor and the Open Trace… / Export Trace… commands. */
export function register(
  context: vscode.ExtensionContext,
  deps: TraceCommandDeps,
): vscode.Disposable {
  const viewer = new TraceViewer(context.extensionUri, deps.output);
  const source = (): ExportableTrace | null => viewer.activeTrace() ?? deps.runs.currentTrace();

  const exportTrace = async (
    format?: TraceFormat,
    target?: vscode.Uri,
  ): Promise<vscode.Uri | undefined> => {
    const trace = source();
    if (!trace) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing to export yet: run a demo, trace a file or open a trace.'),
      );
      return undefined;
    }
    const chosen =
      format && FORMATS.includes(format)
        ? format
        : (
            await vscode.window.showQuickPick(FORMATS.map(formatLabel), {
              title: vscode.l10n.t('Export "{0}" as', trace.title),
            })
          )?.format;
    if (!chosen) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${safeBaseName(trace.title)}${FORMAT_SUFFIX[chosen]}`;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        saveLabel: vscode.l10n.t('Export'),
      }));
    if (!uri) return undefined;
    try {
      const assets = chosen === 'html' ? await htmlAssets(context.extensionUri) : undefined;
      const text = exportText(chosen, trace, assets);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      if (chosen === 'jsonl' && trace.eventsDropped) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'The run had more events than are kept: the file holds the first {0}, {1} later ones are missing.',
            trace.events?.length ?? 0,
            trace.eventsDropped,
          ),
        );
      }
      return uri;
    } catch (err) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Export failed: {0}', (err as Error).message),
      );
      return undefined;
    }
  };

  return vscode.Disposable.from(
    vscode.window.registerCustomEditorProvider(TRACE_EDITOR_VIEW_TYPE, viewer, {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand(CommandIds.openTrace, async (arg?: unknown) => {
      const uri =
        arg instanceof vscode.Uri
          ? arg
          : (
              await vscode.window.showOpenDialog({
                canSelectMany: false,
                title: vscode.l10n.t('Open Trace'),
                filters: { [vscode.l10n.t('Traces')]: ['jsonl', 'json'] },
              })
            )?.[0];
      if (uri) await viewer.openFile(uri);
    }),
    vscode.commands.registerCommand(CommandIds.exportTrace, exportTrace),
  );
}
