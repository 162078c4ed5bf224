// Integration tests in a real VS Code window in Restricted Mode (workspace trust on, folder not
// trusted; run.mjs starts this pass with SWIMLANE_WORKSPACE_TRUST=1): the extension activates,
// demos run, and Trace Python File refuses to run the workspace's code.
import * as assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../../src/api';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';

describe('Restricted Mode (untrusted workspace)', () => {
  let swimlane: SwimlaneApi;
  let marker: string;
  let program: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    swimlane = (await ext.activate()) as SwimlaneApi;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder is open');
    marker = join(folder, 'ran.txt');
    program = vscode.Uri.file(join(folder, 'writes_marker.py'));
    writeFileSync(program.fsPath, `open(${JSON.stringify(marker)}, "w").write("ran")\n`);
  });

  after(() => {
    rmSync(program.fsPath, { force: true });
    rmSync(marker, { force: true });
  });

  it('is a window in Restricted Mode with the extension active', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('does not run the workspace code: Trace Python File answers "untrusted"', async () => {
    const outcome = await vscode.commands.executeCommand('concurrencySwimlane.traceFile', program);
    assert.equal(outcome, 'untrusted');
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(existsSync(marker), false, 'the program must not have run');
    assert.equal(swimlane.currentHeader(), null, 'no run was started');
  });

  it('still runs a demo', async () => {
    await vscode.commands.executeCommand('concurrencySwimlane.runDemo', 'processFunction', {
      '--time-scale': 0.05,
    });
    const header = await swimlane.waitForRunEnd(30_000);
    assert.equal(header.state, 'finished', header.error ?? '');
  });
});
