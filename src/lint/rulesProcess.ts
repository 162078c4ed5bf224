// Rules about starting workers: 1 args not a tuple, 2 daemon after start, 3 no main guard,
// 4 a daemon process starting processes, 7 attributes set before super().__init__(). Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import { calleesOf, fnName, isDaemon, methodCalls, methodOf, type ModuleFacts } from './facts';
import type { MessageParam, RawFinding } from './finding';
import {
  ancestor,
  atModuleLevel,
  calledMethod,
  calleeName,
  callsIn,
  isDef,
  kwarg,
  methodCall,
  rangeOf,
  statements,
} from './syntax';

/** Rule 1: `args=(x)` where a tuple was meant; quick fix adds the comma. */
export function argsNotTuple(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  const ctors = new Set(facts.workers.map((w) => w.ctor.id));
  for (const call of facts.calls) {
    if (!ctors.has(call.id)) {
      const callee = calleeName(call);
      if (callee !== 'apply_async' && callee !== 'apply') continue;
    }
    const v = kwarg(call, 'args');
    if (v?.type !== 'parenthesized_expression') continue;
    const inner = v.namedChild(0);
    if (!inner || inner.type === 'parenthesized_expression') continue;
    const close = rangeOf(v).end;
    const at = { line: close.line, character: close.character - 1 };
    out.push({
      ruleId: 'args-not-tuple',
      range: rangeOf(v),
      params: { arg: v.text, inner: inner.text },
      fix: { kind: 'add-tuple-comma', edits: [{ range: { start: at, end: at }, newText: ',' }] },
    });
  }
  return out;
}

/** The scope a node runs in: its function, else the module. */
function scopeOf(n: Node): Node {
  return ancestor(n, 'function_definition') ?? n.root;
}

/** Rule 2: `p.daemon = True` after `p.start()` in the same scope. */
export function daemonAfterStart(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  const names = new Set(facts.workers.map((w) => w.name).filter((n): n is string => !!n));
  for (const name of names) {
    const starts = methodCalls(facts, name, 'start');
    for (const a of facts.daemonSets.get(name) ?? []) {
      const late = starts.some(
        (s) => scopeOf(s).id === scopeOf(a).id && s.startIndex < a.startIndex,
      );
      if (late) out.push({ ruleId: 'daemon-after-start', range: rangeOf(a), params: { name } });
    }
  }
  return out;
}

/** Rule 3: a Process started at module level, outside `if __name__ == '__main__':`. */
export function startWithoutMainGuard(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  for (const call of facts.calls) {
    if (calledMethod(call) !== 'start') continue;
    const m = methodCall(call);
    if (m?.method !== 'start' || !atModuleLevel(call)) continue;
    const obj = call.childForFieldName('function')?.childForFieldName('object');
    const isProcess = facts.workers.some(
      (w) => w.kind === 'process' && (w.name === m.object || w.ctor.id === obj?.id),
    );
    if (isProcess)
      out.push({
        ruleId: 'start-without-main-guard',
        range: rangeOf(call),
        params: { name: m.object },
      });
  }
  return out;
}

/** Start calls of processes (and Pool creations) in `fn`, and in module functions it calls. */
function processStarts(facts: ModuleFacts, fn: Node, seen = new Set<number>()): Node[] {
  if (seen.has(fn.id)) return [];
  seen.add(fn.id);
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const found = callsIn(body, true).filter((c) => {
    if (calleeName(c) === 'Pool') return true;
    const m = methodCall(c);
    if (m?.method !== 'start') return false;
    const obj = c.childForFieldName('function')?.childForFieldName('object');
    return facts.workers.some(
      (w) => w.kind === 'process' && (w.name === m.object || w.ctor.id === obj?.id),
    );
  });
  for (const { fn: callee } of calleesOf(facts, fn))
    found.push(...processStarts(facts, callee, seen));
  return found;
}

/** Rule 4: the target of a daemon process starts processes. */
export function daemonStartsChildren(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  const reported = new Set<number>();
  for (const w of facts.workers) {
    if (w.kind !== 'process' || !w.target || !isDaemon(facts, w)) continue;
    for (const call of processStarts(facts, w.target)) {
      if (reported.has(call.id)) continue;
      reported.add(call.id);
      out.push({
        ruleId: 'daemon-starts-children',
        range: rangeOf(call),
        params: { fn: fnName(w.target), name: w.name ?? calleeName(w.ctor) },
      });
    }
  }
  return out;
}

/** Whether a statement calls the base initialiser: `super().__init__(…)` or `Base.__init__(self…)`. */
function callsBaseInit(stmt: Node): boolean {
  return callsIn(stmt, true).some((c) => methodCall(c)?.method === '__init__');
}

/** Why assigning `self.<attr>` before the base initialiser is wrong, per language. */
function initDetail(attr: string, kind: 'process' | 'thread'): MessageParam {
  if (kind === 'process' && attr === 'name')
    return {
      en: ": Process.__init__ then overwrites it (the tutorial's self.name).",
      zh: '：Process.__init__ 随后会覆盖它（教程中的 self.name）。',
    };
  if (kind === 'thread' && ['name', 'daemon'].includes(attr))
    return {
      en: ': Thread.__init__ has not set up the thread yet, so this raises.',
      zh: '：Thread.__init__ 还没有初始化线程，这里会报错。',
    };
  return {
    en: ': until then the object is only half set up.',
    zh: '：在此之前对象只初始化了一半。',
  };
}

/** Rule 7: in a Process/Thread subclass's `__init__`, `self.x = …` before the base `__init__`. */
export function attributeBeforeSuperInit(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  for (const [, cls] of facts.classes) {
    const init = methodOf(cls.node, '__init__');
    const body = init?.childForFieldName('body');
    if (!body) continue;
    const stmts = statements(body);
    const baseAt = stmts.findIndex(callsBaseInit);
    if (baseAt < 0) continue;
    for (const s of stmts.slice(0, baseAt)) {
      if (isDef(s)) continue;
      for (const a of [s, ...s.descendantsOfType('assignment')]) {
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self')
          continue;
        const attr = left.childForFieldName('attribute')?.text ?? '?';
        out.push({
          ruleId: 'attribute-before-super-init',
          range: rangeOf(left),
          params: { attr, detail: initDetail(attr, cls.kind) },
        });
      }
    }
  }
  return out;
}
