// How busy the machine is, for benchmark rows that measure wall-clock throughput: the share of
// all CPUs busy over a window (/proc/stat), and how much of that was other processes' work
// (busy time minus the CPU time of the harness's own finished children, /proc/self/stat
// cutime + cstime). Linux only; elsewhere every reading is null and nothing waits.
import { readFileSync } from 'node:fs';
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

/** CPU seconds used by this process's children that have exited and been waited for (and by
 *  their own waited-for children), from /proc/self/stat; null off Linux. */
export function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3 ("state").
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / HZ; // cutime, cstime (fields 16, 17)
  } catch {
    return null;
  }
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
 * Start watching the machine while `work` runs in child processes of this one; `stop()` (after
 * the children exited) resolves { cpus, busy: CPU-s busy machine-wide, ours: CPU-s of our
 * finished children, others: busy − ours (other processes' work, ≥ 0), seconds } or null.
 */
export function watchLoad() {
  const m0 = machineCpu();
  const c0 = childrenCpu();
  const t0 = Date.now();
  return {
    stop() {
      const m1 = machineCpu();
      const c1 = childrenCpu();
      if (!m0 || !m1 || c0 === null || c1 === null) return null;
      const seconds = (Date.now() - t0) / 1000;
      const busy = m1.busy - m0.busy;
      const ours = c1 - c0;
      const cpus = (m1.total - m0.total) / seconds;
      return { cpus, busy, ours, others: Math.max(0, busy - ours), seconds };
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
