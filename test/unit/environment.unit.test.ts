// The run's environment on real Python: a C/POSIX or a real Latin-1 locale with PYTHONIOENCODING unset still
// carries Chinese prints and file text through; an extension folder and a temp folder whose
// paths hold spaces and Chinese (中文路径) still run a demo with child processes.
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDemo } from '../../src/demos/demoSpec';
import { programEnv, RunSession } from '../../src/session/runSession';

const root = join(__dirname, '../../..');

/** Run `fn` with some environment variables set (undefined: unset), then restore them. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

async function runLockDemo(extensionRoot: string): Promise<{ state: string; out: string }> {
  const out: string[] = [];
  const s = new RunSession(lockDemo({ clients: 3, timeScale: 0.05 }), {
    delta: () => undefined,
    output: (t, source) => out.push(`${source}:${t}`),
  });
  await s.start('python3', extensionRoot);
  const h = await s.whenEnded();
  assert.equal(h.processes, 4);
  return { state: h.state, out: out.join('') };
}

for (const locale of ['C', 'POSIX']) {
  test(`LANG=LC_ALL=${locale}, no PYTHONIOENCODING: Chinese output comes through`, async () => {
    const { state, out } = await withEnv(
      { LANG: locale, LC_ALL: locale, LC_CTYPE: undefined, PYTHONIOENCODING: undefined },
      () => runLockDemo(root),
    );
    assert.equal(state, 'finished', out);
    assert.ok(out.includes('购票成功'), 'the Chinese print arrived intact');
    assert.doesNotMatch(out, /UnicodeEncodeError|UnicodeDecodeError|\\u8d2d/);
  });
}

test('a real Latin-1 locale (en_US.ISO-8859-1, built with localedef): Chinese output comes through', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-locale-'));
  try {
    const made = spawnSync('localedef', [
      '-i',
      'en_US',
      '-f',
      'ISO-8859-1',
      join(dir, 'en_US.ISO-8859-1'),
    ]);
    assert.equal(made.status, 0, `localedef (Debian package locales): ${made.stderr}`);
    const vars = { LOCPATH: dir, LANG: 'en_US.ISO-8859-1', LC_ALL: 'en_US.ISO-8859-1' };
    // The locale is real: a plain Python there cannot print Chinese.
    const plain = spawnSync(
      'python3',
      ['-c', 'import sys; print(sys.stdout.encoding); print("\\u8d2d")'],
      {
        env: { ...process.env, ...vars, PYTHONIOENCODING: '', PYTHONUTF8: '0' },
        encoding: 'utf8',
      },
    );
    assert.match(plain.stdout, /iso8859-1/i);
    assert.match(plain.stderr, /UnicodeEncodeError/);
    const { state, out } = await withEnv(
      { ...vars, LC_CTYPE: undefined, PYTHONIOENCODING: undefined },
      () => runLockDemo(root),
    );
    assert.equal(state, 'finished', out);
    assert.ok(out.includes('购票成功'), 'the Chinese print arrived intact');
    assert.doesNotMatch(out, /UnicodeEncodeError|UnicodeDecodeError/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extension and temp folders with spaces and 中文 in their paths', async () => {
  const base = mkdtempSync(join(tmpdir(), 'swimlane env '));
  try {
    const ext = join(base, '扩展 目录 with spaces');
    cpSync(join(root, 'src', 'python'), join(ext, 'src', 'python'), {
      recursive: true,
      filter: (p) => !p.includes('__pycache__'),
    });
    const tmp = join(base, '临时 文件夹');
    mkdirSync(tmp);
    const { state, out } = await withEnv({ TMPDIR: tmp }, () => runLockDemo(ext));
    assert.equal(state, 'finished', out);
    assert.ok(out.includes('购票成功'));
    assert.deepEqual(readdirSync(tmp), [], 'the run dir under the 中文 temp folder is removed');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('the program environment forces UTF-8 and a TMPDIR inside the run dir', () => {
  const env = programEnv({ LANG: 'C', PYTHONIOENCODING: 'latin-1', PATH: '/bin' }, '/t', '/w');
  assert.equal(env.PYTHONIOENCODING, 'utf-8');
  assert.equal(env.PYTHONUTF8, '1');
  assert.equal(env.PYTHONPATH, '/t');
  assert.equal(env.PATH, '/bin');
  if (process.platform === 'linux') assert.equal(env.TMPDIR, join('/w', '.tmp'));
});
