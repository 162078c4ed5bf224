// Incremental re-parsing, the "▶ Visualize" code lens, hovers and the LSP answers of the
// language server's session (diagnostic code links, quick-fix code actions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visualizeLensRange } from '../../src/lint/codeLens';
import { hoverAt } from '../../src/lint/hoverText';
import { ParsedDocument } from '../../src/lint/pythonParser';
import { LintSession } from '../../src/server/lintSession';
import { fixture, pythonParser, syntaxOf } from './lintHarness';

test('incremental re-parse after edits gives the same tree as parsing the new text', async () => {
  const parser = await pythonParser();
  const doc = new ParsedDocument(parser, fixture('tutorial/ticket_with_lock.py'));
  const edits = [
    { range: { start: { line: 20, character: 4 }, end: { line: 21, character: 9 } }, text: '' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# 票\n' },
    {
      range: { start: { line: 7, character: 48 }, end: { line: 7, character: 48 } },
      text: '\n\ndef x():\n    pass',
    },
    {
      range: { start: { line: 12, character: 8 }, end: { line: 12, character: 11 } },
      text: '余票',
    },
  ];
  for (const e of edits) {
    const before = doc.text;
    doc.update([e]);
    const fresh = parser.parse(doc.text)!;
    assert.equal(doc.tree.rootNode.toString(), fresh.rootNode.toString());
    assert.equal(doc.tree.rootNode.endIndex, doc.text.length);
    assert.notEqual(doc.text, before);
    assert.equal(doc.syntax.text, doc.text);
    fresh.delete();
  }
  assert.ok(doc.text.startsWith('# 票\n'));
  doc.dispose();
});

test('code lens sits on the main guard, else on the first start(); none without concurrency', async () => {
  const at = async (text: string): Promise<number | undefined> => {
    const r = visualizeLensRange(await syntaxOf(text));
    return r && r.start.line + 1;
  };
  assert.equal(await at(fixture('tutorial/print_with_lock.py')), 10);
  assert.equal(await at(fixture('tutorial/start_with_function.py')), 15);
  assert.equal(await at(fixture('tutorial/daemon_subclass.py')), 17);
  assert.equal(
    await at("import os\nif __name__ == '__main__':\n    print(os.getpid())\n"),
    undefined,
  );
});

test('hover: two lines, English then Chinese, only on concurrency APIs', async () => {
  const text = fixture('tutorial/queue_endless.py');
  const root = await syntaxOf(text);
  const hover = (needle: string, nth = 0): string[] | undefined => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    return hoverAt(root, i)?.lines.slice();
  };
  const process = hover('Process', 1)!;
  assert.equal(process.length, 2);
  assert.match(process[0], /new OS process/);
  assert.match(process[1], /进程/);
  assert.match(hover('get(')![0], /blocking while the queue is empty/);
  assert.match(hover('join(')![1], /阻塞/);
  assert.equal(hover('print'), undefined);
  assert.equal(hover('range'), undefined);
  assert.equal(hoverAt(await syntaxOf("d = {}\nd.get('x')\n"), 8), undefined);
});

test('server session: diagnostics link to the demo, quick fixes, lens command, edits', async () => {
  const session = new LintSession(await pythonParser(), 'en');
  const uri = 'file:///tmp/ticket.py';
  session.open(uri, 1, fixture('tutorial/ticket_without_lock.py'));
  const [d] = session.diagnostics(uri);
  assert.equal(d.code, 'unlocked-read-modify-write');
  assert.equal(d.severity, 2);
  assert.equal(d.source, 'Concurrency Swimlane');
  assert.equal(
    d.codeDescription?.href,
    'command:concurrencySwimlane.runDemo?%5B%22ticketWithoutLock%22%5D',
  );
  const [action] = session.codeActions(uri, [d]);
  assert.equal(action.title, 'Wrap in with lock:');
  assert.equal(action.edit?.changes?.[uri]?.[0].newText, '    with lock:\n        get()');
  assert.deepEqual(session.codeLenses(uri), [
    {
      range: { start: { line: 20, character: 0 }, end: { line: 24, character: 17 } },
      command: { title: '▶ Visualize', command: 'concurrencySwimlane.traceFile', arguments: [uri] },
    },
  ]);
  // An edit that adds the lock makes the diagnostic go away.
  session.change(uri, 2, [
    {
      range: { start: { line: 19, character: 4 }, end: { line: 19, character: 9 } },
      text: 'with lock:\n        get()',
    },
  ]);
  assert.deepEqual(session.diagnostics(uri), []);
  session.setDisabled(['unlocked-read-modify-write', 'no-such-rule']);
  session.change(uri, 3, [{ text: fixture('tutorial/ticket_without_lock.py') }]);
  assert.deepEqual(session.diagnostics(uri), []);
  const hover = session.hover(uri, { line: 2, character: 37 });
  assert.match(String((hover?.contents as { value: string }).value), /mutex[^]*\n\n[^]*互斥锁/);
  session.close(uri);
  assert.deepEqual(session.diagnostics(uri), []);
});
