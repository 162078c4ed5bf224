// The incremental copy after edits: reused top-level statements plus re-copied ones must give
// exactly the tree, and the diagnostics, of a fresh parse of the new text (random edits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, mayHaveFindings } from '../../src/lint/analyse';
import { ParsedDocument, type RangeChange } from '../../src/lint/pythonParser';
import { fixture, lint, pythonParser, syntaxOf } from './lintHarness';

const SOURCES = [
  'tutorial/ticket_without_lock.py',
  'lint/acquire_release.py',
  'lint/lock_order.py',
  'lint/race_threads.py',
  'lint/endless_consumer.py',
  'lint/daemon_after_start.py',
  'lint/attr_before_super.py',
  'lint/args_not_tuple.py',
];

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '',
  ' ',
  '\n',
  'x',
  '(',
  ')',
  ':',
  '    ',
  "'",
  '#',
  '\n\ndef g():\n    ',
  'lock.acquire()\n',
  'with lock:\n    ',
];

/** The line/character of offset `i` in `text`. */
function posAt(text: string, i: number): { line: number; character: number } {
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A random edit of `text`: replace up to 30 characters somewhere with a snippet. */
function randomEdit(text: string, rnd: () => number): RangeChange {
  const start = Math.floor(rnd() * (text.length + 1));
  const end = Math.min(text.length, start + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 30)));
  const snippet = SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
  return { range: { start: posAt(text, start), end: posAt(text, end) }, text: snippet };
}

test('incremental copy after random edits equals a fresh copy, and so do the diagnostics', async () => {
  const parser = await pythonParser();
  const rnd = random(20261128);
  const doc = new ParsedDocument(parser, SOURCES.map((f) => fixture(f)).join('\n'));
  let reused = 0;
  for (let step = 0; step < 120; step++) {
    const before = new Set(doc.syntax.namedChildren.map((n) => n.id));
    // Sometimes two updates (of one or two changes) before the copy is asked for again.
    const updates = rnd() < 0.3 ? 2 : 1;
    for (let u = 0; u < updates; u++) {
      const first = randomEdit(doc.text, rnd);
      doc.update([first]);
    }
    const fresh = await syntaxOf(doc.text);
    assert.equal(doc.syntax.toString(), fresh.toString(), `step ${step}: tree`);
    assert.equal(doc.syntax.text, doc.text);
    reused += doc.syntax.namedChildren.filter((n) => before.has(n.id)).length;
    const opts = { lang: 'en' as const };
    assert.deepEqual(
      analyse(doc.syntax, doc.text, opts),
      analyse(fresh, doc.text, opts),
      `step ${step}: diagnostics`,
    );
  }
  // Most top-level statements survive an edit elsewhere: the copy really is incremental.
  assert.ok(reused > 120 * 10, `only ${reused} top-level statements reused`);
  doc.dispose();
});

test('an edit inside one function re-copies only that statement', async () => {
  const parser = await pythonParser();
  const text =
    'import threading\n\ndef a():\n    x = 1\n\ndef b():\n    y = 2\n\ndef c():\n    z = 3\n';
  const doc = new ParsedDocument(parser, text);
  const [imp, a, b, c] = doc.syntax.namedChildren;
  doc.update([
    { range: { start: { line: 6, character: 8 }, end: { line: 6, character: 9 } }, text: '22' },
  ]);
  const after = doc.syntax.namedChildren;
  assert.deepEqual(
    after.map((n) => n.id === imp.id || n.id === a.id || n.id === c.id),
    [true, true, false, true],
  );
  assert.notEqual(after[2].id, b.id);
  assert.equal(after[3].text, 'def c():\n    z = 3');
  assert.equal(after[3].startPosition.row, 8);
  assert.equal(after[2].text, 'def b():\n    y = 22');
  doc.dispose();
});

test('files no rule can flag are recognised without parsing; every fixture with findings is not', async () => {
  assert.equal(mayHaveFindings('import os\n\nprint(os.getpid())\n'), false);
  assert.equal(mayHaveFindings('withdraw = 1\nProcessor = None\n'), false);
  const files = [
    ...SOURCES,
    'tutorial/daemon_subclass.py',
    'lint/lock_order.py',
    'lint/main_guard.py',
  ];
  for (const f of files) {
    const text = fixture(f);
    assert.ok((await lint(text)).length > 0, `${f} has findings`);
    assert.equal(mayHaveFindings(text), true, f);
  }
});
