// How busy the machine is, for benchmark rows that measure wall-clock throughput: the share of
// all CPUs busy over a window (/proc/stat), and how much CPU time other processes (not the
// harness or its descendants) used meanwhile (/proc/PID/stat). Linux only; elsewhere every
// reading is null and nothing waits.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux build we run). */
const HZ = 100;

/** Machine-wide CPU times from /proc/stat's first line, in seconds: busy, total (all CPUs). */
export function machineCpu() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const t = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = t.reduce((a, b) => a + b, 0);
    const idle = t[3] + t[4]; // idle + iowait
    return { busy: (total - idle) / HZ, total: total / HZ };
  } catch {
    return null;
  }
}

/** Every process's CPU seconds by "pid:start time": its own time plus that of the children it
 *  reaped (cutime, cstime; pid 1's own only: the orphans it reaps include ours, e.g. Chromium's
 *  zygotes once the browser exited), and its parent. */
function processesCpu() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields from 3 on: ppid 4, utime 14, stime 15, cutime 16, cstime 17, starttime 22.
      const cpu = f.slice(11, pid === '1' ? 13 : 15).reduce((a, x) => a + Number(x), 0) / HZ;
      out.set(`${pid}:${f[19]}`, { pid, ppid: f[1], cpu });
    } catch {
      // Ended meanwhile: its time is in its parent's by the next reading.
    }
  }
  return out;
}

/** Keys of this process's descendants in `procs`, and of those in `before` (once ours: a
 *  Chromium zygote is re-parented to pid 1 when the browser exits). */
function ourKeys(procs, before = new Map()) {
  const pids = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs.values()) {
      if (pids.has(p.pid) || !pids.has(p.ppid)) continue;
      pids.add(p.pid);
      grew = true;
    }
  }
  const keys = new Set(before.keys());
  for (const [key, p] of procs) if (pids.has(p.pid)) keys.add(key);
  return keys;
}

/** Busy share (0..1) of all CPUs between two machineCpu() readings. */
export function busyShare(a, b) {
  if (!a || !b || b.total <= a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

/**
 * Wait until the machine is quiet: a `windowMs` window with at most `maxBusy` of all CPUs busy
 * (this harness process is idle meanwhile, so that is other processes' load), giving up after
 * `timeoutMs`. Resolves { busy (share over the last window), waitedMs, quiet }.
 */
export async function waitQuiet({ maxBusy = 0.2, windowMs = 1000, timeoutMs = 60000 } = {}) {
  const t0 = Date.now();
  for (;;) {
    const a = machineCpu();
    await sleep(windowMs);
    const busy = busyShare(a, machineCpu());
    const waitedMs = Date.now() - t0;
    if (busy === null) return { busy: null, waitedMs, quiet: true };
    if (busy <= maxBusy || waitedMs >= timeoutMs) return { busy, waitedMs, quiet: busy <= maxBusy };
  }
}

/**
 * Start watching the machine while work runs in descendants of this process; `stop()` resolves
 * { cpus, busy: CPU-s busy machine-wide, others: CPU-s of every other process, ours: busy −
 * others, seconds } or null. A process's time counts in its parent's once reaped, so the sum
 * over other processes keeps the time of those that ended meanwhile, except orphans reaped by
 * pid 1 (ours among them); our own processes are followed (every 250 ms) even when re-parented
 * to pid 1. So `others` may miss some of their time, never counts ours: a lower bound. The
 * kernel's interrupt time counts as ours.
 */
export function watchLoad() {
  const m0 = machineCpu();
  if (!m0) return { stop: () => null };
  const t0 = Date.now();
  const start = processesCpu();
  const startOurs = ourKeys(start);
  /** Our processes seen so far (not those running at the start). */
  const ours = new Map();
  const poll = () => {
    const procs = processesCpu();
    for (const key of ourKeys(procs, ours)) {
      const p = procs.get(key);
      if (p && !startOurs.has(key)) ours.set(key, p);
    }
    return procs;
  };
  const timer = setInterval(poll, 250);
  const othersAt = (procs, mine) => {
    let cpu = 0;
    for (const [key, p] of procs) if (!mine.has(key)) cpu += p.cpu;
    return cpu;
  };
  const others0 = othersAt(start, startOurs);
  return {
    stop() {
      clearInterval(timer);
      const end = poll();
      const m1 = machineCpu();
      const mine = new Set([...ourKeys(end, ours), ...startOurs]);
      const others = Math.max(0, othersAt(end, mine) - others0);
      const seconds = (Date.now() - t0) / 1000;
      const busy = m1.busy - m0.busy;
      const cpus = (m1.total - m0.total) / seconds;
      return { cpus, busy, others, ours: Math.max(0, busy - others), seconds };
    },
  };
}

/** One line for a row's note: the load before and during a measured run. */
export function describeLoad(before, during) {
  const pct = (x) => `${Math.round(x * 100)}%`;
  const parts = [];
  if (before?.busy !== null && before?.busy !== undefined) {
    parts.push(
      `machine ${pct(before.busy)} busy just before` +
        (before.waitedMs > 1500 ? ` (waited ${(before.waitedMs / 1000).toFixed(0)} s` : '') +
        (before.waitedMs > 1500 ? (before.quiet ? ' to be quiet)' : ', never quiet)') : ''),
    );
  }
  if (during) {
    parts.push(
      `other processes used ${during.others.toFixed(1)} CPU-s during it ` +
        `(${pct(during.others / (during.cpus * during.seconds))} of the machine; ours ${during.ours.toFixed(1)})`,
    );
  }
  return parts.join(', ');
}
