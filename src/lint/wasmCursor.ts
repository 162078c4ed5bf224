// A TreeCursor walk without web-tree-sitter's per-call marshalling. Each TreeCursor method
// copies the cursor's four words into wasm memory and back (eight DataView calls, and string
// switches in emscripten's setValue/getValue) around a one-line C call: for a tree copy that
// wrapper costs more than the walk itself. When the runtime's emscripten exports are at hand
// (adoptRuntime), the cursor state is put in the transfer buffer once, the C functions move it
// there, and it is copied back at the end. Otherwise the public TreeCursor is used. Pure.
import type { Tree, TreeCursor } from 'web-tree-sitter';

/** The cursor operations a tree copy uses (named as on web-tree-sitter's TreeCursor). */
export interface CursorOps {
  readonly nodeTypeId: number;
  readonly currentFieldId: number;
  readonly startIndex: number;
  readonly endIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

/** The C functions of tree-sitter.wasm this walk calls (web-tree-sitter 0.25's binding, shipped
 * as node_modules/web-tree-sitter/lib/tree-sitter.c): each reads the cursor's four words from
 * the transfer buffer (unmarshal_cursor), and the goto ones write them back (marshal_cursor).
 * test/unit/lintBigModule.unit.test.ts checks this walk against the public one. */
interface CursorFunctions {
  typeId(tree: number): number;
  fieldId(tree: number): number;
  start(tree: number): number;
  end(tree: number): number;
  first(tree: number): number;
  next(tree: number): number;
  parent(tree: number): number;
}

/** The emscripten module: its exports and its heap view (replaced when memory grows). */
interface Runtime {
  module: { HEAP32: Int32Array };
  fns: CursorFunctions;
  /** Word offset of the transfer buffer in HEAP32. */
  buffer: number;
}

let runtime: Runtime | undefined;

const EXPORTS: Record<keyof CursorFunctions, string> = {
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  start: '_ts_tree_cursor_start_index_wasm',
  end: '_ts_tree_cursor_end_index_wasm',
  first: '_ts_tree_cursor_goto_first_child_wasm',
  next: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
};

/** Use the exports emscripten put on `module` (the options object given to the first
 * Parser.init: it becomes the Module). Returns whether the fast walk is now on. */
export function adoptRuntime(module: object): boolean {
  if (runtime) return true;
  const m = module as Record<string, unknown>;
  const fns: Partial<Record<keyof CursorFunctions, (tree: number) => number>> = {};
  for (const [key, name] of Object.entries(EXPORTS)) {
    const f = m[name];
    if (typeof f !== 'function') return false;
    fns[key as keyof CursorFunctions] = f as (tree: number) => number;
  }
  const init = m._ts_init;
  if (typeof init !== 'function' || !(m.HEAP32 instanceof Int32Array)) return false;
  // ts_init only (re)writes two version words into the transfer buffer and returns its address.
  const address = (init as () => number)();
  runtime = { module: m as Runtime['module'], fns: fns as CursorFunctions, buffer: address >> 2 };
  return true;
}

/** Whether walks use the wasm exports (adoptRuntime succeeded), not the public TreeCursor. */
export function fastWalkOn(): boolean {
  return runtime !== undefined;
}

/** A cursor whose state lives in the transfer buffer while a walk runs. */
class BufferCursor implements CursorOps {
  constructor(
    private readonly fns: CursorFunctions,
    private readonly tree: number,
  ) {}

  get nodeTypeId(): number {
    return this.fns.typeId(this.tree);
  }

  get currentFieldId(): number {
    return this.fns.fieldId(this.tree);
  }

  get startIndex(): number {
    return this.fns.start(this.tree);
  }

  get endIndex(): number {
    return this.fns.end(this.tree);
  }

  gotoFirstChild(): boolean {
    return this.fns.first(this.tree) === 1;
  }

  gotoNextSibling(): boolean {
    return this.fns.next(this.tree) === 1;
  }

  gotoParent(): boolean {
    return this.fns.parent(this.tree) === 1;
  }
}

/** web-tree-sitter's handles: a cursor's four state words, a tree's address. */
type Handles = Record<0 | 1 | 2 | 3, number>;

/** Run `walk` with a cursor at the root of `tree` (freed afterwards). `fast` false forces the
 * public TreeCursor (tests compare the two). `walk` must not call web-tree-sitter meanwhile. */
export function withCursor<T>(tree: Tree, walk: (cursor: CursorOps) => T, fast = true): T {
  const cursor: TreeCursor = tree.walk();
  try {
    const rt = runtime;
    if (!fast || !rt) return walk(cursor);
    const state = cursor as unknown as Handles;
    const b = rt.buffer;
    let heap = rt.module.HEAP32;
    heap[b] = state[0];
    heap[b + 1] = state[1];
    heap[b + 2] = state[2];
    heap[b + 3] = state[3];
    try {
      return walk(new BufferCursor(rt.fns, (tree as unknown as Handles)[0]));
    } finally {
      // The walk may have grown wasm memory (a deeper cursor stack): take the current view.
      heap = rt.module.HEAP32;
      state[0] = heap[b];
      state[1] = heap[b + 1];
      state[2] = heap[b + 2];
      state[3] = heap[b + 3];
    }
  } finally {
    cursor.delete();
  }
}
