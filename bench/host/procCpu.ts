// CPU time of processes from /proc (Linux), for the host pipeline bench: the reaped children of
// this process (the traced child once it exited) and the live descendants by kind (Chromium's
// renderer and its other processes), so a run's CPU can be split by process.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime+stime (fields 14, 15) and cutime+cstime (16, 17) of /proc/PID/stat, in ms. */
function stat(pid: number | 'self'): { own: number; reaped: number; ppid: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after it.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number): number => Number(f[i - 3]);
  return { own: (n(14) + n(15)) * TICK_MS, reaped: (n(16) + n(17)) * TICK_MS, ppid: n(4) };
}

/** CPU ms of this process' children that exited and were waited for (e.g. the traced child). */
export function reapedChildrenMs(): number {
  return stat('self')?.reaped ?? 0;
}

/** CPU ms of the live descendants of this process, Chromium's renderers apart from the rest. */
export function descendantsMs(): { renderer: number; other: number } {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (s) parent.set(pid, s.ppid);
  }
  const out = { renderer: 0, other: 0 };
  for (const pid of parent.keys()) {
    let p = parent.get(pid);
    while (p !== undefined && p !== process.pid && p > 1) p = parent.get(p);
    if (p !== process.pid) continue;
    const s = stat(pid);
    if (!s) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes('--type=renderer')) out.renderer += s.own;
    else out.other += s.own;
  }
  return out;
}
