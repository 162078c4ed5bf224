// Misbehaving programs through the whole host pipeline (runner → parser → model) on real
// Python: the run ends with the right state, every process lane ends, nothing is left running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { findMarked } from '../../src/runner/processTree';
import { RunSession } from '../../src/session/runSession';
import type { Header, Lane } from '../../src/shared/webviewProtocol';

const root = join(__dirname, '../../..');

async function run(name: string): Promise<{ h: Header; lanes: Lane[]; out: string }> {
  const out: string[] = [];
  const s = new RunSession(
    { id: name, title: name, script: `test/fixtures/programs/${name}`, files: {}, args: [] },
    { delta: () => undefined, output: (t) => out.push(t) },
  );
  await s.start('python3', root);
  const h = await s.whenEnded();
  assert.deepEqual(findMarked(s.processes?.marker ?? ''), [], `${name}: nothing left running`);
  return { h, lanes: s.model.allLanes().filter((l) => l.thread === undefined), out: out.join('') };
}

test('a main process that SIGKILLs itself: failed, its orphan killed, lanes ended', async () => {
  const { h, lanes, out } = await run('kills_itself.py');
  assert.equal(h.state, 'failed');
  assert.equal(h.error, 'killed by SIGKILL');
  assert.ok(out.includes('about to die'));
  assert.equal(lanes.length, 2, 'main and the sleeper');
  for (const l of lanes) assert.notEqual(l.end, null, `${l.name} ends in the trace`);
});

test('raw os.fork: the child is a lane of its own with its exit code', async () => {
  const { h, lanes } = await run('raw_fork.py');
  assert.equal(h.state, 'finished');
  const child = lanes.find((l) => l.name === 'os.fork');
  assert.ok(child, lanes.map((l) => l.name).join(', '));
  assert.equal(child.exitCode, 3);
  assert.equal(child.parent, lanes.find((l) => l.main)?.pid);
});

test('fd 1 redirected, then fork and spawn children: all three processes, all ended', async () => {
  const { h, lanes, out } = await run('redirects_stdout.py');
  assert.equal(h.state, 'finished', out);
  assert.deepEqual(lanes.map((l) => l.exitCode).sort(), [0, 0, 0]);
  assert.ok(out.includes('child spawn prints'));
});

test('os._exit in a child and in the main: failed with the code, both lanes ended', async () => {
  const { h, lanes } = await run('os_exit.py');
  assert.equal(h.state, 'failed');
  assert.equal(h.error, 'exited with code 5');
  assert.deepEqual(lanes.map((l) => l.exitCode).sort(), [5, 7]);
});
