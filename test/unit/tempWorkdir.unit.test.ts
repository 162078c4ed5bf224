// Run directories: created under the host's pid, removed after the run, and those of hosts that
// were killed mid-run (and unowned ones older than a day) swept by the next host.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import {
  createWorkdir,
  removeWorkdir,
  sweepStaleWorkdirs,
  WORKDIR_PREFIX,
} from '../../src/runner/tempWorkdir';

test('a run directory holds its files, carries the host pid, and is removed whole', async () => {
  const dir = await createWorkdir({ 'db.txt': '{"count": 1}' });
  assert.ok(basename(dir).startsWith(`${WORKDIR_PREFIX}${process.pid}-`), dir);
  assert.equal(await readFile(join(dir, 'db.txt'), 'utf8'), '{"count": 1}');
  assert.ok(existsSync(join(dir, '.tmp')));
  await removeWorkdir(dir);
  assert.equal(existsSync(dir), false);
});

test('the sweep removes directories of dead hosts and old unowned ones, nothing else', async () => {
  const root = await mkdtemp(join(tmpdir(), 'sweep-test-'));
  try {
    // A pid that surely ended: a child that already exited (and was reaped).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const dirs = {
      deadHost: join(root, `${WORKDIR_PREFIX}${dead}-aaaaaa`),
      thisHost: join(root, `${WORKDIR_PREFIX}${process.pid}-bbbbbb`),
      liveOther: join(root, `${WORKDIR_PREFIX}1-cccccc`),
      oldUnowned: join(root, `${WORKDIR_PREFIX}dddddd`),
      newUnowned: join(root, `${WORKDIR_PREFIX}eeeeee`),
      notOurs: join(root, 'other-tool-ffffff'),
    };
    for (const d of Object.values(dirs)) await mkdir(join(d, '.tmp'), { recursive: true });
    const old = new Date(now - 2 * day);
    await utimes(dirs.oldUnowned, old, old);
    const removed = await sweepStaleWorkdirs(root, now);
    assert.deepEqual(removed.sort(), [dirs.deadHost, dirs.oldUnowned].sort());
    for (const [name, d] of Object.entries(dirs))
      assert.equal(existsSync(d), !removed.includes(d), name);
    // A missing root is no error.
    assert.deepEqual(await sweepStaleWorkdirs(join(root, 'missing'), now), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
