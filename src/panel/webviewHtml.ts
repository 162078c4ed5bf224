// The swimlane webview's HTML document: strict CSP with a nonce, local script and stylesheet only.
// Pure (no vscode import) so it can be unit-tested and reused by the webview test harness.

/** Inputs of {@link webviewHtml}; the URIs are `webview.asWebviewUri(...)` strings. */
export interface WebviewHtmlOptions {
  /** `webview.cspSource`: the origin the webview may load local resources from. */
  cspSource: string;
  /** One-time value from {@link makeNonce}; only scripts carrying it may run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 language tag of the UI, e.g. `vscode.env.language`. */
  lang: string;
  title: string;
}

/** The only extension folders the webview may load from (its `localResourceRoots`). */
export const WEBVIEW_ROOTS: readonly string[] = ['dist', 'media'];

const NONCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random alphanumeric characters from the platform CSPRNG (works in Node and browsers). */
export function makeNonce(): string {
  const out: string[] = [];
  const bytes = new Uint8Array(64);
  while (out.length < 32) {
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
      if (b < 248 && out.length < 32) out.push(NONCE_CHARS[b % 62]);
    }
  }
  return out.join('');
}

/** Escape text for a double-quoted HTML attribute value or element content. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A CSP source list entry must not smuggle in directives or keywords. */
function cspToken(s: string): string {
  return s.replace(/[;,'"\s]+/g, ' ').trim();
}

/** The full HTML document of the swimlane webview. */
export function webviewHtml(opts: WebviewHtmlOptions): string {
  const src = cspToken(opts.cspSource);
  const nonce = opts.nonce.replace(/[^A-Za-z0-9+/=]/g, '');
  const csp = [
    "default-src 'none'",
    `img-src ${src} data:`,
    `style-src ${src}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${src}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${esc(opts.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(opts.styleUri)}">
<title>${esc(opts.title)}</title>
</head>
<body>
<div id="root" class="sl-root"></div>
<script nonce="${nonce}" src="${esc(opts.scriptUri)}"></script>
</body>
</html>
`;
}
