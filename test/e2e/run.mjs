// Runs the UI end-to-end tests (test/e2e/*.e2e.test.ts, node:test + playwright-core): builds
// the test bundles unless --no-build, then `node --test` on out/test/e2e. Each test packages the
// VSIX, installs it into the cached VS Code server and drives it in headless chromium.
// Prints node:test's report and a final line "e2e: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'out', 'test', 'e2e');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const files = readdirSync(outDir)
  .filter((name) => name.endsWith('.e2e.test.js'))
  .map((name) => join(outDir, name));
// The tests start their own process groups (server, browser); this runner is a plain child.
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let printed = '';
child.stdout.on('data', (d) => {
  printed = (printed + String(d)).slice(-200000);
  process.stdout.write(d);
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((r) => child.on('close', (c, s) => r(c ?? (s ? 1 : 0))));

// eslint-disable-next-line no-control-regex
const plain = printed.replace(/\x1b\[[0-9;]*m/g, '');
const count = (word) => Number(new RegExp(`ℹ ${word} (\\d+)`).exec(plain)?.[1] ?? 0);
console.log(`e2e: ${count('pass')} passed, ${count('fail')} failed`);
process.exit(code);
