// Test helper: one shared Python parser (the real .wasm files from node_modules) and a
// function that analyses a fixture file or a source string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { analyse, type Diagnosis } from '../../src/lint/analyse';
import { createPythonParser } from '../../src/lint/pythonParser';
import type { SyntaxNode } from '../../src/lint/syntaxTree';
import { copyTree } from '../../src/lint/treeCopy';
import type { Lang, RuleId } from '../../src/lint/ruleCatalog';

/** The repository root (tests run from out/test/unit). */
export const root = join(__dirname, '../../..');

let parser: Promise<Parser> | undefined;

/** The shared parser, loaded once. */
export function pythonParser(): Promise<Parser> {
  parser ??= createPythonParser({
    runtime: join(root, 'node_modules/web-tree-sitter/tree-sitter.wasm'),
    python: join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
  });
  return parser;
}

/** Text of a fixture under test/fixtures. */
export function fixture(rel: string): string {
  return readFileSync(join(root, 'test/fixtures', rel), 'utf8');
}

/** Analyse Python source. */
export async function lint(
  text: string,
  lang: Lang = 'en',
  disabled: RuleId[] = [],
): Promise<Diagnosis[]> {
  const p = await pythonParser();
  const tree = p.parse(text);
  if (!tree) throw new Error('no tree');
  try {
    return analyse(copyTree(tree, text), text, { lang, disabled: new Set(disabled) });
  } finally {
    tree.delete();
  }
}

/** An expected diagnostic: 1-based lines, 0-based characters, as an editor shows them. */
export interface Expected {
  range: [startLine: number, startChar: number, endLine: number, endChar: number];
  code: RuleId;
  severity: 'error' | 'warning';
  message: string;
}

/** Assert the diagnostics field by field: count, then range, code, severity, message of each. */
export function assertDiagnostics(actual: Diagnosis[], expected: Expected[], label: string): void {
  const show = actual.map((d) => `${d.range.start.line + 1}:${d.ruleId}`).join(', ');
  assert.equal(actual.length, expected.length, `${label}: got [${show}]`);
  expected.forEach((e, i) => {
    const d = actual[i];
    const r = d.range;
    const got = [r.start.line + 1, r.start.character, r.end.line + 1, r.end.character];
    assert.deepEqual(got, e.range, `${label} #${i} range`);
    assert.equal(d.ruleId, e.code, `${label} #${i} code`);
    assert.equal(d.severity, e.severity, `${label} #${i} severity`);
    assert.equal(d.message, e.message, `${label} #${i} message`);
  });
}

/** Apply a fix's edits (non-overlapping) to `text`. */
export function applyEdits(
  text: string,
  edits: { range: Diagnosis['range']; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Parse `text` into a plain SyntaxNode tree. */
export async function syntaxOf(text: string): Promise<SyntaxNode> {
  const tree = (await pythonParser()).parse(text);
  if (!tree) throw new Error('no tree');
  try {
    return copyTree(tree, text);
  } finally {
    tree.delete();
  }
}
