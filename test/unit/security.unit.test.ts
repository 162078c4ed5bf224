// Webview security beyond the HTML document: it may load only from the extension's dist and
// media folders, the HTML references nothing outside them, and the shipped webview bundle and
// stylesheet name no remote resource (only XML namespace identifiers, which are never fetched).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeNonce, WEBVIEW_ROOTS, webviewHtml } from '../../src/panel/webviewHtml';

const root = join(__dirname, '../../..');

test('localResourceRoots are exactly the extension dist and media folders', () => {
  assert.deepEqual([...WEBVIEW_ROOTS], ['dist', 'media']);
  const panel = readFileSync(join(root, 'src/panel/swimlanePanel.ts'), 'utf8');
  const roots = [...panel.matchAll(/localResourceRoots:\s*([^}]*)/g)].map((m) => m[1].trim());
  assert.deepEqual(roots, ['[dist, media]'], 'the panel passes only those two');
  assert.match(panel, /\[dist, media\] = WEBVIEW_ROOTS\.map/);
});

test('every resource the HTML loads is under dist or media', () => {
  const base = 'vscode-webview://abc/ext';
  const html = webviewHtml({
    cspSource: 'vscode-webview://abc',
    nonce: makeNonce(),
    scriptUri: `${base}/dist/webview.js`,
    styleUri: `${base}/media/swimlane.css`,
    lang: 'en',
    title: 't',
  });
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(refs.length, 2);
  for (const ref of refs) {
    assert.ok(
      WEBVIEW_ROOTS.some((dir) => ref.startsWith(`${base}/${dir}/`)),
      `${ref} is inside a resource root`,
    );
  }
});

test('the webview bundle and stylesheet name no remote resource', () => {
  for (const file of ['dist/webview.js', 'media/swimlane.css']) {
    const text = readFileSync(join(root, file), 'utf8');
    const urls = [...text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)]
      .map((m) => m[0])
      .filter((u) => /^(https?:)?\/\//i.test(u));
    const remote = urls.filter((u) => !/^http:\/\/www\.w3\.org\//.test(u));
    assert.deepEqual(remote, [], `${file}: only XML namespace ids`);
    assert.doesNotMatch(text, /@import|url\((['"]?)(?!#)/, `${file}: no imported or url() files`);
    assert.doesNotMatch(text, /\beval\(|new Function\(/, `${file}: no eval`);
  }
});
