// Pure: the bytes of a file the webview exported (SVG text or a PNG data URL), checked.
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
