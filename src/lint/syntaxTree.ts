// A plain-JavaScript copy of the named nodes of a tree-sitter tree, made in one TreeCursor walk.
// Every web-tree-sitter Node access crosses into wasm and allocates; the rules walk the tree
// many times, so they read this copy instead (and need no wasm memory to stay alive). Pure.
import type { Point, Tree } from 'web-tree-sitter';

/** The source a tree was parsed from, with its line start offsets (for positions). */
interface Source {
  text: string;
  lineStarts: number[];
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

/** One named syntax node: the subset of web-tree-sitter's Node API the rules use. */
export class SyntaxNode {
  readonly namedChildren: SyntaxNode[] = [];
  parent: SyntaxNode | null = null;
  private fields: Map<string, SyntaxNode> | undefined;
  private index: Map<string, SyntaxNode[]> | undefined;

  constructor(
    /** Unique within one copied tree (pre-order number). */
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: Source,
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
    return this.fields?.get(name) ?? null;
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
   * call it on the root (the tree never changes). */
  ofType(type: string): readonly SyntaxNode[] {
    if (!this.index) {
      const index = new Map<string, SyntaxNode[]>();
      const visit = (n: SyntaxNode): void => {
        const list = index.get(n.type);
        if (list) list.push(n);
        else index.set(n.type, [n]);
        for (const c of n.namedChildren) visit(c);
      };
      visit(this);
      this.index = index;
    }
    return this.index.get(type) ?? [];
  }

  /** The deepest named node that contains `offset`. */
  descendantForIndex(offset: number): SyntaxNode {
    const c = this.namedChildren.find((x) => x.startIndex <= offset && offset < x.endIndex);
    return c ? c.descendantForIndex(offset) : this;
  }

  /** @internal Attach a child (building only). */
  add(child: SyntaxNode, field: string | null): void {
    child.parent = this;
    this.namedChildren.push(child);
    if (field) {
      this.fields ??= new Map();
      if (!this.fields.has(field)) this.fields.set(field, child);
    }
  }
}

/** Copy the named nodes of `tree` (parsed from `source`) into SyntaxNodes; returns the root. */
export function copyTree(tree: Tree, source: string): SyntaxNode {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1))
    lineStarts.push(i + 1);
  const src: Source = { text: source, lineStarts };
  const cursor = tree.walk();
  let id = 0;
  const make = (): SyntaxNode =>
    new SyntaxNode(id++, cursor.nodeType, cursor.startIndex, cursor.endIndex, src);
  const root = make();
  // Anonymous nodes (punctuation, keywords) are skipped but their named descendants kept.
  const stack: SyntaxNode[] = [root];
  try {
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const parent = stack[stack.length - 1];
      let node = parent;
      if (cursor.nodeIsNamed) {
        node = make();
        parent.add(node, cursor.currentFieldName);
      }
      // The rules read a string's text, never its parts: skip string_start/content/end.
      if (node.type !== 'string' && cursor.gotoFirstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        stack.pop();
        if (stack.length === 0) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}
