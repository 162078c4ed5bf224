// Argument lines for "Trace Python File" split like a POSIX shell; the cwd setting resolves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinArgs, resolveCwd, splitArgs } from '../../src/core/commandLine';

test('splitArgs: spaces, quotes, escapes, empty quoted args, unclosed quotes', () => {
  assert.deepEqual(splitArgs('  a  b\tc '), ['a', 'b', 'c']);
  assert.deepEqual(splitArgs(`--name "two words" 'single $x' it\\'s ""`), [
    '--name',
    'two words',
    'single $x',
    "it's",
    '',
  ]);
  assert.deepEqual(splitArgs('"a \\"b\\" c" 中文 路径'), ['a "b" c', '中文', '路径']);
  assert.deepEqual(splitArgs(''), []);
  assert.throws(() => splitArgs('"open'), /unclosed " quote/);
});

test('joinArgs quotes what splitArgs would split', () => {
  const args = ['plain', 'two words', "it's", '', '中文'];
  assert.deepEqual(splitArgs(joinArgs(args)), args);
  assert.equal(joinArgs(['--n', '3']), '--n 3');
});

test('resolveCwd: empty is the file folder; variables; relative to the workspace', () => {
  const ctx = { fileDirname: '/w/pkg', workspaceFolder: '/w' };
  assert.equal(resolveCwd('', ctx), '/w/pkg');
  assert.equal(resolveCwd('${workspaceFolder}/data', ctx), '/w/data');
  assert.equal(resolveCwd('${fileDirname}', ctx), '/w/pkg');
  assert.equal(resolveCwd('out', ctx), '/w/out');
  assert.equal(resolveCwd('/tmp/x', ctx), '/tmp/x');
  assert.equal(resolveCwd('out', { fileDirname: '/a', workspaceFolder: null }), '/a/out');
});
