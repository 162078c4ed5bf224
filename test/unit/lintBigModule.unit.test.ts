// The bench row's 2,000-line module (bench/lspModule.ts) pinned: its findings, and fingerprints
// of all of them recorded before the eighth session's speed-ups (docs/performance.md). And the
// fast cursor walk (src/lint/wasmCursor.ts) copying exactly what the public TreeCursor copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchModule } from '../../bench/lspModule';
import type { SyntaxNode } from '../../src/lint/syntaxTree';
import { copyTree } from '../../src/lint/treeCopy';
import { fastWalkOn } from '../../src/lint/wasmCursor';
import { fixture, lint, pythonParser, root } from './lintHarness';

/** A short fingerprint of `x`'s JSON. */
function fingerprint(x: unknown): string {
  return createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
}

test('the 2,000-line bench module: 397 findings, the same as before the speed-ups', async () => {
  const { text } = benchModule();
  const en = await lint(text, 'en');
  const counts: Record<string, number> = {};
  for (const d of en) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  assert.deepEqual(counts, {
    'unlocked-read-modify-write': 79,
    'acquire-without-release': 80,
    'attribute-before-super-init': 80,
    'args-not-tuple': 79,
    'start-without-main-guard': 79,
  });
  const first = en[0];
  assert.equal(first.ruleId, 'unlocked-read-modify-write');
  assert.deepEqual(first.range, {
    start: { line: 4, character: 4 },
    end: { line: 7, character: 45 },
  });
  assert.equal(first.fix?.title, 'Wrap in with lock:');
  assert.deepEqual(first.fix?.edits[0].range, {
    start: { line: 4, character: 0 },
    end: { line: 7, character: 45 },
  });
  const last = en[en.length - 1];
  assert.equal(last.ruleId, 'attribute-before-super-init');
  assert.deepEqual(last.range, {
    start: { line: 1993, character: 8 },
    end: { line: 1993, character: 17 },
  });
  // Every range, message and fix, as the analysis gave them before the eighth session.
  assert.equal(fingerprint(en), '600fbf995e59c464');
  assert.equal(fingerprint(await lint(text, 'zh')), '85a51008f9f32fd1');
});

/** Node ids, in pre-order. */
function ids(n: SyntaxNode, out: number[] = []): number[] {
  out.push(n.id);
  for (const c of n.namedChildren) ids(c, out);
  return out;
}

/** Assert `copy.ofType(t)` is, for every type `t` in the tree, the node itself if of type `t`
 * and then its descendants of type `t` in source order. */
function assertTypeIndex(copy: SyntaxNode, label: string): void {
  const types = new Set<string>();
  const visit = (n: SyntaxNode): void => {
    types.add(n.type);
    n.namedChildren.forEach(visit);
  };
  visit(copy);
  for (const t of types) {
    const want = [...(copy.type === t ? [copy] : []), ...copy.descendantsOfType(t)];
    assert.deepEqual(
      copy.ofType(t).map((n) => n.id),
      want.map((n) => n.id),
      `${label}: ${t}`,
    );
  }
}

test('the fast cursor walk copies exactly what the public TreeCursor walk copies', async () => {
  const parser = await pythonParser();
  assert.ok(fastWalkOn(), 'createPythonParser should have adopted the wasm exports');
  const big = benchModule().text;
  const sources: [string, string][] = [
    ['bench module', big],
    ['bench module, CRLF', big.replace(/\n/g, '\r\n')],
    // Cut mid-statement: ERROR and MISSING nodes.
    ...[777, 5000, 12345].map((n): [string, string] => [
      `bench module cut at ${n}`,
      big.slice(0, n),
    ]),
    ['non-ASCII', "# 票 🎟️\ns = '中文 🎉'\ndef f(锁):\n    锁.acquire()\n    print('✓', 锁)\n"],
    ['empty', ''],
  ];
  for (const dir of ['lint', 'tutorial'])
    for (const f of readdirSync(join(root, 'test/fixtures', dir)).sort())
      if (f.endsWith('.py')) sources.push([`${dir}/${f}`, fixture(`${dir}/${f}`)]);
  for (const [label, text] of sources) {
    const tree = parser.parse(text);
    if (!tree) throw new Error('no tree');
    try {
      const fast = copyTree(tree, text, true);
      const slow = copyTree(tree, text, false);
      assert.equal(fast.toString(), slow.toString(), label);
      assert.deepEqual(ids(fast), ids(slow), `${label}: ids`);
      assertTypeIndex(fast, label);
    } finally {
      tree.delete();
    }
  }
});
