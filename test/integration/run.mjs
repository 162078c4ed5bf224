// Runs the mocha integration suites (test/integration/*.integration.test.ts) inside a real VS Code
// through @vscode/test-electron's runTests(). VS Code is $SWIMLANE_VSCODE_EXECUTABLE when set
// (a desktop VS Code), else test/vscode-shim/code (the cached VS Code server in headless
// chromium). Builds extension and tests first unless --no-build. Prints mocha's output and a
// final line "integration: N passed, N failed". Env SWIMLANE_EXTENSION_PATH overrides the
// extension under test (default: the repo root).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shim = join(root, 'test', 'vscode-shim', 'code');
const vscodeExecutablePath = process.env.SWIMLANE_VSCODE_EXECUTABLE || shim;
const extensionDevelopmentPath = process.env.SWIMLANE_EXTENSION_PATH || root;
/** A stand-in for ms-python.python (its environments API), loaded next to the extension. */
const fakePythonExtension = join(root, 'test', 'fixtures', 'fake-python-extension');
const extensionTestsPath = join(root, 'out', 'test', 'integration', 'index.js');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// Keep a copy of what VS Code prints so mocha's summary can be parsed.
let printed = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  printed = (printed + String(chunk)).slice(-200000);
  return write(chunk, ...rest);
};

/** One pass of the suite in a fresh workspace; resolves with the exit code and mocha's counts. */
async function pass(name, env) {
  const from = printed.length;
  const workspace = mkdtempSync(join(tmpdir(), 'swimlane-workspace-'));
  // Quieter workbench: no welcome page, no chat (its logs share the channel with mocha's).
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true }),
  );
  let exitCode = 1;
  try {
    console.log(`integration (${name}): VS Code = ${vscodeExecutablePath}`);
    exitCode = await runTests({
      vscodeExecutablePath,
      // The shim's web workbench takes one development path: it installs the fake instead.
      extensionDevelopmentPath:
        vscodeExecutablePath === shim
          ? extensionDevelopmentPath
          : [extensionDevelopmentPath, fakePythonExtension],
      extensionTestsPath,
      launchArgs: [workspace],
      extensionTestsEnv: { SWIMLANE_SHIM_EXTENSIONS: fakePythonExtension, ...env },
    });
  } catch (err) {
    console.error(`integration (${name}): ${err?.message ?? err}`);
    exitCode = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  // eslint-disable-next-line no-control-regex
  const plain = printed.slice(from).replace(/\x1b\[[0-9;]*m/g, '');
  const count = (word) => Number(new RegExp(`(\\d+) ${word}\\b`).exec(plain)?.[1] ?? 0);
  const result = { exitCode, passed: count('passing'), failed: count('failing') };
  if (result.passed + result.failed === 0 && exitCode !== 0) {
    console.log(`integration (${name}): no mocha summary (VS Code or the suite failed to start)`);
  }
  return result;
}

const results = [await pass('trusted', {})];
// Restricted Mode needs workspace trust on, which only the shim's VS Code server can switch.
if (vscodeExecutablePath === shim) {
  results.push(await pass('untrusted', { SWIMLANE_UNTRUSTED: '1', SWIMLANE_WORKSPACE_TRUST: '1' }));
} else {
  console.log('integration: the Restricted Mode pass runs only with test/vscode-shim/code');
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const exitCode = results.every((r) => r.exitCode === 0 && r.passed > 0) ? 0 : 1;
process.stdout.write = write;
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && failed === 0 && passed > 0 ? 0 : exitCode || 1);
