// Saving an exported view: the webview builds the file, the host asks where to put it.
import * as vscode from 'vscode';
import type { ExportFormat } from '../shared/webviewProtocol';
import { exportBytes } from './exportBytes';

/** Ask for a file name (default `<title>.<format>` in the first workspace folder) and write it. */
export async function saveExport(format: ExportFormat, data: string, title: string): Promise<void> {
  const bytes = exportBytes(format, data);
  if (!bytes) return;
  const base = title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'swimlane';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined,
    filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
  });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, bytes);
}
