// Records test fixtures from a real traced run: the raw tracer stdout of the Lock Demo with
// 10 clients (test/fixtures/lock-demo-10.trace) and the host→webview messages the real
// parser and model make of it (test/fixtures/lock-demo-10.delta.json).
// Usage: node scripts/record-fixtures.mjs
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'test', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'swimlane-fixture-'));
try {
  writeFileSync(join(work, 'db.txt'), '{"count": 1}');
  const run = spawnSync(
    'python3',
    [
      '-m',
      'swimlane_tracer',
      join(root, 'src/python/scenarios/lock_demo.py'),
      '--clients',
      '10',
      '--time-scale',
      '0.2',
    ],
    {
      cwd: work,
      env: { ...process.env, PYTHONPATH: join(root, 'src/python') },
      maxBuffer: 1 << 26,
    },
  );
  if (run.status !== 0) throw new Error(`tracer failed: ${run.stderr}`);
  writeFileSync(join(fixtures, 'lock-demo-10.trace'), run.stdout);

  const bundle = join(work, 'core.cjs');
  await esbuild.build({
    stdin: {
      contents:
        "export { TraceModel } from './src/core/traceModel'; export { TraceFeed } from './src/core/traceFeed';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
  });
  const { TraceModel, TraceFeed } = createRequire(import.meta.url)(bundle);
  const model = new TraceModel({
    title: 'Lock Demo: 10 clients, 1 ticket, 1 Lock',
    ticketsAvailable: 1,
    successText: '购票成功',
  });
  const feed = new TraceFeed(model, () => undefined);
  const messages = [{ type: 'init', strings: {} }];
  model.setState('running');
  const raw = readFileSync(join(fixtures, 'lock-demo-10.trace'));
  for (let i = 0; i < raw.length; i += 2048) {
    feed.pushStdout(raw.subarray(i, i + 2048));
    messages.push({ type: 'delta', ...model.takeDelta() });
  }
  feed.end();
  model.setState('finished');
  messages.push({ type: 'delta', ...model.takeDelta() });
  writeFileSync(join(fixtures, 'lock-demo-10.delta.json'), JSON.stringify(messages));
  console.log(`recorded ${raw.length} bytes, ${messages.length} messages`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
