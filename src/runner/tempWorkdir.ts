// A fresh temporary working directory per run, so demos never write into the workspace.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every run directory, so leftovers can be found. */
export const WORKDIR_PREFIX = 'concurrency-swimlane-';

/** Create a temporary directory holding `files`; returns its path. */
export async function createWorkdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), WORKDIR_PREFIX));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text, 'utf8');
  }
  return dir;
}

/** Remove a run directory and everything in it (never throws). */
export async function removeWorkdir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}
