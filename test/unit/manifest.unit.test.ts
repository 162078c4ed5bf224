// Checks that package.json, the command ids module and .vscodeignore agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds, EXTENSION_ID } from '../../src/commandIds';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<
  string,
  string
>;
/** A manifest string with its %key% placeholder resolved from package.nls.json. */
const text = (v: string): string =>
  v.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? `MISSING ${k}`);

test('command ids in code match package.json contributes.commands exactly', () => {
  const declared = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual(declared, Object.values(CommandIds).sort());
});

test('every command has the Concurrency category and a title', () => {
  for (const c of pkg.contributes.commands) {
    assert.equal(text(c.category), 'Concurrency');
    assert.ok(text(c.title).length > 0);
  }
  const titles = pkg.contributes.commands.map((c: { title: string }) => text(c.title));
  assert.ok(titles.includes('Run Lock Demo'));
  assert.ok(titles.includes('Stop'));
});

test('identity, activation on user action only, engines', () => {
  assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
  assert.equal(pkg.name, 'concurrency-swimlane');
  assert.equal(text(pkg.displayName), 'Concurrency Swimlane');
  assert.ok(/^\^1\.\d+\.\d+$/.test(pkg.engines.vscode));
  // VS Code derives onCommand/onView activation from contributes; the only explicit event
  // restores a swimlane panel that was open before a window reload; opening a Python file
  // starts the lint language server. Never at startup.
  assert.deepEqual(pkg.activationEvents ?? [], [
    'onWebviewPanel:concurrencySwimlane.swimlane',
    'onLanguage:python',
  ]);
  for (const s of ['build', 'watch', 'lint', 'package', 'start', 'test', 'bench'])
    assert.ok(pkg.scripts[s], s);
});

test('.vscodeignore leaves out sources, tests, maps and node_modules', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const p of ['src/**/*.ts', 'test/**', '**/*.map', 'node_modules/**'])
    assert.ok(lines.includes(p), p);
});

test('marketplace metadata: repository, homepage, bugs, banner, categories, keywords', () => {
  assert.equal(pkg.repository.type, 'git');
  assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  const home = pkg.repository.url.replace(/\.git$/, '');
  assert.equal(pkg.homepage, `${home}#readme`);
  assert.equal(pkg.bugs.url, `${home}/issues`);
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  // vsce's known categories; at most 30 keywords (vsce rejects more).
  const known = ['Visualization', 'Education', 'Debuggers', 'Testing', 'Other'];
  for (const c of pkg.categories) assert.ok(known.includes(c), c);
  assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30);
  assert.ok(!pkg.scripts.package.includes('--allow-missing-repository'));
});

test('the language server and its tree-sitter .wasm files ship in the VSIX', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const p of ['dist/**', 'dist/*', '*.wasm', '**/*.wasm', 'dist/*.wasm', '**/*.js'])
    assert.ok(!lines.includes(p), `.vscodeignore must not list ${p}`);
  const build = readFileSync(join(root, 'scripts/build.mjs'), 'utf8');
  assert.match(build, /server: 'src\/server\/server\.ts'/);
  for (const wasm of ['tree-sitter.wasm', 'tree-sitter-python.wasm'])
    assert.match(build, new RegExp(`'${wasm}'`));
  assert.ok(pkg.devDependencies['web-tree-sitter'] && pkg.devDependencies['tree-sitter-python']);
});
