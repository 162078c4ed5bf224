// Lock rules: 5 acquire() without release() on every path (quick fix `with lock:`) and
// 9 lock-order inversion between two functions. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import type { RawFinding } from './finding';
import {
  calledMethod,
  descendants,
  isDef,
  isMethodStatement,
  methodCall,
  rangeOf,
  statementCall,
  statements,
  withLocks,
} from './syntax';
import { wrapLines } from './withLockFix';

/** A `return`/`raise` (or a `break`/`continue` leaving the block) among `stmts`. */
function earlyExit(stmts: Node[]): Node | undefined {
  for (const s of stmts) {
    const found = descendants(s, true).find((n) => {
      if (n.type === 'return_statement' || n.type === 'raise_statement') return true;
      if (n.type !== 'break_statement' && n.type !== 'continue_statement') return false;
      for (let p = n.parent; p && p.id !== s.parent?.id; p = p.parent)
        if (p.type === 'for_statement' || p.type === 'while_statement') return false;
      return true;
    });
    if (found) return found;
  }
  return undefined;
}

/** Whether `stmt` is `try: … finally:` whose finally releases `lock`. */
function releasesInFinally(stmt: Node, lock: string): boolean {
  if (stmt.type !== 'try_statement') return false;
  const fin = stmt.namedChildren.find((c) => c?.type === 'finally_clause');
  return !!fin && descendants(fin).some((n) => isMethodStatement(n, lock, 'release'));
}

/** `if cond: lock.acquire()` … `finally: if cond: lock.release()`: a release (or a
 * try/finally releasing) after a statement enclosing the acquire's block, in the same function. */
function releasedAfterEnclosing(block: Node, lock: string): boolean {
  for (let s = block.parent; s && s.type !== 'function_definition' && s.type !== 'module';) {
    while (s.parent && s.parent.type !== 'block' && s.parent.type !== 'module') s = s.parent;
    const container = s.parent;
    if (!container) return false;
    const after = statements(container).filter((t) => t.startIndex >= s!.endIndex);
    if (after.some((t) => isMethodStatement(t, lock, 'release') || releasesInFinally(t, lock)))
      return true;
    s = container.parent;
  }
  return false;
}

/** Whether `s` is the statement `<object>.acquire()`. */
function isAcquire(s: Node): boolean {
  const call = statementCall(s);
  return !!call && calledMethod(call) === 'acquire';
}

/** Rule 5, over every block of the module. */
export function acquireWithoutRelease(root: Node, lines: readonly string[]): RawFinding[] {
  const out: RawFinding[] = [];
  for (const block of [root.ofType('module'), root.ofType('block')].flat()) {
    if (!block.namedChildren.some(isAcquire)) continue;
    const stmts = statements(block);
    stmts.forEach((s, i) => {
      const call = statementCall(s);
      const m = call && methodCall(call);
      if (!call || m?.method !== 'acquire') return;
      const lock = m.object;
      const rest = stmts.slice(i + 1);
      const r = rest.findIndex(
        (t) => isMethodStatement(t, lock, 'release') || releasesInFinally(t, lock),
      );
      const line = (n: Node): string => String(n.startPosition.row + 1);
      if (r >= 0) {
        if (releasesInFinally(rest[r], lock)) return;
        const exit = earlyExit(rest.slice(0, r));
        if (!exit) return;
        const why = {
          en: `${exit.text.split(/\s/)[0]} on line ${line(exit)} skips it`,
          zh: `第 ${line(exit)} 行的 ${exit.text.split(/\s/)[0]} 会跳过它`,
        };
        const release = rest[r];
        const fix = wrapLines(lines, lock, {
          fromLine: s.startPosition.row,
          toLine: release.endPosition.row,
          bodyFrom: s.endPosition.row + 1,
          bodyTo: release.startPosition.row - 1,
        });
        out.push({
          ruleId: 'acquire-without-release',
          range: rangeOf(call),
          params: { lock, why },
          fix,
        });
        return;
      }
      if (releasedAfterEnclosing(block, lock)) return;
      const nested = rest.flatMap((t) =>
        descendants(t, true).filter((n) => isMethodStatement(n, lock, 'release')),
      );
      const why = nested.length
        ? {
            en: `released only on some paths, line ${line(nested[0])}`,
            zh: `只在部分路径上释放，第 ${line(nested[0])} 行`,
          }
        : { en: 'never released here', zh: '这里从未释放' };
      const last = rest[rest.length - 1] ?? s;
      const fix = wrapLines(
        lines,
        lock,
        {
          fromLine: s.startPosition.row,
          toLine: last.endPosition.row,
          bodyFrom: s.endPosition.row + 1,
          bodyTo: last.endPosition.row,
        },
        new Map(
          nested.map((n) => [n.startPosition.row, !!n.parent && statements(n.parent).length < 2]),
        ),
      );
      out.push({
        ruleId: 'acquire-without-release',
        range: rangeOf(call),
        params: { lock, why },
        fix,
      });
    });
  }
  return out;
}

/** One nested acquisition: `inner` taken while `outer` is held, in function `fn`. */
interface OrderPair {
  outer: string;
  inner: string;
  at: Node;
  fn: string;
}

/** The name of a function, `Class.method` for methods. */
function qualifiedName(fn: Node): string {
  const name = fn.childForFieldName('name')?.text ?? '?';
  let p = fn.parent;
  while (p && p.type !== 'class_definition' && p.type !== 'function_definition') p = p.parent;
  const cls = p?.type === 'class_definition' ? p.childForFieldName('name')?.text : undefined;
  return cls ? `${cls}.${name}` : name;
}

/** Nested acquisitions in one function body. */
function orderPairs(fn: Node): OrderPair[] {
  const out: OrderPair[] = [];
  const name = qualifiedName(fn);
  // `held` lists are never changed in place: a statement that takes or drops a lock makes a new one.
  const scan = (block: Node, heldIn: readonly string[]): void => {
    let held = heldIn;
    for (const s of block.namedChildren) {
      if (s.type === 'comment' || isDef(s)) continue;
      if (s.type === 'with_statement') {
        let inner = held;
        for (const l of withLocks(s)) {
          for (const h of inner)
            if (h !== l.text) out.push({ outer: h, inner: l.text, at: l, fn: name });
          inner = [...inner, l.text];
        }
        const body = s.childForFieldName('body');
        if (body) scan(body, inner);
        continue;
      }
      const call = statementCall(s);
      const method = call && calledMethod(call);
      if (call && method === 'acquire') {
        const object = methodCall(call)!.object;
        for (const h of held)
          if (h !== object) out.push({ outer: h, inner: object, at: call, fn: name });
        held = [...held, object];
      } else if (call && method === 'release') {
        const object = methodCall(call)!.object;
        held = held.filter((h) => h !== object);
      } else {
        for (const c of s.namedChildren) {
          if (!c) continue;
          if (c.type === 'block') scan(c, held);
          else for (const b of c.namedChildren) if (b?.type === 'block') scan(b, held);
        }
      }
    }
  };
  const body = fn.childForFieldName('body');
  if (body) scan(body, []);
  return out;
}

/** Rule 9: function A nests lock y inside x while function B nests x inside y. */
export function lockOrderInversion(root: Node): RawFinding[] {
  const fns = root.ofType('function_definition');
  const pairs = fns.flatMap(orderPairs);
  const out: RawFinding[] = [];
  const seen = new Set<number>();
  for (const p of pairs) {
    const q = pairs.find((x) => x.fn !== p.fn && x.outer === p.inner && x.inner === p.outer);
    if (!q || seen.has(p.at.id)) continue;
    seen.add(p.at.id);
    out.push({
      ruleId: 'lock-order-inversion',
      range: rangeOf(p.at),
      params: { fn: p.fn, inner: p.inner, outer: p.outer, other: q.fn },
    });
  }
  return out;
}
