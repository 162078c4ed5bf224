// Benchmark row: size of the packaged extension (dist/concurrency-swimlane.vsix), built
// with `npm run package` first unless the harness runs with --no-package.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, runOk } from '../lib.mjs';

const vsix = join(root, 'dist', 'concurrency-swimlane.vsix');

const vsixSize = {
  id: 'vsix.size',
  target: 1.5,
  unit: 'MB',
  async run({ noPackage }) {
    let how = 'built by npm run package';
    if (noPackage) how = 'existing file (--no-package)';
    else await runOk('npm', ['run', '--silent', 'package'], { timeoutMs: 300000 });
    if (!existsSync(vsix)) throw new Error(`${vsix} not found (${how})`);
    const bytes = statSync(vsix).size;
    return { measured: bytes / 1e6, note: `${bytes} bytes (1 MB = 10^6 bytes), ${how}` };
  },
};

export default [vsixSize];
