// One offline HTML file showing a trace: the built webview script and stylesheet inlined, the
// model as JSON data, and a small stand-in for VS Code's webview API that answers `ready` with
// the model and saves exports as downloads. Strict CSP (nonces, no network). Pure.
import type { HostToWebview, ModelDelta } from '../shared/webviewProtocol';
import { esc, makeNonce } from '../panel/webviewHtml';

/** What goes into the standalone file. */
export interface StandaloneInput {
  /** Text of dist/webview.js. */
  script: string;
  /** Text of media/swimlane.css. */
  css: string;
  model: ModelDelta;
  /** Webview UI strings of the chosen language (webviewStrings). */
  strings: Record<string, string>;
  lang: string;
  title: string;
}

/** JSON that can sit inside a <script> element: no "<", no line separators unescaped. */
function scriptJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Code text that can sit inside a <script>/<style> element. */
function inlineCode(code: string, tag: 'script' | 'style'): string {
  return code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** The VS Code API stand-in: replies to `ready` with init/reset/delta; exports become downloads. */
const SHIM = `(function () {
  var data = JSON.parse(document.getElementById('swimlane-data').textContent);
  var state;
  function deliver(msg) { window.dispatchEvent(new MessageEvent('message', { data: msg })); }
  function download(name, href) {
    var a = document.createElement('a');
    a.href = href; a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }
  window.acquireVsCodeApi = function () {
    return {
      getState: function () { return state; },
      setState: function (s) { state = s; },
      postMessage: function (m) {
        if (!m || typeof m !== 'object') return;
        if (m.type === 'ready') data.forEach(function (msg) { setTimeout(function () { deliver(msg); }, 0); });
        if (m.type === 'export' && m.format === 'svg') {
          download('swimlane.svg', URL.createObjectURL(new Blob([m.data], { type: 'image/svg+xml' })));
        }
        if (m.type === 'export' && m.format === 'png' && /^data:image\\/png;base64,/.test(m.data)) {
          download('swimlane.png', m.data);
        }
      }
    };
  };
})();`;

/** The standalone HTML document. */
export function standaloneHtml(input: StandaloneInput): string {
  const nonce = makeNonce();
  const messages: HostToWebview[] = [
    { type: 'init', strings: input.strings },
    { type: 'reset' },
    { type: 'delta', ...input.model },
  ];
  const csp = [
    "default-src 'none'",
    'img-src data: blob:',
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${esc(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="concurrency-swimlane">
<title>${esc(input.title)}</title>
<style nonce="${nonce}">
${inlineCode(input.css, 'style')}
</style>
</head>
<body>
<div id="root" class="sl-root"></div>
<script type="application/json" id="swimlane-data">${scriptJson(messages)}</script>
<script nonce="${nonce}">${SHIM}</script>
<script nonce="${nonce}">
${inlineCode(input.script, 'script')}
</script>
</body>
</html>
`;
}
