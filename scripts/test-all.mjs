// `npm test`: sets up what the tests need, builds, runs every tier and prints one summary.
// Tiers: unit (node:test), python (unittest), webview (node:test + Chromium),
// integration (mocha in a real VS Code), e2e (the packaged VSIX in a real VS Code).
// Usage: node scripts/test-all.mjs [--tier unit,python,...]
// The last line printed is "N passed, N failed" over all tiers (written to
// test-results/summary.txt too); the exit code is non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const tierArg = argv.includes('--tier') ? argv[argv.indexOf('--tier') + 1] : '';
const ALL = ['unit', 'python', 'webview', 'integration', 'e2e'];
const tiers = tierArg ? tierArg.split(',') : ALL;
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

function files(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(abs, f));
}

/** Run a command, streaming its output; resolves with exit code and captured text. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    let text = '';
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    const relay = (stream, out) =>
      stream.on('data', (b) => {
        text += b.toString();
        out.write(b);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (e) => resolve({ code: 127, text: text + String(e) }));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

const count = (text, re) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);

/** node:test: count from its TAP summary lines. */
async function nodeTest(list) {
  if (list.length === 0) return { passed: 0, failed: 1, note: 'no test files found' };
  const r = await run(process.execPath, [
    '--test',
    '--test-reporter=tap',
    '--test-concurrency=1',
    ...list,
  ]);
  const passed = count(r.text, /^# pass (\d+)$/gm);
  const failed = count(r.text, /^# fail (\d+)$/gm) + count(r.text, /^# cancelled (\d+)$/gm);
  return { passed, failed: failed || (r.code !== 0 ? 1 : 0) };
}

const TIERS = {
  unit: () => nodeTest(files('out/test/unit', '.unit.test.js')),
  webview: () => nodeTest(files('out/test/webview', '.webview.test.js')),
  e2e: () => nodeTest(files('out/test/e2e', '.e2e.test.js')),
  python: async () => {
    const r = await run('python3', [
      '-m',
      'unittest',
      'discover',
      '-s',
      'test/python',
      '-p',
      'test_*.py',
      '-v',
    ]);
    const ran = count(r.text, /^Ran (\d+) tests?/gm);
    const failures = count(r.text, /failures=(\d+)/g) + count(r.text, /errors=(\d+)/g);
    const skipped = count(r.text, /skipped=(\d+)/g);
    if (ran === 0) return { passed: 0, failed: 1, note: 'no Python tests ran' };
    return {
      passed: ran - failures - skipped,
      failed: failures || (r.code !== 0 ? 1 : 0),
      skipped,
    };
  },
  integration: async () => {
    const r = await run(process.execPath, [join(root, 'test/integration/run.mjs')]);
    const m = r.text.match(/integration: (\d+) passed, (\d+) failed/);
    if (!m)
      return {
        passed: 0,
        failed: 1,
        note: `integration runner exited ${r.code} without a summary`,
      };
    return { passed: Number(m[1]), failed: Number(m[2]) || (r.code !== 0 ? 1 : 0) };
  },
};

function setup() {
  if (!existsSync(join(root, 'node_modules', '.bin', 'esbuild'))) {
    console.log('▶ installing npm dependencies (npm ci)');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  console.log('▶ building extension, webview and tests');
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--tests'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
  const py = spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 9)']);
  if (py.status !== 0) {
    console.error(
      'python3 (3.9 or later) is needed for the tests: install it (apt-get install python3).',
    );
    process.exit(1);
  }
}

setup();
const rows = [];
for (const tier of tiers) {
  if (!TIERS[tier]) {
    console.error(`unknown tier ${tier}; tiers: ${ALL.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n━━━ ${tier} ━━━`);
  const started = Date.now();
  const r = await TIERS[tier]();
  rows.push({ tier, ...r, seconds: Math.round((Date.now() - started) / 100) / 10 });
}
console.log('\ntier          passed  failed  skipped  seconds');
for (const r of rows) {
  const note = r.note ? `  (${r.note})` : '';
  console.log(
    `${r.tier.padEnd(12)} ${String(r.passed).padStart(7)} ${String(r.failed).padStart(7)} ${String(r.skipped ?? 0).padStart(8)} ${String(r.seconds).padStart(8)}${note}`,
  );
}
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(results, 'summary.txt'), summary + '\n');
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
