// Rule 6: a read-modify-write of one file or shared object in a worker's target (or in a
// module function it calls) with no lock held: the tutorial's ticket race. Quick fix: wrap
// the statements (or the call) in `with lock:`. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import { calleesOf, fnName, type ModuleFacts, type Worker } from './facts';
import type { MessageParam, RawFinding } from './finding';
import {
  calleeName,
  descendants,
  isMethodStatement,
  kwarg,
  methodCall,
  positionalArgs,
  rangeOf,
  statementCall,
  statements,
  withLocks,
} from './syntax';
import { wrapStatements } from './withLockFix';

/** A read-modify-write: the first and last statement (siblings) and what it touches. */
interface Site {
  first: Node;
  last: Node;
  what: MessageParam;
}

/** `open(F, mode)`: F's text and whether the mode reads and/or writes. */
function openOf(call: Node): { file: string; read: boolean; write: boolean } | undefined {
  if (calleeName(call) !== 'open' || call.childForFieldName('function')?.type !== 'identifier')
    return undefined;
  const [file, modeArg] = positionalArgs(call);
  if (!file) return undefined;
  const modeNode = modeArg ?? kwarg(call, 'mode');
  const mode = modeNode ? modeNode.text.replace(/^[rbuRBU]*['"]|['"]$/g, '') : 'r';
  const plus = mode.includes('+');
  return { file: file.text, read: mode.includes('r') || plus, write: /[wax]/.test(mode) || plus };
}

/** The two sibling statements of the innermost block holding both `a` and `b`. */
function siblings(a: Node, b: Node): [Node, Node] | undefined {
  for (let s: Node | null = a; s; s = s.parent) {
    const blk = s.parent;
    if (!blk || (blk.type !== 'block' && blk.type !== 'module')) continue;
    if (b.startIndex < blk.startIndex || b.endIndex > blk.endIndex) continue;
    const t = statements(blk).find((x) => b.startIndex >= x.startIndex && b.endIndex <= x.endIndex);
    if (t) return [s, t];
  }
  return undefined;
}

/** Statement ancestor of `n` directly in a block. */
function stmtOf(n: Node): Node {
  let s = n;
  while (s.parent && s.parent.type !== 'block' && s.parent.type !== 'module') s = s.parent;
  return s;
}

/** Read-modify-write sites in `fn` (not looking into nested defs). */
function sites(fn: Node, shared: ReadonlySet<string>): Site[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const out: Site[] = [];
  const all = descendants(body, true);
  const opens: { call: Node; file: string; read: boolean; write: boolean }[] = [];
  for (const c of all) {
    const o = c.type === 'call' ? openOf(c) : undefined;
    if (o) opens.push({ call: c, ...o });
  }
  for (const r of opens.filter((o) => o.read && !o.write)) {
    const w = opens.find(
      (o) => o.write && o.file === r.file && o.call.startIndex > r.call.startIndex,
    );
    const pair = w && siblings(r.call, w.call);
    if (pair)
      out.push({
        first: pair[0],
        last: pair[1],
        what: { en: `the file ${r.file}`, zh: `文件 ${r.file}` },
      });
  }
  const globals = new Set(
    all
      .filter((n) => n.type === 'global_statement')
      .flatMap((g) => g.namedChildren.map((c) => c?.text ?? '')),
  );
  for (const a of all) {
    if (a.type !== 'augmented_assignment') continue;
    const left = a.childForFieldName('left');
    if (!left) continue;
    const root = left.text.split(/[.[]/)[0];
    const isShared =
      (left.type === 'attribute' && left.childForFieldName('attribute')?.text === 'value') ||
      (left.type === 'identifier' && globals.has(left.text)) ||
      (left.type !== 'identifier' && shared.has(root));
    if (!isShared) continue;
    const s = guardedBy(stmtOf(a), root, fn);
    out.push({ first: s, last: s, what: left.text });
  }
  return out;
}

/** The `if` around `stmt` that tests the same variable (`if tickets > 0: tickets -= 1`): the
 * check is part of the read-modify-write. */
function guardedBy(stmt: Node, name: string, fn: Node): Node {
  let s = stmt;
  for (;;) {
    const ifs =
      s.parent?.parent?.type === 'if_statement' ? s.parent.parent : s.parent?.parent?.parent;
    if (!ifs || ifs.type !== 'if_statement' || ifs.id === fn.id) return s;
    const cond = ifs.childForFieldName('condition')?.text ?? '';
    if (!new RegExp(`\\b${name.replace(/\W/g, '')}\\b`).test(cond)) return s;
    s = ifs;
  }
}

/** Whether `stmt` is `if …: lock.acquire()` (a lock taken on a condition, e.g. a --lock flag). */
function conditionalAcquire(stmt: Node): boolean {
  const body = stmt.type === 'if_statement' ? stmt.childForFieldName('consequence') : null;
  return (
    !!body &&
    statements(body).some((t) => {
      const call = statementCall(t);
      return !!call && methodCall(call)?.method === 'acquire';
    })
  );
}

/** Whether `n` (inside `fn`) runs with a lock held: in `with lock:`, after `lock.acquire()` or
 * after `if …: lock.acquire()` (and no release in between). */
function lockedAt(n: Node, fn: Node): boolean {
  for (let s: Node | null = n; s && s.id !== fn.id; s = s.parent) {
    if (s.type === 'with_statement' && withLocks(s).length > 0) return true;
    const blk = s.parent;
    if (blk?.type !== 'block') continue;
    const before = statements(blk).filter((x) => x.endIndex <= s!.startIndex);
    for (let i = before.length - 1; i >= 0; i--) {
      if (conditionalAcquire(before[i])) return true;
      const call = statementCall(before[i]);
      const obj = call?.childForFieldName('function')?.childForFieldName('object')?.text;
      if (!obj) continue;
      if (isMethodStatement(before[i], obj, 'release')) break;
      if (isMethodStatement(before[i], obj, 'acquire')) return true;
    }
  }
  return false;
}

/** The first unlocked site reached from `fn`, following unlocked calls to module functions. */
function unlockedSite(
  facts: ModuleFacts,
  fn: Node,
  shared: ReadonlySet<string>,
  seen: Set<number>,
): Site | undefined {
  if (seen.has(fn.id)) return undefined;
  seen.add(fn.id);
  const own = sites(fn, shared).find((s) => !lockedAt(s.first, fn));
  if (own) return own;
  for (const { call, fn: callee } of calleesOf(facts, fn)) {
    if (lockedAt(call, fn)) continue;
    const s = unlockedSite(facts, callee, new Set(), seen);
    if (s) return { first: stmtOf(call), last: stmtOf(call), what: s.what };
  }
  return undefined;
}

/** A lock the target can use: `v.get_lock()` for a shared Value, a parameter named like a
 * lock, else (threads only: processes do not share module globals) a module-level Lock(). */
function lockName(
  facts: ModuleFacts,
  target: Node,
  w: Worker,
  what: MessageParam,
): string | undefined {
  if (typeof what === 'string' && what.endsWith('.value')) return `${what.slice(0, -6)}.get_lock()`;
  const params = target.childForFieldName('parameters')?.namedChildren ?? [];
  const p = params.map((x) => x?.text.split(/[:=]/)[0].trim() ?? '').find((t) => /lock/i.test(t));
  if (p) return p;
  if (w.kind === 'process') return undefined;
  for (const a of facts.root.ofType('assignment')) {
    if (a.childForFieldName('left')?.type !== 'identifier') continue;
    const right = a.childForFieldName('right');
    if (right?.type === 'call' && ['Lock', 'RLock'].includes(calleeName(right)))
      return a.childForFieldName('left')?.text;
  }
  return undefined;
}

/** Rule 6, for every worker target of the module. */
export function unlockedReadModifyWrite(
  facts: ModuleFacts,
  lines: readonly string[],
): RawFinding[] {
  const out: RawFinding[] = [];
  const done = new Set<number>();
  const targets = new Map<number, Worker>();
  for (const w of facts.workers)
    if (w.target && !targets.has(w.target.id)) targets.set(w.target.id, w);
  for (const w of targets.values()) {
    const target = w.target!;
    const params = target.childForFieldName('parameters')?.namedChildren ?? [];
    const shared = new Set(params.map((p) => p?.text ?? '').filter((t) => t !== 'self'));
    const site = unlockedSite(facts, target, shared, new Set());
    if (!site || done.has(site.first.id)) continue;
    done.add(site.first.id);
    const lock = lockName(facts, target, w, site.what);
    const kind =
      w.kind === 'process' ? { en: 'processes', zh: '进程' } : { en: 'threads', zh: '线程' };
    out.push({
      ruleId: 'unlocked-read-modify-write',
      range: { start: rangeOf(site.first).start, end: rangeOf(site.last).end },
      params: { what: site.what, fn: fnName(target), kind },
      fix: lock ? wrapStatements(lines, lock, site.first, site.last) : undefined,
    });
  }
  return out;
}
