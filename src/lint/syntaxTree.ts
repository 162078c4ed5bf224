// A plain-JavaScript copy of the named nodes of a tree-sitter tree (made by treeCopy.ts).
// Every web-tree-sitter Node access crosses into wasm and allocates; the rules walk the tree
// many times, so they read this copy instead (and need no wasm memory to stay alive). Pure.
import type { Point } from 'web-tree-sitter';

/** The source a tree was parsed from, with its line start offsets (for positions). */
export interface Source {
  text: string;
  lineStarts: number[];
}

/** `text` with its line start offsets. */
export function sourceOf(text: string): Source {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { text, lineStarts };
}

/** Row and column (UTF-16 units) of offset `i`. */
function pointAt(src: Source, i: number): Point {
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: i - starts[lo] };
}

/** The children of every node without named children: one shared array, never written (add()
 * replaces it). Not frozen: iterating a frozen array allocates an iterator in optimised code. */
const NO_CHILDREN: readonly SyntaxNode[] = [];

/** One named syntax node: the subset of web-tree-sitter's Node API the rules use. */
export class SyntaxNode {
  /** Set once while building (a node without named children shares NO_CHILDREN). */
  namedChildren: readonly SyntaxNode[] = NO_CHILDREN;
  parent: SyntaxNode | null = null;
  /** The field this node fills in its parent (`function`, `body`…), or null. */
  field: string | null = null;
  private index: Map<string, SyntaxNode[]> | undefined;

  constructor(
    /** Unique within one copied tree (and among the nodes a document's copies share). */
    readonly id: number,
    readonly type: string,
    /** Offsets in UTF-16 units; shifted in place when an unchanged subtree is reused. */
    public startIndex: number,
    public endIndex: number,
    private source: Source,
  ) {}

  /** The source text the node covers. */
  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  /** Where the node starts (row, UTF-16 column). */
  get startPosition(): Point {
    return pointAt(this.source, this.startIndex);
  }

  /** Where the node ends. */
  get endPosition(): Point {
    return pointAt(this.source, this.endIndex);
  }

  /** The root of the tree. */
  get root(): SyntaxNode {
    return this.parent ? this.parent.root : this;
  }

  /** The `i`-th named child, or null. */
  namedChild(i: number): SyntaxNode | null {
    return this.namedChildren[i] ?? null;
  }

  /** The first named child in field `name` (e.g. `function`, `body`), or null. */
  childForFieldName(name: string): SyntaxNode | null {
    const children = this.namedChildren;
    for (let i = 0; i < children.length; i++) if (children[i].field === name) return children[i];
    return null;
  }

  /** Named descendants (not itself) of `type`, in source order. */
  descendantsOfType(type: string): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const visit = (n: SyntaxNode): void => {
      for (const c of n.namedChildren) {
        if (c.type === type) out.push(c);
        visit(c);
      }
    };
    visit(this);
    return out;
  }

  /** Itself and its named descendants of `type`, in source order; indexed on first use, so
   * call it on the root (the tree never changes). The root's index joins those of its
   * children, which stay cached on reused top-level statements (see incrementalCopy.ts). */
  ofType(type: string): readonly SyntaxNode[] {
    return this.typeIndex().get(type) ?? [];
  }

  private typeIndex(): Map<string, SyntaxNode[]> {
    if (this.index) return this.index;
    const index = new Map<string, SyntaxNode[]>([[this.type, [this]]]);
    if (this.parent) {
      const visit = (n: SyntaxNode): void => {
        for (const c of n.namedChildren) {
          const list = index.get(c.type);
          if (list) list.push(c);
          else index.set(c.type, [c]);
          visit(c);
        }
      };
      visit(this);
    } else {
      // (Map.forEach: a for-of over a Map makes an entry array per entry.)
      for (const c of this.namedChildren)
        c.typeIndex().forEach((nodes, t) => {
          const list = index.get(t);
          if (list) for (const n of nodes) list.push(n);
          else index.set(t, [...nodes]);
        });
    }
    this.index = index;
    return index;
  }

  /** The deepest named node that contains `offset`. */
  descendantForIndex(offset: number): SyntaxNode {
    const c = this.namedChildren.find((x) => x.startIndex <= offset && offset < x.endIndex);
    return c ? c.descendantForIndex(offset) : this;
  }

  /** An S-expression of the subtree with offsets and field names, e.g.
   * `(call@0-3 function: (identifier@0-1) arguments: (argument_list@1-3))` (tests, debugging). */
  toString(): string {
    const parts = this.namedChildren.map((c) =>
      c.field ? ` ${c.field}: ${c.toString()}` : ` ${c.toString()}`,
    );
    return `(${this.type}@${this.startIndex}-${this.endIndex}${parts.join('')})`;
  }

  /** @internal Reuse this subtree in a new version of the text: shift every offset by
   * `delta` and read text from `source` (building only). */
  rebase(delta: number, source: Source): void {
    this.startIndex += delta;
    this.endIndex += delta;
    this.source = source;
    for (const c of this.namedChildren) c.rebase(delta, source);
  }

  /** @internal The type index of a whole-tree copy, gathered while copying (building only).
   * Its children then have none: a re-copy after an edit builds theirs once, then keeps them
   * on reused statements. */
  setTypeIndex(index: Map<string, SyntaxNode[]>): void {
    this.index = index;
  }

  /** @internal Attach a child (building only). */
  add(child: SyntaxNode, field: string | null): void {
    child.parent = this;
    child.field = field;
    if (this.namedChildren === NO_CHILDREN) this.namedChildren = [child];
    else (this.namedChildren as SyntaxNode[]).push(child);
  }
}
