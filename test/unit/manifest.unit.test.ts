// Checks that package.json, the command ids module and .vscodeignore agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds, EXTENSION_ID } from '../../src/commandIds';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('command ids in code match package.json contributes.commands exactly', () => {
  const declared = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual(declared, Object.values(CommandIds).sort());
});

test('every command has the Concurrency category and a title', () => {
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'Concurrency');
    assert.ok(c.title.length > 0);
  }
  assert.ok(pkg.contributes.commands.some((c: { title: string }) => c.title === 'Run Lock Demo'));
  assert.ok(pkg.contributes.commands.some((c: { title: string }) => c.title === 'Stop'));
});

test('identity, activation on command only, engines', () => {
  assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
  assert.equal(pkg.name, 'concurrency-swimlane');
  assert.equal(pkg.displayName, 'Concurrency Swimlane');
  assert.ok(/^\^1\.\d+\.\d+$/.test(pkg.engines.vscode));
  // VS Code derives onCommand activation from contributes.commands; nothing else activates it.
  assert.deepEqual(pkg.activationEvents ?? [], []);
  for (const s of ['build', 'watch', 'lint', 'package', 'start', 'test', 'bench'])
    assert.ok(pkg.scripts[s], s);
});

test('.vscodeignore leaves out sources, tests, maps and node_modules', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const p of ['src/**/*.ts', 'test/**', '**/*.map', 'node_modules/**'])
    assert.ok(lines.includes(p), p);
});
