// Every user-facing string exists in English and Simplified Chinese: manifest, runtime, webview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZH_CN } from '../../src/panel/webviewStrings';
import { DEFAULT_STRINGS } from '../../webview/strings';

const root = join(__dirname, '../../..');
const json = (p: string): Record<string, string> => JSON.parse(readFileSync(join(root, p), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('package.nls.json and package.nls.zh-cn.json have the same keys, all used ones present', () => {
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(
    (m) => m[1],
  );
  assert.ok(used.length >= 5);
  for (const key of used)
    assert.ok(key in en, `package.json uses %${key}% but package.nls.json lacks it`);
  for (const [k, v] of Object.entries(zh)) assert.notEqual(v, en[k], `${k} is not translated`);
});

test('every vscode.l10n.t() message in src/ has a Chinese translation', () => {
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  const messages = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g))
      messages.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(messages.size >= 5, `found ${messages.size} messages`);
  for (const msg of messages) assert.ok(msg in zh, `missing zh-cn translation: ${msg}`);
});

test('every webview string has a Chinese translation', () => {
  assert.deepEqual(Object.keys(ZH_CN).sort(), Object.keys(DEFAULT_STRINGS).sort());
});
