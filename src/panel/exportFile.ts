// Saving an exported view: the webview builds the file, the host asks where to put it.
import * as vscode from 'vscode';
import type { ExportFormat } from '../shared/webviewProtocol';

/** Largest export accepted from the webview (a 4K PNG is well under this). */
const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

/** Bytes of an export: SVG text as UTF-8, a PNG from its base64 `data:` URL; null if malformed. */
export function exportBytes(format: ExportFormat, data: string): Uint8Array | null {
  if (data.length > MAX_EXPORT_CHARS) return null;
  if (format === 'svg') return data.startsWith('<svg') ? Buffer.from(data, 'utf8') : null;
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
  return m ? Buffer.from(m[1], 'base64') : null;
}

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
