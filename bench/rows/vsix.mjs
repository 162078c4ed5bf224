// Benchmark row: size of the packaged extension (dist/concurrency-swimlane.vsix), built
// with `npm run package` first unless the harness runs with --no-package.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, runOk } from '../lib.mjs';

const vsix = join(root, 'dist', 'concurrency-swimlane.vsix');
let packaged = null;

/** The VSIX path and how it was made: `npm run package` once per harness run (the vscode.*
 *  rows install the same file), or the existing file with --no-package. */
export async function ensureVsix({ noPackage }) {
  let how = 'built by npm run package';
  if (noPackage) how = 'existing file (--no-package)';
  else {
    packaged ??= runOk('npm', ['run', '--silent', 'package'], { timeoutMs: 300000 });
    await packaged;
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} not found (${how})`);
  return { vsix, how };
}

const vsixSize = {
  id: 'vsix.size',
  target: 1.5,
  unit: 'MB',
  async run({ noPackage }) {
    const { how } = await ensureVsix({ noPackage });
    const bytes = statSync(vsix).size;
    return { measured: bytes / 1e6, note: `${bytes} bytes (1 MB = 10^6 bytes), ${how}` };
  },
};

export default [vsixSize];
