// The headless CLI: argument parsing, and dist/cli.js run for real on a small demo and on a user
// file (Pool, Queue, Lock under spawn), writing all three formats; usage errors exit with 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseCli } from '../../src/cli/cliArgs';
import { importChromeTrace } from '../../src/export/chromeImport';
import { importJsonl } from '../../src/export/swimlaneJsonl';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'swimlane-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cli, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('parseCli: options, = forms, params, program args after --, errors', () => {
  assert.deepEqual(
    parseCli(['run', 'x.py', '--out=a.jsonl', '--chrome', 'c.json', '--', '-v', '2']),
    {
      command: 'run',
      target: 'x.py',
      out: 'a.jsonl',
      html: null,
      chrome: 'c.json',
      params: {},
      python: null,
      startMethod: null,
      cwd: null,
      lang: 'en',
      quiet: false,
      programArgs: ['-v', '2'],
    },
  );
  const r = parseCli(['run', 'lockDemo', '--param', 'clients=3', '--lang', 'zh-cn', '--quiet']);
  assert.ok(r.command === 'run' && r.params.clients === '3' && r.lang === 'zh' && r.quiet);
  assert.deepEqual(parseCli([]), { command: 'help' });
  assert.deepEqual(parseCli(['list']), { command: 'list' });
  assert.throws(() => parseCli(['go']), /unknown command "go"/);
  assert.throws(() => parseCli(['run']), /needs a demo id or a Python file/);
  assert.throws(() => parseCli(['run', 'x.py', '--out']), /--out needs a value/);
  assert.throws(
    () => parseCli(['run', 'x.py', '--start-method', 'thread']),
    /fork, spawn or forkserver/,
  );
  assert.throws(() => parseCli(['run', 'x.py', '--bogus']), /unknown option --bogus/);
});

test('cli run <demo> writes .swimlane.jsonl, standalone HTML and Chrome JSON of one run', () => {
  const out = join(dir, 'lock.swimlane.jsonl');
  const r = runCli(
    'run',
    'lockDemo',
    '--param',
    'clients=4',
    '--param',
    'time-scale=0.5',
    '--out',
    out,
    '--html',
    join(dir, 'lock.html'),
    '--chrome',
    join(dir, 'lock.json'),
    '--quiet',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /■ finished/);
  const fromJsonl = importJsonl(readFileSync(out, 'utf8'), 'x').model;
  assert.equal(fromJsonl.lanes.filter((l) => l.thread === undefined).length, 5);
  const chrome = importChromeTrace(JSON.parse(readFileSync(join(dir, 'lock.json'), 'utf8')), 'x');
  assert.deepEqual(chrome.model.lanes, fromJsonl.lanes);
  assert.equal(chrome.model.spans.length, fromJsonl.spans.length);
  assert.ok(chrome.model.header.findings?.some((f) => f.startsWith('Lock wait')));
  const html = readFileSync(join(dir, 'lock.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  assert.ok(html.includes('"Process-4"'));
});

test('cli run <file.py> runs it in its folder with program args; output is echoed', () => {
  const program = join(root, 'test', 'fixtures', 'programs', 'pool_queue_lock_spawn.py');
  const r = runCli('run', program, '--chrome', join(dir, 'file.json'), '--', 'a b');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(
    r.stdout.includes(`cwd ${join(root, 'test', 'fixtures', 'programs')} args ['a b']`),
    r.stdout,
  );
  const m = importChromeTrace(JSON.parse(readFileSync(join(dir, 'file.json'), 'utf8')), 'x').model;
  assert.deepEqual(new Set(m.flows?.map((f) => f.kind)), new Set(['spawn', 'queue']));
});

test('cli usage errors exit with 2 and say what is wrong', () => {
  const r = runCli('run', 'noSuchDemo');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /neither a demo id nor a \.py file/);
  const p = runCli('run', 'lockDemo', '--param', 'nope=1');
  assert.equal(p.code, 2);
  assert.match(p.stderr, /has no parameter "nope" \(parameters: clients, time-scale\)/);
  const py = runCli('run', 'lockDemo', '--python', '/no/such/python');
  assert.equal(py.code, 2);
  assert.match(py.stderr, /no usable Python/);
});
