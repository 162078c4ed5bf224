// The sustained live ingest row: events/s from a real traced Python child through the real host
// pipeline into headless Chromium (bench/host/pipeline.ts via bench/host/harness.mjs). A
// wall-clock rate on a 2-CPU machine that others share: each live run starts once the machine
// is quiet (or after a bounded wait); a run during which other processes took more than
// MAX_OTHERS of the machine is listed in the note and run again (up to MAX_ATTEMPTS runs in
// all). See docs/performance.md.
import { join } from 'node:path';
import { pipeline, record, replay } from '../host/harness.mjs';
import { describeLoad, waitQuiet, watchLoad } from '../host/machineLoad.mjs';
import { median, root, withTempDir } from '../lib.mjs';

const k = (x) => `${Math.round(x / 1000)}k`;
const workload = 'bench/host_workload.py';
const rate = (r) => r.events / (r.ms / 1000);
/** Runs kept for the median (full mode), at most this many attempts. */
const KEEP = 3;
const MAX_ATTEMPTS = 6;
/** A run is disturbed when other processes used more than this share of the machine during it. */
const MAX_OTHERS = 0.15;
const othersShare = (d) => (d ? d.others / (d.cpus * d.seconds) : 0);
const cpuRate = (r) => r.events / (r.cpuMs / 1000);

/** One live run (traced child → host → webview) once the machine is quiet; with its load. */
async function liveRun(events, quick) {
  const before = await waitQuiet({ timeoutMs: quick ? 5000 : 30000 });
  const watch = watchLoad();
  const live = await pipeline({
    script: workload,
    args: ['--events', String(events)],
    webview: true,
  });
  const during = watch.stop();
  if (live.state !== 'finished') throw new Error(`run ${live.state}: ${live.error}`);
  if (live.pageErrors.length) throw new Error(`webview: ${live.pageErrors.join(' | ')}`);
  return { live, before, during };
}

/** Events/s from a traced child through the host into headless Chromium: the median of the
 *  undisturbed live runs (KEEP of them, quick: 1 run, kept whatever the load). */
export default {
  id: 'host.ingest-events-per-s',
  target: 250000,
  unit: 'events/s',
  better: 'higher',
  async run({ quick }) {
    const events = quick ? 50000 : 1000000;
    const all = [];
    const kept = () => all.filter((r) => quick || othersShare(r.during) <= MAX_OTHERS);
    while (kept().length < (quick ? 1 : KEEP) && all.length < (quick ? 1 : MAX_ATTEMPTS)) {
      all.push(await liveRun(events, quick));
    }
    // No undisturbed run at all: the median of every run, and the note says so.
    const runs = kept().length ? kept() : all;
    const measured = median(runs.map((r) => rate(r.live)));
    // The run whose rate is the median, for the details.
    const mid = runs.reduce((a, b) =>
      Math.abs(rate(b.live) - measured) < Math.abs(rate(a.live) - measured) ? b : a,
    );
    const live = mid.live;
    // Upper bound: the same frames pre-recorded, piped by cat (no Python formatting cost).
    // And the host's CPU cost alone: the recording replayed in-process.
    const [upper, cpu] = await withTempDir(async (dir) => {
      const file = join(dir, 'trace.bin');
      await record(file, [join(root, workload), '--events', String(events)]);
      const cpuOnly = await replay(file);
      if (quick) return [null, cpuOnly];
      return [await pipeline({ script: workload, args: ['--cat', file], webview: true }), cpuOnly];
    });
    const hostOnly = await pipeline({
      script: workload,
      args: ['--events', String(events)],
      webview: false,
    });
    const each = all
      .map(
        (r) =>
          `${runs.includes(r) ? '' : 'not kept: '}${k(rate(r.live))}/s ` +
          `(${describeLoad(r.before, r.during) || 'load unknown'})`,
      )
      .join('; ');
    const which = kept().length
      ? `median of the ${runs.length} of ${all.length} live run(s) during which other processes ` +
        `took ≤ ${MAX_OTHERS * 100}% of the machine`
      : `median of all ${all.length} live runs (none undisturbed: the machine was busy)`;
    return {
      measured,
      note:
        `${which}: ${each}. ` +
        `Median run: ${live.events} events (live traced child, Emitter mix) → webview in ${(live.ms / 1000).toFixed(2)} s, ` +
        `${live.deltas} deltas, ${(live.bytes / 1e6).toFixed(1)} MB JSON, host ${k(cpuRate(live))} events per CPU-s, ` +
        `page ${live.pageCpuMs ? k(live.events / (live.pageCpuMs / 1000)) : '?'} per page main-thread CPU-s; ` +
        `cat of a recorded stream → webview: ${upper ? `${k(rate(upper))}/s` : 'not run (quick)'}; host only (no webview): ${k(rate(hostOnly))}/s ` +
        `(${k(cpuRate(hostOnly))} per host CPU-s); the same events replayed in-process ` +
        `(parse → model → delta JSON, no child): ${k(cpuRate(cpu))} per CPU-s; ` +
        `retained ${live.retained.spans} spans / ${live.retained.marks} marks, ${live.dropped} merged`,
    };
  },
};
