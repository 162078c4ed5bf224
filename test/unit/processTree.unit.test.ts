// Every kind of process a run can hold ends with the run, on real Python processes: Stop with
// fork/spawn/forkserver children, the forkserver and resource tracker, a grandchild, a daemon,
// processes blocked on a Lock and on a Queue put, a raw os.fork child and a setsid() escapee;
// a main process that leaves an escapee behind; and a host that dies without stopping the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoSpec } from '../../src/demos/demoSpec';
import { findMarked, killTree, procState } from '../../src/runner/processTree';
import { RunSession } from '../../src/session/runSession';

const root = join(__dirname, '../../..');

/** A DemoSpec for a program under test/fixtures/programs. */
function fixture(name: string): DemoSpec {
  return { id: name, title: name, script: `test/fixtures/programs/${name}`, files: {}, args: [] };
}

/** Process group id of a live process, or null. */
function pgidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}

/** Live (not zombie) members of a process group. */
function liveInGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n) && pgidOf(Number(n)) === pgid)
    .map(Number)
    .filter((pid) => procState(pid) !== 'Z');
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return cond();
}

/** Start a fixture and wait until it printed `ready`; returns the session and its output. */
async function startReady(name: string): Promise<{ s: RunSession; out: string[] }> {
  const out: string[] = [];
  const s = new RunSession(fixture(name), { delta: () => undefined, output: (t) => out.push(t) });
  await s.start('python3', root);
  const ready = await until(() => out.join('').includes('ready'), 30_000);
  if (!ready) await s.stop();
  assert.ok(ready, `the program got ready: ${out.join('').slice(-500)}`);
  return { s, out };
}

// The child mode of the host-death test: this file, run as a plain node script, is the "host".
if (process.env.SWIMLANE_TEST_HOST === '1') {
  void startReady('tree_all_kinds.py').then(({ s }) => {
    process.stdout.write(`${JSON.stringify({ ...s.processes, workdir: s.workdirPath })}\n`);
  });
} else {
  test('Stop ends every kind of process of the run, also one that left the group', async () => {
    const { s, out } = await startReady('tree_all_kinds.py');
    const { pid, marker } = s.processes ?? { pid: 0, marker: '' };
    const expected = Number(/ready (\d+)/.exec(out.join(''))?.[1]);
    const marked = findMarked(marker);
    // main + its children + forkserver + resource tracker + grandchild + os.fork child
    assert.ok(marked.length >= expected + 4, `${marked.length} marked, ${expected} started`);
    const escaped = marked.filter((p) => pgidOf(p) !== pid);
    assert.ok(escaped.length >= 1, 'the setsid() child left the process group');
    const workdir = s.workdirPath ?? '';
    const tmp = readdirSync(join(workdir, '.tmp'));
    assert.ok(
      tmp.some((n) => n.startsWith('pymp-')),
      `multiprocessing's temp files go to the run's own TMPDIR: ${tmp.join(' ')}`,
    );
    const started = Date.now();
    const h = await s.stop();
    const ms = Date.now() - started;
    console.log(`# stop ended ${marked.length} processes in ${ms} ms`);
    assert.equal(h.state, 'stopped');
    assert.deepEqual(findMarked(marker), [], 'no process of the run is left');
    assert.deepEqual(liveInGroup(pid ?? 0), []);
    for (const p of marked) assert.ok([null, 'Z'].includes(procState(p)), `${p} is gone`);
    assert.equal(existsSync(workdir), false, 'the temp dir (and the program TMPDIR) is gone');
  });

  test('a main process that leaves an escapee holding stdout still ends the run', async () => {
    const out: string[] = [];
    const s = new RunSession(fixture('orphan_escapee.py'), {
      delta: () => undefined,
      output: (t) => out.push(t),
    });
    await s.start('python3', root);
    const h = await s.whenEnded();
    assert.equal(h.state, 'finished', out.join(''));
    const escapee = Number(/escapee (\d+)/.exec(out.join(''))?.[1]);
    assert.ok(escapee > 0, 'the escapee printed its pid');
    assert.ok(out.join('').includes('main leaves'));
    assert.ok([null, 'Z'].includes(procState(escapee)), 'the escapee was killed');
    assert.deepEqual(findMarked(s.processes?.marker ?? 'none'), []);
  });

  test('pipes held by a process nothing can find: the run still ends', async () => {
    const out: string[] = [];
    const s = new RunSession(fixture('escapes_everything.py'), {
      delta: () => undefined,
      output: (t) => out.push(t),
    });
    await s.start('python3', root);
    const h = await s.whenEnded();
    const hidden = Number(/hidden (\d+)/.exec(out.join(''))?.[1]);
    try {
      assert.equal(h.state, 'finished', out.join(''));
      assert.ok(hidden > 0, 'the hidden process printed its pid');
      assert.equal(procState(hidden), 'S', 'it is beyond reach (the documented limit)');
    } finally {
      if (hidden > 0) process.kill(hidden, 'SIGKILL');
    }
  });

  test('a host killed without stopping the run takes the tree with it (watchdog)', async () => {
    const host = spawn(process.execPath, [__filename], {
      env: { ...process.env, SWIMLANE_TEST_HOST: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    host.stdout.on('data', (b: Buffer) => (text += b.toString()));
    const gotInfo = await until(() => text.includes('\n'), 40_000);
    const info = gotInfo
      ? (JSON.parse(text) as { pid: number; marker: string; workdir: string })
      : null;
    host.kill('SIGKILL');
    assert.ok(info, 'the host started the run');
    assert.ok(findMarked(info.marker).length >= 10, 'the tree is up');
    // Nothing signals the tree: only the tracer's watchdog can end it.
    const gone = await until(() => findMarked(info.marker).length === 0, 15_000);
    const left = findMarked(info.marker);
    killTree(info.pid, info.marker, 'SIGKILL'); // never leave them behind, even on failure
    rmSync(info.workdir, { recursive: true, force: true }); // the dead host could not
    assert.ok(gone, `left: ${left.join(' ')}`);
    assert.deepEqual(liveInGroup(info.pid), []);
  });
}
