// Integration tests in a real VS Code: Trace Python File on a user program (Pool, Queue and Lock
// under spawn) in a folder whose path has spaces and Chinese characters; then Export Trace… in
// all three formats and Open Trace… of the exported files (custom editor and panel).
import * as assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../../src/api';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';

async function api(): Promise<SwimlaneApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  return (await ext.activate()) as SwimlaneApi;
}

/** Poll `check` until it returns true or the deadline passes (state arrives a tick later). */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Trace Python File in VS Code', () => {
  let swimlane: SwimlaneApi;
  let dir: string;
  let program: vscode.Uri;

  before(async () => {
    swimlane = await api();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder is open');
    dir = join(folder, '用户 代码');
    mkdirSync(dir, { recursive: true });
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const src = join(ext.extensionPath, 'test', 'fixtures', 'programs', 'pool_queue_lock_spawn.py');
    copyFileSync(src, join(dir, 'pool queue lock.py'));
    program = vscode.Uri.file(join(dir, 'pool queue lock.py'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is trusted here and runs the file in its folder with the given args to the end', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const outcome = await vscode.commands.executeCommand('concurrencySwimlane.traceFile', program, {
      args: ['--flag', 'two words'],
    });
    assert.equal(outcome, 'started');
    const header = await swimlane.waitForRunEnd(60_000);
    assert.equal(header.state, 'finished', header.error ?? '');
    assert.equal(header.title, 'Trace: pool queue lock.py');
    const model = swimlane.currentModel();
    assert.ok(model);
    const names = model.lanes.map((l) => l.name);
    for (const name of [
      'MainProcess',
      'SpawnPoolWorker-1',
      'SpawnPoolWorker-2',
      'producer',
      'reader',
    ]) {
      assert.ok(names.includes(name), `lane ${name} in ${names.join(', ')}`);
    }
    assert.equal(header.processes, 4);
    const kinds = new Set(model.spans.map((s) => s.kind));
    assert.ok(kinds.has('task') && kinds.has('lockHold'), [...kinds].join(','));
    const flows = new Set((model.flows ?? []).map((f) => f.kind));
    assert.deepEqual(flows, new Set(['spawn', 'queue']));
    const prints = model.marks.filter((m) => m.kind === 'print').map((m) => m.text);
    assert.ok(
      prints.some((t) => t.includes(`cwd ${dir} args ['--flag', 'two words']`)),
      prints.join(' | '),
    );
    assert.ok(
      prints.some((t) => t.includes('got [0, 1, 2, 3, 4]')),
      prints.join(' | '),
    );
  });

  /** The test double of ms-python.python (test/fixtures/fake-python-extension). */
  async function fakePython(): Promise<{ select(path: string): void }> {
    const ext = vscode.extensions.getExtension('ms-python.python');
    assert.ok(ext, 'the fake Python extension is loaded');
    return ((await ext.activate()) as { fake: { select(path: string): void } }).fake;
  }

  /** An executable shell script in the test folder. */
  function script(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('runs with the interpreter selected in the Python extension', async () => {
    const fake = await fakePython();
    const used = join(dir, 'used.txt');
    fake.select(script('py selected', `echo "$@" >> '${used}'\nexec python3 "$@"`));
    try {
      assert.equal(
        await vscode.commands.executeCommand('concurrencySwimlane.traceFile', program),
        'started',
      );
      const header = await swimlane.waitForRunEnd(60_000);
      assert.equal(header.state, 'finished', header.error ?? '');
      const calls = readFileSync(used, 'utf8');
      assert.match(calls, /-m swimlane_tracer .*pool queue lock\.py/, calls);
    } finally {
      fake.select('');
    }
  });

  it('does not run with a Python older than 3.9 from the Python extension', async () => {
    const fake = await fakePython();
    const ran = join(dir, 'old-ran.txt');
    fake.select(script('py old', `case "$1" in -c) echo 3.8.10;; *) touch '${ran}';; esac`));
    try {
      assert.equal(
        await vscode.commands.executeCommand('concurrencySwimlane.traceFile', program),
        'noPython',
      );
      assert.equal(existsSync(ran), false);
    } finally {
      fake.select('');
    }
  });

  it('refuses what is not a Python file on disk', async () => {
    const txt = vscode.Uri.file(join(dir, 'notes.txt'));
    assert.equal(
      await vscode.commands.executeCommand('concurrencySwimlane.traceFile', txt),
      'invalid',
    );
  });

  it('exports Chrome JSON, .swimlane.jsonl and standalone HTML where it is told', async () => {
    const model = swimlane.currentModel()!;
    const out = (name: string): vscode.Uri => vscode.Uri.file(join(dir, name));
    const chrome = await vscode.commands.executeCommand<vscode.Uri>(
      'concurrencySwimlane.exportTrace',
      'chrome',
      out('run.trace.json'),
    );
    assert.equal(chrome?.fsPath, out('run.trace.json').fsPath);
    const json = JSON.parse(readFileSync(chrome.fsPath, 'utf8')) as {
      traceEvents: { ph: string }[];
    };
    assert.equal(json.traceEvents.filter((e) => e.ph === 's').length, model.flows?.length);
    const jsonl = await vscode.commands.executeCommand<vscode.Uri>(
      'concurrencySwimlane.exportTrace',
      'jsonl',
      out('run.swimlane.jsonl'),
    );
    const lines = readFileSync(jsonl!.fsPath, 'utf8').trim().split('\n');
    assert.ok(lines.length > 50 && lines.every((l) => l.startsWith('{"k":')));
    const html = await vscode.commands.executeCommand<vscode.Uri>(
      'concurrencySwimlane.exportTrace',
      'html',
      out('run.html'),
    );
    const page = readFileSync(html!.fsPath, 'utf8');
    assert.ok(page.includes('SpawnPoolWorker-1') && !/\bsrc="http/.test(page));
  });

  it('opens the exported .swimlane.jsonl in the custom editor and the Chrome JSON in a panel', async () => {
    const isTrace = (t: vscode.Tab): boolean =>
      t.input instanceof vscode.TabInputCustom &&
      t.input.viewType === 'concurrencySwimlane.traceEditor';
    const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // Plain "open" (as from the explorer): the custom editor is the default for the file.
    await vscode.commands.executeCommand(
      'vscode.open',
      vscode.Uri.file(join(dir, 'run.swimlane.jsonl')),
    );
    await until(() => tabs().some(isTrace), 10_000, 'the trace editor tab');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until(() => !tabs().some(isTrace), 10_000, 'the trace editor to close');
    await vscode.commands.executeCommand(
      'concurrencySwimlane.openTrace',
      vscode.Uri.file(join(dir, 'run.swimlane.jsonl')),
    );
    await until(() => tabs().some(isTrace), 10_000, 'the trace editor tab (Open Trace…)');
    // The Chrome JSON keeps the run's title: one more webview tab with it (the run's panel is one).
    const runTitle = 'Trace: pool queue lock.py';
    const panels = (): number =>
      tabs().filter((t) => t.input instanceof vscode.TabInputWebview && t.label === runTitle)
        .length;
    const before = panels();
    await vscode.commands.executeCommand(
      'concurrencySwimlane.openTrace',
      vscode.Uri.file(join(dir, 'run.trace.json')),
    );
    await until(() => panels() === before + 1, 10_000, `a second "${runTitle}" panel`);
  });
});
