// Integration tests in a real VS Code: every way a run can be left ends its whole process tree:
// Stop, closing the panel, starting another run, and deactivating the extension (what a window
// reload does first). Processes of a run are found by the marker in their environment, so
// those that left the process group count too. The workspace folder is never written to.
import * as assert from 'node:assert/strict';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../../src/api';
import { findMarked } from '../../src/runner/processTree';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';
/** Every marker this extension host gives out starts with its pid. */
const OURS = `${process.pid}-`;
/** A Lock Demo that runs long enough to be interrupted, with 12 client processes. */
const LONG = { '--clients': 12, '--time-scale': 5 };

async function until<T>(what: string, check: () => T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start the long Lock Demo and wait until its clients are up; returns their pids. */
async function startLong(): Promise<number[]> {
  await vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'lockDemo', LONG);
  return until('the clients to start', () => {
    const pids = findMarked(OURS, true);
    return pids.length >= 10 ? pids : null;
  });
}

/** Waits until none of `pids` is alive; returns how long since `t0` (the action) that took. */
async function goneWithin(pids: number[], what: string, t0: number): Promise<number> {
  const live = () => findMarked(OURS, true).filter((p) => pids.includes(p));
  await until(`${what}: ${live().join(' ')} still alive`, () => live().length === 0, 10_000);
  const ms = Date.now() - t0;
  console.log(`    ${what}: ${pids.length} processes gone in ${ms} ms`);
  return ms;
}

/** Every path under `dir` (the workspace), relative to it. */
function listing(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const p = rel ? `${rel}/${name}` : name;
    return statSync(join(dir, p)).isDirectory() ? [p, ...listing(dir, p)] : [p];
  });
}

describe('Process lifecycle and workspace safety', () => {
  let api: SwimlaneApi;
  let workspace: string;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    api = (await ext.activate()) as SwimlaneApi;
    workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    assert.ok(workspace, 'a workspace folder is open');
  });

  it('Stop ends the whole tree', async () => {
    const pids = await startLong();
    const t0 = Date.now();
    await vscode.commands.executeCommand('concurrencySwimlane.stop');
    await goneWithin(pids, 'Stop', t0);
    assert.equal((await api.waitForRunEnd(10_000)).state, 'stopped');
  });

  it('starting another run ends the previous tree', async () => {
    const first = await startLong();
    const t0 = Date.now();
    await vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'threadStart', {});
    await goneWithin(first, 'another run', t0);
    await api.waitForRunEnd(30_000);
  });

  it('two runs asked for at once: only the second runs, nothing is left', async () => {
    const first = vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'lockDemo', LONG);
    const second = vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'threadStart');
    await Promise.all([first, second]);
    const h = await api.waitForRunEnd(30_000);
    assert.match(h.title, /thread/i);
    await until('no process of any run', () => findMarked(OURS, true).length === 0, 3000);
  });

  it('closing the panel ends the whole tree', async () => {
    const pids = await startLong();
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter(
        (t) =>
          t.input instanceof vscode.TabInputWebview &&
          t.input.viewType.endsWith('concurrencySwimlane.swimlane'),
      );
    // The run's panel, and the side panel if Compare… ran earlier (nothing runs there).
    assert.ok(tabs.length >= 1, 'the swimlane panel is open');
    const t0 = Date.now();
    await vscode.window.tabGroups.close(tabs);
    await goneWithin(pids, 'panel closed', t0);
    assert.equal((await api.waitForRunEnd(10_000)).state, 'stopped');
  });

  it('demos never write to the workspace (every demo has run by now)', () => {
    // test/integration/run.mjs made the workspace with only this settings file; the suites
    // before this one (files run in name order) ran every demo of the catalogue.
    assert.deepEqual(listing(workspace).sort(), ['.vscode', '.vscode/settings.json']);
    const settings = JSON.parse(readFileSync(join(workspace, '.vscode/settings.json'), 'utf8'));
    assert.deepEqual(Object.keys(settings).sort(), [
      'chat.disableAIFeatures',
      'workbench.startupEditor',
    ]);
  });

  it('a too old, a broken and a missing Python each get an error with Open Settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swimlane py 中文 '));
    const old = join(dir, 'python3.8');
    writeFileSync(old, '#!/bin/sh\necho 3.8.18\n');
    chmodSync(old, 0o755);
    const broken = join(dir, 'broken python');
    writeFileSync(broken, '#!/bin/sh\necho "no libpython" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    const config = vscode.workspace.getConfiguration('concurrencySwimlane');
    const shown: { message: string; items: string[] }[] = [];
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showErrorMessage;
    window.showErrorMessage = (message: string, ...items: string[]) => {
      shown.push({ message, items });
      return Promise.resolve(undefined);
    };
    const before = api.currentHeader();
    try {
      for (const path of [old, broken, join(dir, 'missing')]) {
        await config.update('pythonPath', path, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'threadStart', {});
      }
    } finally {
      window.showErrorMessage = original;
      await config.update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(shown.length, 3, JSON.stringify(shown));
    assert.match(shown[0].message, /Python 3\.9 or later .*3\.8\.18/);
    assert.match(shown[1].message, /could not be started .*no libpython/);
    assert.match(shown[2].message, /not found .*missing/);
    for (const s of shown) assert.deepEqual(s.items, ['Open Settings']);
    assert.deepEqual(api.currentHeader(), before, 'no run was started');
  });

  it('deactivating the extension (window reload, shutdown) ends the whole tree', async () => {
    const pids = await startLong();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // The module VS Code loaded: the same instance, so deactivate() sees the live controllers.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const main = require(join(ext.extensionPath, 'dist', 'extension.js')) as {
      deactivate(): Promise<void>;
    };
    const t0 = Date.now();
    await main.deactivate();
    await goneWithin(pids, 'deactivate', t0);
  });
});
