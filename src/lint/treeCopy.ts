// Copies a tree-sitter tree into plain SyntaxNodes in one TreeCursor walk. Each cursor call
// crosses into wasm, so the walk asks as little as it can: node kinds come from a per-language
// table, and it does not step into tokens, identifiers or strings (the rules read their text). Pure.
import type { Language, Tree } from 'web-tree-sitter';
import { sourceOf, SyntaxNode, type Source } from './syntaxTree';
import { withCursor, type CursorOps } from './wasmCursor';

/** Named node types that never have named children (tokens, `pass`…), and `string`, whose
 * parts the rules never read: the copy does not step into them. */
const LEAVES = new Set([
  'identifier',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comment',
  'ellipsis',
  'string',
  'pass_statement',
  'break_statement',
  'continue_statement',
]);

/** Per node type id of a language: its name, whether it is named, whether to step into it,
 * and its name's slot (ids sharing a name share a slot; `slotNames` has one per slot); and the
 * field names by field id. All names are interned (see interned). */
interface TypeTable {
  names: string[];
  fields: (string | null)[];
  named: boolean[];
  leaf: boolean[];
  slot: number[];
  slotNames: string[];
}

const typeTables = new WeakMap<Language, TypeTable>();

/** `s` as V8's interned copy (the one a property key or a literal uses). web-tree-sitter reads
 * names out of wasm memory as fresh strings; the rules compare node types and fields with
 * literals millions of times, and interned strings compare by pointer. */
function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0];
}

/** The type table of `language` (built once: node type questions then cost no wasm call). */
function typeTable(language: Language): TypeTable {
  let t = typeTables.get(language);
  if (!t) {
    const fields = language.fields.map((f) => (f === null ? null : interned(f)));
    t = { names: [], fields, named: [], leaf: [], slot: [], slotNames: ['ERROR'] };
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const name = interned(language.nodeTypeForId(id) ?? 'ERROR');
      const named = language.nodeTypeIsNamed(id);
      t.names.push(name);
      t.named.push(named);
      // Anonymous nodes are tokens: no children to visit.
      t.leaf.push(!named || LEAVES.has(name));
      let slot = t.slotNames.indexOf(name);
      if (slot < 0) slot = t.slotNames.push(name) - 1;
      t.slot.push(slot);
    }
    typeTables.set(language, t);
  }
  return t;
}

/** Copies subtrees at a TreeCursor into SyntaxNodes, numbering new nodes from `nextId`. */
export class SubtreeCopier {
  private readonly types: TypeTable;
  private readonly fields: (string | null)[];
  /** Nodes made so far by type slot, when indexing (see indexNodes). */
  private bySlot: (SyntaxNode[] | undefined)[] | undefined;

  constructor(
    private readonly cursor: CursorOps,
    language: Language,
    private readonly source: Source,
    /** The id the next node made gets. */
    public nextId = 0,
  ) {
    this.types = typeTable(language);
    this.fields = this.types.fields;
  }

  /** Type name of the cursor's node (ERROR and other ids past the table included). */
  typeName(typeId: number): string {
    return this.types.names[typeId] ?? 'ERROR';
  }

  /** Whether nodes of `typeId` are named (ids past the table, like ERROR's, are). */
  isNamed(typeId: number): boolean {
    return this.types.named[typeId] ?? true;
  }

  /** The field name of the cursor's node in its parent, or null. */
  fieldName(): string | null {
    return this.fields[this.cursor.currentFieldId] ?? null;
  }

  /** Copy the cursor's (named) node and its named descendants; the cursor ends where it began. */
  copy(): SyntaxNode {
    const { cursor, types, fields } = this;
    const root = this.make(cursor.nodeTypeId);
    if (types.leaf[cursor.nodeTypeId] || !cursor.gotoFirstChild()) return root;
    // Anonymous nodes (punctuation, keywords) are skipped but their named descendants kept.
    // The children of the open nodes are gathered in `kids` (each from its `from` offset, up to
    // `top`) and copied out, exactly sized, when the node is left: no array grows per node.
    const kids: SyntaxNode[] = [];
    let top = 0;
    const stack: SyntaxNode[] = [root];
    /** Per open cursor level: the node it fills and where its children start in `kids`
     * (-1 for an anonymous node with children: they belong to the node around it). */
    const from: number[] = [0];
    const known = types.named.length;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      const parent = stack[stack.length - 1];
      let node = parent;
      if (typeId >= known || types.named[typeId]) {
        node = this.make(typeId);
        node.parent = parent;
        node.field = fields[cursor.currentFieldId] ?? null;
        kids[top++] = node;
      }
      if (!(typeId < known && types.leaf[typeId]) && cursor.gotoFirstChild()) {
        stack.push(node);
        from.push(node === parent ? -1 : top);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        const done = stack.pop()!;
        const at = from.pop()!;
        if (at >= 0 && top > at) {
          done.namedChildren = kids.slice(at, top);
          top = at;
        }
        if (stack.length === 0) return root;
      }
    }
  }

  /** The cursor's node alone (no children); `typeId` is its type id. */
  make(typeId: number): SyntaxNode {
    const c = this.cursor;
    const node = new SyntaxNode(
      this.nextId++,
      this.typeName(typeId),
      c.startIndex,
      c.endIndex,
      this.source,
    );
    if (this.bySlot) {
      const slot = this.types.slot[typeId] ?? 0;
      const list = this.bySlot[slot];
      if (list) list.push(node);
      else this.bySlot[slot] = [node];
    }
    return node;
  }

  /** From now on, note each node made by its type (made in source order: a type index). */
  indexNodes(): void {
    this.bySlot = [];
  }

  /** The nodes made since indexNodes, by type name. */
  typeIndex(): Map<string, SyntaxNode[]> {
    const index = new Map<string, SyntaxNode[]>();
    const lists = this.bySlot ?? [];
    for (let slot = 0; slot < lists.length; slot++) {
      const list = lists[slot];
      if (list) index.set(this.types.slotNames[slot], list);
    }
    return index;
  }
}

/** Copy the named nodes of `tree` (parsed from `source`) into SyntaxNodes; returns the root
 * (`fast`: see copyTreeFrom). */
export function copyTree(tree: Tree, source: string, fast = true): SyntaxNode {
  return copyTreeFrom(tree, source, 0, fast).root;
}

/** copyTree numbering the nodes from `nextId`; returns the root and the next free id. `fast`
 * false walks with the public TreeCursor (see wasmCursor.ts; the same copy, only slower). */
export function copyTreeFrom(
  tree: Tree,
  source: string,
  nextId: number,
  fast = true,
): { root: SyntaxNode; nextId: number } {
  return withCursor(
    tree,
    (cursor) => {
      const copier = new SubtreeCopier(cursor, tree.language, sourceOf(source), nextId);
      copier.indexNodes();
      const root = copier.copy();
      root.setTypeIndex(copier.typeIndex());
      return { root, nextId: copier.nextId };
    },
    fast,
  );
}
