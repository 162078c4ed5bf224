// Benchmark rows for the Python tracer (src/python/swimlane_tracer). Every figure is a
// ratio measured within one run (traced vs untraced, ours vs bare), with interleaved
// repetitions and medians, because these machines are noisy. See docs/performance.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  interleave,
  median,
  python,
  root,
  runOk,
  traced,
  tracerEnv,
  withTempDir,
} from '../lib.mjs';

const bench = (name) => join(root, 'bench', name);
const fmt = (x, d = 0) => x.toFixed(d);

/** Tracer's Emitter.emit per event vs bare os.write of the same frame, one process. */
const eventCost = {
  id: 'tracer.event-cost',
  target: 2,
  unit: 'ratio',
  async run({ quick }) {
    const events = quick ? 20000 : 200000;
    const rounds = quick ? 3 : 9;
    return withTempDir(async (dir) => {
      const out = join(dir, 'result.json');
      const args = [bench('event_cost.py'), '--events', events, '--rounds', rounds, '--json', out];
      await runOk(python, args.map(String), { timeoutMs: 300000 });
      const r = JSON.parse(readFileSync(out, 'utf8'));
      return {
        measured: r.pipe.ratio,
        note:
          `pipe: ${fmt(r.pipe.ours_ns)} vs ${fmt(r.pipe.bare_ns)} ns/event ` +
          `(${r.frame_bytes}-byte lock.acquired frame, ${events} events x ${rounds} rounds); ` +
          `/dev/null: ${fmt(r.devnull.ours_ns)} vs ${fmt(r.devnull.bare_ns)} ns ` +
          `= ${fmt(r.devnull.ratio, 2)}x`,
      };
    });
  },
};

/** Tight multiprocessing.Lock acquire+release loop, timed inside the program. */
const mpLockLoop = {
  id: 'tracer.mp-lock-loop',
  target: 15,
  unit: 'ratio',
  async run({ quick }) {
    const n = quick ? 20000 : 100000;
    const rounds = quick ? 3 : 5;
    const pairs = quick ? 2 : 5;
    return withTempDir(async (dir) => {
      const once = async (isTraced, i) => {
        const out = join(dir, `${isTraced ? 't' : 'u'}${i}.json`);
        const prog = [bench('mp_lock_loop.py'), String(n), String(rounds), out];
        const r = await runOk(python, isTraced ? traced(prog) : prog, {
          env: tracerEnv,
          timeoutMs: 300000,
        });
        const res = JSON.parse(readFileSync(out, 'utf8'));
        return { ns: median(res.ns_per_iter), cpu: median(res.cpu_ns_per_iter), bytes: r.outBytes };
      };
      const runs = await interleave(
        pairs,
        (i) => once(false, i),
        (i) => once(true, i),
      );
      const ratio = median(runs.map(([u, t]) => t.ns / u.ns));
      const u = median(runs.map(([x]) => x.ns));
      const t = median(runs.map(([, x]) => x.ns));
      const mb = median(runs.map(([, x]) => x.bytes)) / 1e6;
      // CPU time (process_time_ns, all threads) as well: a loaded machine stretches the long
      // traced loops' wall time more than the short untraced ones'.
      const cpuRatio = median(runs.map(([a, b]) => b.cpu / a.cpu));
      const uc = median(runs.map(([x]) => x.cpu));
      const tc = median(runs.map(([, x]) => x.cpu));
      return {
        measured: ratio,
        note:
          `${fmt(t)} vs ${fmt(u)} ns/iteration (uncontended holds: lock.burst), ${n} iterations x ${rounds} ` +
          `loops per process, ${pairs} interleaved process pairs; ${fmt(mb, 1)} MB of trace drained; ` +
          `CPU time ${fmt(tc)} vs ${fmt(uc)} ns = ${fmt(cpuRatio, 1)}x`,
      };
    });
  },
};

/** Wall time of the tutorial's ticket program (100 clients, Lock), traced vs untraced. */
const ticketDemoWall = {
  id: 'tracer.ticket-demo-wall',
  target: 1.02,
  unit: 'ratio',
  async run({ quick }) {
    const fixture = join(root, 'test/fixtures/tutorial/ticket_with_lock.py');
    const scenario = join(root, 'src/python/scenarios/lock_demo.py');
    const prog = quick ? [scenario, '--clients', '10', '--time-scale', '0.1'] : [fixture];
    const what = quick
      ? 'QUICK: scenarios/lock_demo.py --clients 10 --time-scale 0.1 (target is for the full run)'
      : 'test/fixtures/tutorial/ticket_with_lock.py, 100 clients';
    if (!existsSync(prog[0])) throw new Error(`missing ${prog[0]}`);
    const pairs = quick ? 3 : 7; // ~21 s a pair: the wall times swing with the machine's load
    // The tutorial's search() reads db.txt without the lock, so a client that reads it while
    // the one buyer rewrites it dies of a JSONDecodeError (its traceback on stderr) and never
    // queues for the lock: a shorter run, traced or not. Such a run is not the 100-client
    // race; a pair with one is run again (at most `pairs` extra runs), and the note says so.
    let redone = 0;
    const once = (isTraced) =>
      withTempDir(async (dir) => {
        writeFileSync(join(dir, 'db.txt'), '{"count":1}');
        const r = await runOk(python, isTraced ? traced(prog) : prog, {
          cwd: dir,
          env: tracerEnv,
          timeoutMs: quick ? 60000 : 180000,
          count: 'Traceback (most recent call last)',
        });
        const db = JSON.parse(readFileSync(join(dir, 'db.txt'), 'utf8'));
        if (db.count !== 0) throw new Error(`db.txt count ${db.count} after the run, expected 0`);
        return { ms: r.ms, crashed: r.hits };
      });
    const runs = [];
    for (let i = 0; runs.length < pairs; i++) {
      // Interleaved: untraced first in even attempts, traced first in odd ones.
      const a = await once(i % 2 === 1);
      const b = await once(i % 2 === 0);
      const [u, t] = i % 2 === 0 ? [a, b] : [b, a];
      if ((u.crashed || t.crashed) && redone < pairs) {
        redone++;
        continue;
      }
      runs.push([u.ms, t.ms, u.crashed + t.crashed]);
    }
    const ratio = median(runs.map(([u, t]) => t / u));
    const u = median(runs.map(([x]) => x)) / 1000;
    const t = median(runs.map(([, x]) => x)) / 1000;
    const kept = runs.filter((r) => r[2] > 0).length;
    return {
      measured: ratio,
      note:
        `${what}: ${fmt(t, 2)} vs ${fmt(u, 2)} s (medians of ${pairs} interleaved pairs; ` +
        `ratios ${runs.map(([a, b]) => fmt(b / a, 3)).join(', ')}); ${redone} pair(s) run ` +
        `again because a client died in the unlocked search()` +
        (kept ? `, ${kept} kept with one after ${pairs} retries` : '') +
        `; load ${loadavg()[0].toFixed(1)}`,
    };
  },
};

/** Tight threading.Lock acquire+release loop: traced threading.Lock vs the plain C lock, in one
 *  traced process (test/fixtures/programs/threads_lock_loop.py), interleaved rounds, median. */
const threadingLockLoop = {
  id: 'tracer.threading-lock-loop',
  target: 15,
  unit: 'ratio',
  async run({ quick }) {
    const n = quick ? 20000 : 200000;
    const rounds = quick ? 3 : 7;
    return withTempDir(async (dir) => {
      const out = join(dir, 'result.json');
      const prog = join(root, 'test/fixtures/programs/threads_lock_loop.py');
      await runOk(python, traced([prog, String(n), String(rounds), out]), {
        env: tracerEnv,
        timeoutMs: 300000,
      });
      const r = JSON.parse(readFileSync(out, 'utf8'));
      return {
        measured: r.loop.ratio,
        note:
          `acquire()/release(): ${fmt(r.loop.traced_ns)} vs ${fmt(r.loop.untraced_ns)} ns; ` +
          `with lock: ${fmt(r.with_loop.ratio, 2)}x (${n} iterations x ${rounds} rounds)`,
      };
    });
  },
};

export default [eventCost, mpLockLoop, threadingLockLoop, ticketDemoWall];
