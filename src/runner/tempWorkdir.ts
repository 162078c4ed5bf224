// A fresh temporary working directory per run, so demos never write into the workspace. Its name
// carries the extension host's pid, so the directories of a host that was killed mid-run (no
// chance to clean up) are found and removed by the next one.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every run directory, so leftovers can be found. */
export const WORKDIR_PREFIX = 'concurrency-swimlane-';

/** A run directory without an owner pid in its name (older versions) is stale after this long. */
const UNOWNED_STALE_MS = 24 * 3600 * 1000;

/** The run's own temporary directory inside a workdir (TMPDIR of the program, see runSession). */
export function workdirTmp(dir: string): string {
  return join(dir, '.tmp');
}

/** Create a temporary directory holding `files` (and an empty `.tmp`); returns its path. */
export async function createWorkdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${WORKDIR_PREFIX}${process.pid}-`));
  await mkdir(workdirTmp(dir));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text, 'utf8');
  }
  return dir;
}

/** Remove a run directory and everything in it (never throws). */
export async function removeWorkdir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Whether process `pid` is alive (signal 0: exists, even when we may not signal it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the run directories in `root` left by extension hosts that no longer run (killed before
 * their runs could clean up), and unowned ones older than a day; resolves the paths removed.
 * Never throws.
 */
export async function sweepStaleWorkdirs(root = tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(WORKDIR_PREFIX)) continue;
    const dir = join(root, name);
    const owner = /^(\d+)-/.exec(name.slice(WORKDIR_PREFIX.length));
    if (owner) {
      const pid = Number(owner[1]);
      if (pid === process.pid || alive(pid)) continue;
    } else {
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory() || now - info.mtimeMs < UNOWNED_STALE_MS) continue;
    }
    await removeWorkdir(dir);
    removed.push(dir);
  }
  return removed;
}
