// 50 start/stop cycles across every catalogue demo, on real Python: each run is stopped soon
// after it started (some before Python got going, some with their processes up). Afterwards
// no process of this host's runs is alive (zombies aside) and no temporary directory is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSpec, DEMOS } from '../../src/demos/catalog';
import { findMarked, killTree } from '../../src/runner/processTree';
import { RunSession } from '../../src/session/runSession';

const root = join(__dirname, '../../..');
const CYCLES = 50;

test(`${CYCLES} start/stop cycles over all demos leave no process and no temp dir`, async () => {
  // A private temp root: the runs' workdirs (and the programs' TMPDIR inside them) land here.
  const privateTmp = mkdtempSync(join(tmpdir(), 'swimlane-cycles-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  const ours = `${process.pid}-`; // every marker this host gives out starts with it
  const states = new Map<string, number>();
  let slowest = 0;
  try {
    for (let i = 0; i < CYCLES; i++) {
      const entry = DEMOS[i % DEMOS.length];
      const s = new RunSession(buildDemoSpec(entry), {
        delta: () => undefined,
        output: () => undefined,
      });
      await s.start('python3', root);
      // 0..240 ms: from "not even Python yet" to "children running".
      await new Promise((r) => setTimeout(r, ((i * 7) % 5) * 60));
      const t0 = Date.now();
      const h = await s.stop();
      slowest = Math.max(slowest, Date.now() - t0);
      states.set(h.state, (states.get(h.state) ?? 0) + 1);
      assert.ok(['stopped', 'finished', 'failed'].includes(h.state), `${entry.id}: ${h.state}`);
      assert.deepEqual(findMarked(s.processes?.marker ?? ''), [], `${entry.id}: tree gone`);
    }
    console.log(`# states ${JSON.stringify([...states])}, slowest stop ${slowest} ms`);
    assert.ok((states.get('stopped') ?? 0) >= CYCLES / 2, 'most runs were stopped mid-way');
    assert.deepEqual(findMarked(ours, true), [], 'no process of any run is alive');
    assert.deepEqual(readdirSync(privateTmp), [], 'no temporary directory is left');
  } finally {
    killTree(undefined, ours, 'SIGKILL', true); // never leave any behind, even on failure
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(privateTmp, { recursive: true, force: true });
  }
});
