// Small, pure helpers over a tree-sitter Python syntax tree: ranges, walking, calls, scopes.
import type { SyntaxNode as Node } from './syntaxTree';

/** A zero-based position, in UTF-16 code units like LSP and web-tree-sitter. */
export interface Pos {
  line: number;
  character: number;
}

/** A half-open text range. */
export interface Range {
  start: Pos;
  end: Pos;
}

/** The range a node covers. */
export function rangeOf(node: Node): Range {
  const start = node.startPosition;
  const end = node.endPosition;
  return {
    start: { line: start.row, character: start.column },
    end: { line: end.row, character: end.column },
  };
}

/** Push the named descendants of `n` (of `type` only, if given) onto `out`, depth first. */
function collect(n: Node, skipNestedDefs: boolean, type: string | undefined, out: Node[]): void {
  for (const c of n.namedChildren) {
    if (skipNestedDefs && isDef(c)) continue;
    if (type === undefined || c.type === type) out.push(c);
    collect(c, skipNestedDefs, type, out);
  }
}

/** Every named descendant of `node` (itself included), depth first, in source order. */
export function descendants(node: Node, skipNestedDefs = false): Node[] {
  const out = [node];
  collect(node, skipNestedDefs, undefined, out);
  return out;
}

/** True for function and class definitions (new scopes). */
export function isDef(n: Node): boolean {
  return n.type === 'function_definition' || n.type === 'class_definition';
}

/** All call nodes under `node` (itself included), not looking into nested defs when asked. */
export function callsIn(node: Node, skipNestedDefs = false): Node[] {
  const out = node.type === 'call' ? [node] : [];
  collect(node, skipNestedDefs, 'call', out);
  return out;
}

/** A method call `obj.method(...)`: its object text and method name, else undefined. */
export function methodCall(call: Node): { object: string; method: string } | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const obj = fn.childForFieldName('object');
  const attr = fn.childForFieldName('attribute');
  if (!obj || !attr) return undefined;
  return { object: obj.text, method: attr.text };
}

/** The method name of a method call `obj.method(...)` (methodCall's `method`, without making
 * the object's text), else undefined. */
export function calledMethod(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const attr = fn.childForFieldName('attribute');
  if (!fn.childForFieldName('object') || !attr) return undefined;
  return attr.text;
}

/** Last dotted segment of what a call calls: `mp.Process(...)` → `Process`. */
export function calleeName(call: Node): string {
  const fn = call.childForFieldName('function');
  if (!fn) return '';
  if (fn.type === 'attribute') return fn.childForFieldName('attribute')?.text ?? '';
  return fn.text;
}

/** The value node of keyword argument `name` of a call. */
export function kwarg(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)
      return a.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** Positional (non-keyword) arguments of a call. */
export function positionalArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).filter(
    (a): a is Node => !!a && a.type !== 'keyword_argument' && a.type !== 'comment',
  );
}

/** Nearest ancestor of one of the given types. */
export function ancestor(node: Node, ...types: string[]): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return p;
  return undefined;
}

/** `if __name__ == '__main__':` (either operand order, either quote). */
export function isMainGuard(n: Node): boolean {
  if (n.type !== 'if_statement') return false;
  const c = n.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
  return /^(__name__==['"]__main__['"]|['"]__main__['"]==__name__)$/.test(c);
}

/** True when `node` runs on import: outside any def, class and main guard. */
export function atModuleLevel(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (isDef(p) || isMainGuard(p)) return false;
  return true;
}

/** The statement holding `node`: the ancestor-or-self whose parent is a block or module. */
export function statementOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}

/** The call of an expression statement that is just a call (`x.acquire()`), else undefined. */
export function statementCall(stmt: Node): Node | undefined {
  if (stmt.type !== 'expression_statement') return undefined;
  const e = stmt.namedChild(0);
  return e?.type === 'call' ? e : undefined;
}

/** Whether `stmt` is the statement `<object>.<method>(...)`. */
export function isMethodStatement(stmt: Node, object: string, method: string): boolean {
  const call = statementCall(stmt);
  const m = call && methodCall(call);
  return !!m && m.object === object && m.method === method;
}

/** The named statements of a block or module. */
export function statements(block: Node): Node[] {
  const out: Node[] = [];
  for (const c of block.namedChildren) if (c.type !== 'comment') out.push(c);
  return out;
}

/** Leading whitespace of the line `line` of `text`. */
export function indentOf(lines: readonly string[], line: number): string {
  return /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
}

/** Whether a with-item expression looks like a lock (not `open(...)` or another call). */
export function isLockExpr(e: Node): boolean {
  if (e.type === 'identifier' || e.type === 'attribute') return true;
  return e.type === 'call' && calleeName(e) === 'get_lock';
}

/** Lock expressions of a `with` statement's items (`with a, b:` → [a, b]). */
export function withLocks(w: Node): Node[] {
  const clause = w.namedChildren.find((c) => c?.type === 'with_clause');
  const out: Node[] = [];
  for (const item of clause?.namedChildren ?? []) {
    let v = item?.childForFieldName('value');
    if (v?.type === 'as_pattern') v = v.namedChild(0);
    if (v && isLockExpr(v)) out.push(v);
  }
  return out;
}
