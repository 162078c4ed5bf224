// Finds and kills every process of one run, also those that left its process group.
//
// Each run's environment carries RUN_MARKER_VAR=<unique id>; every process the program
// starts inherits it (fork, spawn, forkserver, resource tracker, grandchildren, daemons),
// including processes that call setsid()/setpgid() and so escape a process-group kill, and
// orphans re-parented to init. On Linux the marker is read from /proc/<pid>/environ; elsewhere
// only the process group is killed. Never throws.
import { readdirSync, readFileSync } from 'node:fs';

/** Environment variable that marks every process of a run. */
export const RUN_MARKER_VAR = 'SWIMLANE_RUN_ID';

let counter = 0;

/** A marker value unique to this host process and run (`<host pid>-<n>-<random>`). */
export function newRunMarker(): string {
  counter += 1;
  return `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** True when /proc can be scanned (Linux). */
export function canScanProcs(): boolean {
  try {
    readFileSync('/proc/self/environ');
    return true;
  } catch {
    return false;
  }
}

/** State letter of a process from /proc/<pid>/stat ('Z' for a zombie), or null if gone. */
export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Live (not zombie) processes whose environment holds `RUN_MARKER_VAR=<marker>`; with
 * `prefix` true, any value starting with `marker` (e.g. `<host pid>-` for every run of a host).
 */
export function findMarked(marker: string, prefix = false): number[] {
  const needle = Buffer.from(`\0${RUN_MARKER_VAR}=${marker}${prefix ? '' : '\0'}`);
  const found: number[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    let env: Buffer;
    try {
      env = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue; // gone, or not ours
    }
    // Prefix a NUL so the first variable matches the same way as the others.
    if (Buffer.concat([Buffer.of(0), env]).includes(needle) && procState(pid) !== 'Z') {
      found.push(pid);
    }
  }
  return found;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: already gone
  }
}

/**
 * Signal a run's process group and every process carrying its marker (or, with `prefix`, any
 * marker starting with it). With SIGKILL, scans again (a few rounds) so that processes forked
 * meanwhile are caught too.
 */
export function killTree(
  pgid: number | undefined,
  marker: string,
  signal: NodeJS.Signals,
  prefix = false,
): void {
  if (pgid !== undefined) signalPid(-pgid, signal);
  const rounds = signal === 'SIGKILL' ? 5 : 1;
  for (let i = 0; i < rounds; i++) {
    const marked = findMarked(marker, prefix);
    if (marked.length === 0) return;
    for (const pid of marked) signalPid(pid, signal);
  }
}
