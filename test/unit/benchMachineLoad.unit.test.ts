// bench/host/machineLoad.mjs, which the ingest bench row uses to start on a quiet machine and to
// report other processes' load: /proc readings, the busy share, and a child's CPU counted as ours
// (not as other processes' load).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

interface CpuReading {
  busy: number;
  total: number;
}
interface Load {
  cpus: number;
  busy: number;
  ours: number;
  others: number;
  seconds: number;
}
interface MachineLoad {
  machineCpu(): CpuReading | null;
  busyShare(a: CpuReading | null, b: CpuReading | null): number | null;
  waitQuiet(o: {
    maxBusy?: number;
    windowMs?: number;
    timeoutMs?: number;
  }): Promise<{ busy: number | null; waitedMs: number; quiet: boolean }>;
  watchLoad(): { stop(): Load | null };
  describeLoad(
    before: { busy: number | null; waitedMs: number; quiet: boolean } | null,
    during: Load | null,
  ): string;
}

const load = async (): Promise<MachineLoad> =>
  (await import(
    pathToFileURL(join(__dirname, '../../../bench/host/machineLoad.mjs')).href
  )) as MachineLoad;

const linux = process.platform === 'linux';

test('busyShare is the busy part of the CPU time between two readings', async () => {
  const m = await load();
  assert.equal(m.busyShare({ busy: 10, total: 100 }, { busy: 15, total: 120 }), 0.25);
  assert.equal(m.busyShare({ busy: 10, total: 100 }, { busy: 10, total: 100 }), null);
  assert.equal(m.busyShare(null, { busy: 1, total: 2 }), null);
});

test('machineCpu reads /proc/stat: busy within total, both growing', { skip: !linux }, async () => {
  const m = await load();
  const a = m.machineCpu();
  spawnSync(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 100);']);
  const b = m.machineCpu();
  assert.ok(a && b);
  assert.ok(a.busy > 0 && a.busy <= a.total);
  assert.ok(b.total > a.total && b.busy >= a.busy);
});

test('watchLoad counts a finished child as ours, not as other load', { skip: !linux }, async () => {
  const m = await load();
  const w = m.watchLoad();
  // A child that burns 0.4 s of CPU, waited for.
  const r = spawnSync(process.execPath, [
    '-e',
    'const c = process.cpuUsage(); while (process.cpuUsage(c).user < 400000);',
  ]);
  assert.equal(r.status, 0);
  const l = w.stop();
  assert.ok(l);
  assert.ok(l.ours >= 0.3, `ours ${l.ours}`);
  assert.ok(l.busy >= l.ours && l.others <= l.busy - 0.3, JSON.stringify(l));
  assert.ok(l.others >= 0 && l.cpus >= 1);
  const text = m.describeLoad({ busy: 0.05, waitedMs: 4000, quiet: true }, l);
  assert.match(
    text,
    /^machine 5% busy just before \(waited 4 s to be quiet\), other processes used \d/,
  );
});

test('waitQuiet returns after one window when the bar is met, and gives up at the timeout', async () => {
  const m = await load();
  const easy = await m.waitQuiet({ maxBusy: 1, windowMs: 50, timeoutMs: 1000 });
  assert.equal(easy.quiet, true);
  assert.ok(easy.waitedMs < 1000);
  if (!linux) return;
  const never = await m.waitQuiet({ maxBusy: -1, windowMs: 50, timeoutMs: 200 });
  assert.equal(never.quiet, false);
  assert.ok(never.waitedMs >= 200);
  assert.match(
    m.describeLoad({ ...never, waitedMs: 61000 }, null),
    /\(waited 61 s, never quiet\)$/,
  );
});
