// The README documents what exists: every command and setting in its tables (English and
// Chinese), the walkthrough, and only images that are in the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(root, `package.nls${locale}.json`), 'utf8'));
/** Table rows of the README: lines starting with "|". */
const rows = readme.split('\n').filter((l) => l.startsWith('|'));

test('every command is in a table row, in English and in Chinese', () => {
  for (const [locale, prefix] of [
    ['', 'Concurrency: '],
    ['.zh-cn', '并发: '],
  ]) {
    const t = nls(locale);
    for (const c of pkg.contributes.commands as { title: string }[]) {
      const title = prefix + t[c.title.replace(/%/g, '')];
      assert.ok(
        rows.some((r) => r.startsWith(`| ${title} |`)),
        `README has no row for ${title}`,
      );
    }
  }
});

test('every setting is in a table row with its default, twice (English and Chinese)', () => {
  for (const [key, prop] of Object.entries<{ default: unknown }>(
    pkg.contributes.configuration.properties,
  )) {
    const row = `| \`${key}\` | \`${JSON.stringify(prop.default)}\` |`;
    const found = rows.filter((r) => r.startsWith(row)).length;
    assert.equal(found, 2, `README rows starting ${row}: ${found}`);
  }
});

test('the walkthrough is described and every linked image exists', () => {
  const title = nls('')['walkthrough.title'];
  assert.ok(readme.includes(title), `README does not name the walkthrough "${title}"`);
  assert.ok(readme.includes(nls('.zh-cn')['walkthrough.title']));
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(images.some((i) => i.startsWith('media/walkthrough/')));
  for (const img of images) assert.ok(existsSync(join(root, img)), `${img} is missing`);
});

test('README has the sections the issue asks for', () => {
  for (const h of [
    '## Quick start',
    '### Install the VSIX by hand',
    '## Commands',
    '## Settings',
    '## How tracing works',
    '## Troubleshooting',
    '## 简体中文',
  ])
    assert.ok(readme.includes(`\n${h}\n`), h);
});
