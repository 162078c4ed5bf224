// Re-copy after an edit: the module's top-level statements that no edit touched and whose
// structure tree-sitter reports unchanged (Tree.getChangedRanges) are reused from the previous
// copy, shifted to their new offsets; only the others are copied from the tree again. Pure.
import type { Tree } from 'web-tree-sitter';
import { sourceOf, type SyntaxNode } from './syntaxTree';
import { SubtreeCopier } from './treeCopy';
import { withCursor } from './wasmCursor';

/** One text edit, in UTF-16 offsets: [start, oldEnd) became [start, newEnd). */
export interface TextEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
}

/** The copy of an earlier version, and what changed since (edits in order, and the ranges of
 * the current text that were edited or whose structure changed). */
export interface CopyBase {
  root: SyntaxNode;
  edits: TextEdit[];
  dirty: [start: number, end: number][];
}

/** Record edit `e` in `base`: earlier dirty ranges follow the text, the edited span is dirty. */
export function recordEdit(base: CopyBase, e: TextEdit): void {
  const delta = e.newEndIndex - e.oldEndIndex;
  base.dirty = base.dirty.map(([a, b]): [number, number] => {
    if (b < e.startIndex) return [a, b];
    if (a > e.oldEndIndex) return [a + delta, b + delta];
    return [Math.min(a, e.startIndex), b > e.oldEndIndex ? b + delta : e.newEndIndex];
  });
  base.dirty.push([e.startIndex, e.newEndIndex]);
  base.edits.push(e);
}

/** Where [start, end) of the old text is now, or undefined if an edit touched it. */
function follow(edits: readonly TextEdit[], start: number, end: number): number | undefined {
  let s = start;
  for (const e of edits) {
    if (s + (end - start) < e.startIndex) continue;
    if (s > e.oldEndIndex) s += e.newEndIndex - e.oldEndIndex;
    else return undefined;
  }
  return s;
}

/** Copy `tree` (parsed from `text`), reusing what it can of `base`; new nodes are numbered from
 * `nextId` (returned updated). The nodes of `base.root` it reuses move: that copy is spent. */
export function copyIncremental(
  tree: Tree,
  text: string,
  base: CopyBase,
  nextId: number,
): { root: SyntaxNode; nextId: number } {
  const reusable = new Map<number, SyntaxNode>();
  for (const old of base.root.namedChildren) {
    const at = follow(base.edits, old.startIndex, old.endIndex);
    if (at !== undefined) reusable.set(at, old);
  }
  const clean = (a: number, b: number): boolean => !base.dirty.some(([x, y]) => x <= b && y >= a);
  const source = sourceOf(text);
  return withCursor(tree, (cursor) => {
    const copier = new SubtreeCopier(cursor, tree.language, source, nextId);
    const root = copier.make(cursor.nodeTypeId);
    if (cursor.gotoFirstChild()) {
      do {
        const typeId = cursor.nodeTypeId;
        if (!copier.isNamed(typeId)) continue;
        const start = cursor.startIndex;
        const old = reusable.get(start);
        const end = cursor.endIndex;
        const field = copier.fieldName();
        if (
          old &&
          old.endIndex - old.startIndex === end - start &&
          old.type === copier.typeName(typeId) &&
          clean(start, end)
        ) {
          old.rebase(start - old.startIndex, source);
          root.add(old, field);
        } else root.add(copier.copy(), field);
      } while (cursor.gotoNextSibling());
    }
    return { root, nextId: copier.nextId };
  });
}
