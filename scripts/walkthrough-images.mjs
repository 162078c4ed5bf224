// Regenerates the walkthrough's step images (media/walkthrough/*.png) from real traced runs:
// bundles test/webview/walkthroughImages.ts with esbuild and runs its main(). Needs python3 and
// /usr/bin/chromium. Usage: node scripts/walkthrough-images.mjs [step id…]
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'swimlane-walkthrough-'));
try {
  const bundle = join(work, 'walkthroughImages.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'webview', 'walkthroughImages.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['playwright-core'],
    outfile: bundle,
    logLevel: 'warning',
  });
  // Resolve playwright-core from the repo's node_modules, not from the temp folder.
  const require = createRequire(join(root, 'package.json'));
  const Module = require('node:module');
  process.env.NODE_PATH = join(root, 'node_modules');
  Module._initPaths();
  const { main } = require(bundle);
  for (const line of await main(process.argv.slice(2), root)) console.log(`wrote ${line}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
