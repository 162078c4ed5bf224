// Integration tests in a real VS Code: the Python language server lints the tutorial's programs,
// a quick fix edits the document, the "▶ Visualize" lens and the hovers are provided.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';
const SOURCE = 'Concurrency Swimlane';

/** Expected diagnostics per tutorial program: "line:code" (1-based lines). */
const EXPECTED: Record<string, string[]> = {
  'daemon_main_done.py': ['20:start-without-main-guard', '21:start-without-main-guard'],
  'daemon_subclass.py': ['7:attribute-before-super-init', '17:start-without-main-guard'],
  'print_with_lock.py': [],
  'print_without_lock.py': [],
  'queue_endless.py': ['11:endless-consumer'],
  'start_with_function.py': [15, 16, 17, 18].map((l) => `${l}:start-without-main-guard`),
  'start_with_subclass.py': [22, 23, 24, 25].map((l) => `${l}:start-without-main-guard`),
  'ticket_with_lock.py': [],
  'ticket_without_lock.py': ['20:unlocked-read-modify-write'],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `get()` returns a value accepted by `ok`, or fail at the deadline. */
async function until<T>(
  what: string,
  get: () => T | Thenable<T>,
  ok: (v: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last = await get();
  while (!ok(last)) {
    if (Date.now() > deadline)
      assert.fail(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await get();
  }
  return last;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const summary = (ds: vscode.Diagnostic[]): string[] =>
  ds.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();

describe('Python language server in VS Code', () => {
  let dir: string;
  const docs = new Map<string, vscode.TextDocument>();

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    dir = mkdtempSync(join(tmpdir(), 'swimlane-lsp-'));
    const tutorial = join(ext.extensionPath, 'test', 'fixtures', 'tutorial');
    for (const name of readdirSync(tutorial)) {
      copyFileSync(join(tutorial, name), join(dir, name));
      const doc = await vscode.workspace.openTextDocument(join(dir, name));
      assert.equal(doc.languageId, 'python');
      docs.set(name, doc);
    }
  });

  after(async () => {
    // A quick fix left its document dirty: revert it, so that nothing saves it into `dir`
    // again after the folder is removed.
    for (const doc of docs.values()) {
      if (!doc.isDirty) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the expected diagnostics on each of the tutorial's programs", async () => {
    // The programs with findings first: once those appear the server has analysed everything.
    const names = Object.keys(EXPECTED).sort((a, b) => EXPECTED[b].length - EXPECTED[a].length);
    for (const name of names) {
      const uri = docs.get(name)!.uri;
      const want = [...EXPECTED[name]].sort();
      const got = await until(
        name,
        () => summary(ours(uri)),
        (s) => s.join() === want.join(),
      );
      assert.deepEqual(got, want, name);
    }
    const [d] = ours(docs.get('ticket_without_lock.py')!.uri);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /^the file 'db\.txt' is read, changed and written back without a lock/);
    assert.ok(typeof d.code === 'object', 'the code links to a demo');
    assert.equal(d.code.target.scheme, 'command');
    assert.equal(d.code.target.path, 'concurrencySwimlane.runDemo');
    assert.deepEqual(JSON.parse(d.code.target.query), ['ticketWithoutLock']);
  });

  it('applies the with lock: quick fix and the diagnostic goes away', async () => {
    const doc = docs.get('ticket_without_lock.py')!;
    await vscode.window.showTextDocument(doc);
    const [d] = await until(
      'the race diagnostic',
      () => ours(doc.uri),
      (ds) => ds.length === 1,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Wrap in with lock:');
    assert.ok(fix?.edit, `quick fix offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(19).text, '    with lock:');
    assert.equal(doc.lineAt(20).text, '        get()');
    await until(
      'no diagnostics after the fix',
      () => ours(doc.uri).length,
      (n) => n === 0,
    );
  });

  it('turns a rule off with concurrencySwimlane.lint.disabledRules, and on again', async () => {
    const uri = docs.get('daemon_subclass.py')!.uri;
    const config = vscode.workspace.getConfiguration('concurrencySwimlane.lint');
    const target = vscode.ConfigurationTarget.Workspace;
    await config.update('disabledRules', ['start-without-main-guard'], target);
    try {
      const got = await until(
        'the rule off',
        () => summary(ours(uri)),
        (s) => s.length === 1,
      );
      assert.deepEqual(got, ['7:attribute-before-super-init']);
    } finally {
      await config.update('disabledRules', undefined, target);
    }
    await until(
      'the rule on again',
      () => ours(uri).length,
      (n) => n === 2,
    );
  });

  it('provides the ▶ Visualize code lens running Trace Python File on the file', async () => {
    const doc = docs.get('print_with_lock.py')!;
    const lenses = await until(
      'the code lens',
      () =>
        vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          doc.uri,
        ),
      (ls) => (ls ?? []).some((l) => l.command?.command === 'concurrencySwimlane.traceFile'),
    );
    const lens = lenses.find((l) => l.command?.command === 'concurrencySwimlane.traceFile')!;
    assert.equal(lens.range.start.line, 9, "above if __name__ == '__main__':");
    assert.match(lens.command!.title, /^▶ (Visualize|可视化)$/);
    assert.equal(String(lens.command!.arguments?.[0]), doc.uri.toString());
  });

  it('hovers a multiprocessing API in English and Chinese', async () => {
    const doc = docs.get('print_with_lock.py')!;
    const at = new vscode.Position(1, doc.lineAt(1).text.indexOf('Lock') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      at,
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /mutex/);
    assert.match(text, /互斥锁/);
  });
});
