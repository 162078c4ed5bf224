// The run session and process runner on real Python processes: a full run, and Stop killing
// the whole process tree (no process of the group is left, the temp dir is removed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDemo } from '../../src/demos/demoSpec';
import { RunSession } from '../../src/session/runSession';
import type { ModelDelta } from '../../src/shared/webviewProtocol';

const root = join(__dirname, '../../..');

/** Live (not zombie) processes of a process group, read from /proc. Zombies are dead:
 * this sandbox's init does not reap orphans, so they linger as <defunct>. */
function liveInGroup(pgid: number): number[] {
  const live: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') live.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return live;
}

function collect(): { deltas: ModelDelta[]; output: string[] } {
  return { deltas: [], output: [] };
}

test('a Lock Demo run finishes with one ticket sold and deltas on the way', async () => {
  const got = collect();
  const s = new RunSession(lockDemo({ clients: 8, timeScale: 0.1 }), {
    delta: (d) => got.deltas.push(d),
    output: (t) => got.output.push(t),
  });
  await s.start('python3', root);
  const h = await s.whenEnded();
  assert.equal(h.state, 'finished');
  assert.equal(h.processes, 9);
  assert.equal(h.ticketsSold, 1);
  assert.ok(got.deltas.length >= 2, 'live deltas before the end');
  assert.equal(got.deltas.at(-1)?.header.state, 'finished');
  assert.ok(got.output.join('').includes('购票成功'));
});

test('stop kills the whole process tree and removes the temp dir', async () => {
  const s = new RunSession(lockDemo({ clients: 30, timeScale: 1 }), {
    delta: () => undefined,
    output: () => undefined,
  });
  await s.start('python3', root);
  // Wait until the clients are running (some lanes exist).
  const deadline = Date.now() + 10000;
  while (s.model.allLanes().length < 10 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(s.model.allLanes().length >= 10, 'clients started');
  const pgid = (s as unknown as { runner: { pid: number } }).runner.pid;
  assert.ok(liveInGroup(pgid).length >= 10, 'the group is visible before the stop');
  const workdir = (s as unknown as { workdir: string }).workdir;
  const started = Date.now();
  const h = await s.stop();
  assert.equal(h.state, 'stopped');
  assert.ok(Date.now() - started < 2000, 'the tree ends within 2 s');
  assert.deepEqual(liveInGroup(pgid), [], 'no process of the run is left');
  assert.equal(existsSync(workdir), false, 'the temp dir is gone');
});

test('a missing interpreter fails the run with a clear error', async () => {
  const s = new RunSession(lockDemo({ clients: 1, timeScale: 0.1 }), {
    delta: () => undefined,
    output: () => undefined,
  });
  await s.start('/nonexistent/python3', root);
  const h = await s.whenEnded();
  assert.equal(h.state, 'failed');
  assert.match(h.error ?? '', /ENOENT/);
});

test('a sink that throws at the end (panel gone) still ends the run and removes the temp dir', async () => {
  let gone = false;
  const s = new RunSession(lockDemo({ clients: 3, timeScale: 1 }), {
    delta: () => {
      if (gone) throw new Error('Webview is disposed');
    },
    output: () => undefined,
  });
  await s.start('python3', root);
  const workdir = s.workdirPath ?? '';
  assert.ok(existsSync(workdir));
  gone = true;
  const h = await s.stop();
  assert.equal(h.state, 'stopped');
  assert.equal(existsSync(workdir), false, 'the temp dir is gone');
});

test('a stop while the run is still being set up starts nothing and leaves nothing', async () => {
  const privateTmp = mkdtempSync(join(tmpdir(), 'swimlane-early-stop-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    const s = new RunSession(lockDemo({ clients: 3, timeScale: 1 }), {
      delta: () => undefined,
      output: () => undefined,
    });
    const starting = s.start('python3', root); // not awaited: stop comes first
    const h = await s.stop();
    await starting;
    assert.equal(h.state, 'stopped');
    assert.equal(s.processes, null, 'no program was started');
    assert.deepEqual(readdirSync(privateTmp), [], 'no temp dir is left');
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(privateTmp, { recursive: true, force: true });
  }
});

test('a delta sink that returns a promise holds the next delta back until it settles', async () => {
  // The endless queue demo changes the model all the time: without flow control a delta would
  // go out every 1/60 s while the second one is still "being delivered".
  let n = 0;
  let atRelease = -1;
  const s = new RunSession(
    {
      id: 'queue',
      title: 'queue',
      script: 'src/python/scenarios/queue_producer_consumer.py',
      files: {},
      args: ['--endless'],
    },
    {
      delta: () => {
        n++;
        if (n !== 2) return undefined;
        return new Promise<void>((r) =>
          setTimeout(() => {
            atRelease = n;
            r();
          }, 400),
        );
      },
      output: () => undefined,
    },
  );
  try {
    await s.start('python3', root);
    const deadline = Date.now() + 30000;
    while (n < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await s.stop();
  }
  assert.equal(atRelease, 2, 'no delta was delivered while the second one was pending');
  assert.ok(n >= 4, `deltas resumed after the delivery settled (got ${n})`);
});
