// A fresh temporary working directory per run, so demos never write into the workspace.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every run directory, so leftovers can be found. */
export const WORKDIR_PREFIX = 'concurrency-swimlane-';

/** The run's own temporary directory inside a workdir (TMPDIR of the program, see runSession). */
export function workdirTmp(dir: string): string {
  return join(dir, '.tmp');
}

/** Create a temporary directory holding `files` (and an empty `.tmp`); returns its path. */
export async function createWorkdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), WORKDIR_PREFIX));
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
