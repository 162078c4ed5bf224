// Builds the `with lock:` quick fix: statements re-indented under a new `with` line. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import type { Fix } from './finding';
import { indentOf } from './syntax';

const UNIT = '    ';

/**
 * Replace lines `fromLine`..`toLine` of `lines` with `with <lock>:` followed by the lines
 * `bodyFrom`..`bodyTo` indented one level (blank lines kept blank). Lines listed in
 * `drop` (releases the `with` now does) are deleted, or become `pass` where they are mapped
 * to true (the only statement of their block). An empty body becomes `pass`.
 */
export function wrapLines(
  lines: readonly string[],
  lock: string,
  span: { fromLine: number; toLine: number; bodyFrom: number; bodyTo: number },
  drop: ReadonlyMap<number, boolean> = new Map(),
): Fix {
  const indent = indentOf(lines, span.fromLine);
  const body: string[] = [];
  for (let i = span.bodyFrom; i <= span.bodyTo; i++) {
    const l = lines[i] ?? '';
    if (drop.get(i)) body.push(`${UNIT}${indentOf(lines, i)}pass`);
    else if (!drop.has(i)) body.push(l.trim() === '' ? '' : UNIT + l);
  }
  if (!body.some((l) => l.trim() !== '')) body.splice(0, body.length, `${indent}${UNIT}pass`);
  const end = lines[span.toLine] ?? '';
  return {
    kind: 'wrap-with-lock',
    lock,
    edits: [
      {
        range: {
          start: { line: span.fromLine, character: 0 },
          end: { line: span.toLine, character: end.replace(/\r$/, '').length },
        },
        newText: [`${indent}with ${lock}:`, ...body].join('\n'),
      },
    ],
  };
}

/** Wrap the statements `first`..`last` (siblings in one block) in `with <lock>:`. */
export function wrapStatements(
  lines: readonly string[],
  lock: string,
  first: Node,
  last: Node,
): Fix {
  const fromLine = first.startPosition.row;
  const toLine = last.endPosition.row;
  return wrapLines(lines, lock, { fromLine, toLine, bodyFrom: fromLine, bodyTo: toLine });
}

/** Split a document into lines (the fix builders index them by line number). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  return text.includes('\r') ? lines.map((l) => l.replace(/\r$/, '')) : lines;
}
