// Unit tests of the webview HTML document: strict CSP, nonce on the only script, no remote URLs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeNonce, webviewHtml, type WebviewHtmlOptions } from '../../src/panel/webviewHtml';

const opts: WebviewHtmlOptions = {
  cspSource: 'vscode-webview://abc123',
  nonce: 'AbC123xyz0AbC123xyz0AbC123xyz012',
  scriptUri: 'vscode-webview://abc123/dist/webview.js',
  styleUri: 'vscode-webview://abc123/media/swimlane.css',
  lang: 'zh-cn',
  title: 'Concurrency Swimlane',
};

/** The CSP of a document as a map directive → sources. */
function csp(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta present');
  const out = new Map<string, string[]>();
  for (const part of m[1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

test('CSP is strict: nothing by default, scripts only with the nonce, styles only local', () => {
  const policy = csp(webviewHtml(opts));
  assert.deepEqual(policy.get('default-src'), ["'none'"]);
  assert.deepEqual(policy.get('script-src'), [`'nonce-${opts.nonce}'`]);
  assert.deepEqual(policy.get('style-src'), [opts.cspSource]);
  assert.deepEqual(policy.get('img-src'), [opts.cspSource, 'data:']);
  assert.deepEqual(policy.get('font-src'), [opts.cspSource]);
});

test('no unsafe-inline, no unsafe-eval, no remote URLs, no inline script or style', () => {
  const html = webviewHtml(opts);
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|unsafe-hashes/);
  assert.doesNotMatch(html, /https?:/);
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][1], new RegExp(`nonce="${opts.nonce}"`));
  assert.match(scripts[0][1], new RegExp(`src="${opts.scriptUri}"`));
  assert.equal(scripts[0][2].trim(), '', 'no inline script body');
});

test('stylesheet, root element, language and title are in place', () => {
  const html = webviewHtml(opts);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes(`<link rel="stylesheet" href="${opts.styleUri}">`));
  assert.ok(html.includes('<div id="root"'));
  assert.ok(html.includes('<html lang="zh-cn">'));
  assert.ok(html.includes('<title>Concurrency Swimlane</title>'));
});

test('inputs cannot break out of attributes or widen the policy', () => {
  const html = webviewHtml({
    ...opts,
    title: '</title><script>alert(1)</script>',
    scriptUri: 'x" onload="alert(1)',
    cspSource: "x; script-src 'unsafe-inline'",
    nonce: "n' 'unsafe-eval",
  });
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.doesNotMatch(html, /\sonload="/, 'quotes in URIs are escaped');
  assert.doesNotMatch(html, /'unsafe-/, 'no CSP keywords smuggled in');
  assert.equal([...html.matchAll(/script-src '/g)].length, 1, 'one script-src directive');
  assert.equal(csp(html).get('script-src')?.length, 1);
});

test('makeNonce gives 32 alphanumerics, different every time', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const n = makeNonce();
    assert.match(n, /^[A-Za-z0-9]{32}$/);
    seen.add(n);
  }
  assert.equal(seen.size, 200);
});
