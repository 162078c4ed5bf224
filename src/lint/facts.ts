// Facts about one Python module that several rules share: which classes are Process/Thread
// subclasses, which variables hold workers, their targets, daemon flags, module functions.
import type { SyntaxNode as Node } from './syntaxTree';
import { calleeName, callsIn, kwarg, methodCall } from './syntax';

/** A worker runs in a new process or a new thread. */
export type WorkerKind = 'process' | 'thread';

/** A worker constructor call: `p = Process(target=f, …)` or `p = MyProcess(…)`. */
export interface Worker {
  /** The variable it is assigned to (`p`, `self.p`), if any. */
  name?: string;
  kind: WorkerKind;
  ctor: Node;
  /** The function named by `target=` or the class's `run` method. */
  target?: Node;
  /** The constructor says `daemon=True`. */
  daemonKw: boolean;
}

/** Facts of one module. */
export interface ModuleFacts {
  root: Node;
  /** The module imports multiprocessing, threading or concurrent.futures. */
  usesConcurrency: boolean;
  /** User classes deriving (maybe indirectly) from Process or Thread. */
  classes: Map<string, { node: Node; kind: WorkerKind; base: string }>;
  /** Functions defined at module level, by name. */
  functions: Map<string, Node>;
  workers: Worker[];
  /** Every call of the module, in source order. */
  calls: Node[];
  /** Method calls by `object.method` text (`p.start`), in source order. */
  byMethod: Map<string, Node[]>;
  /** `X.daemon = True` assignments and `X.setDaemon(…)` calls, by `X`. */
  daemonSets: Map<string, Node[]>;
}

const BUILTIN: Record<string, WorkerKind> = {
  Process: 'process',
  Thread: 'thread',
  Timer: 'thread',
};

/** Collect the facts of a parsed module. */
export function collectFacts(root: Node): ModuleFacts {
  const usesConcurrency = root.namedChildren.some(
    (s) =>
      !!s &&
      (s.type === 'import_statement' || s.type === 'import_from_statement') &&
      /\b(multiprocessing|threading|concurrent)\b/.test(s.text),
  );
  const functions = new Map<string, Node>();
  for (const s of root.namedChildren) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition') {
      const name = def.childForFieldName('name')?.text;
      if (name) functions.set(name, def);
    }
  }
  const classes = subclasses(root);
  const kindOf = (call: Node): WorkerKind | undefined => {
    const n = calleeName(call);
    return BUILTIN[n] ?? classes.get(n)?.kind;
  };
  const workers: Worker[] = [];
  const calls = [...root.ofType('call')];
  for (const call of calls) {
    const kind = kindOf(call);
    if (!kind) continue;
    const parent = call.parent;
    const name =
      parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id
        ? parent.childForFieldName('left')?.text
        : undefined;
    const t = kwarg(call, 'target');
    const cls = classes.get(calleeName(call));
    const target =
      t?.type === 'identifier'
        ? functions.get(t.text)
        : cls
          ? methodOf(cls.node, 'run')
          : undefined;
    const d = kwarg(call, 'daemon');
    workers.push({ name, kind, ctor: call, target, daemonKw: d?.type === 'true' });
  }
  const byMethod = new Map<string, Node[]>();
  for (const c of calls) {
    const m = methodCall(c);
    if (m) push(byMethod, `${m.object}.${m.method}`, c);
  }
  const daemonSets = new Map<string, Node[]>();
  for (const a of root.ofType('assignment')) {
    const left = a.childForFieldName('left');
    if (left?.type !== 'attribute' || left.childForFieldName('attribute')?.text !== 'daemon')
      continue;
    if (a.childForFieldName('right')?.type !== 'true') continue;
    push(daemonSets, left.childForFieldName('object')?.text ?? '', a);
  }
  for (const [key, list] of byMethod) {
    if (key.endsWith('.setDaemon')) for (const c of list) push(daemonSets, key.slice(0, -10), c);
  }
  for (const list of daemonSets.values()) list.sort((x, y) => x.startIndex - y.startIndex);
  return { root, usesConcurrency, classes, functions, workers, calls, byMethod, daemonSets };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Classes deriving from Process/Thread (directly, via `mp.Process`, or via another such class). */
function subclasses(root: Node): ModuleFacts['classes'] {
  const out: ModuleFacts['classes'] = new Map();
  const defs = root.ofType('class_definition');
  for (let changed = true; changed;) {
    changed = false;
    for (const c of defs) {
      const name = c.childForFieldName('name')?.text;
      if (!name || out.has(name)) continue;
      for (const b of c.childForFieldName('superclasses')?.namedChildren ?? []) {
        const base = b?.text.split('.').pop() ?? '';
        const kind = BUILTIN[base] ?? out.get(base)?.kind;
        if (kind) {
          out.set(name, { node: c, kind, base });
          changed = true;
          break;
        }
      }
    }
  }
  return out;
}

/** The method `name` defined directly in class `cls`. */
export function methodOf(cls: Node, name: string): Node | undefined {
  for (const s of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name)
      return def;
  }
  return undefined;
}

/** Calls `<name>.<method>(…)` anywhere in the module. */
export function methodCalls(facts: ModuleFacts, name: string, method: string): Node[] {
  return facts.byMethod.get(`${name}.${method}`) ?? [];
}

/** Whether worker `w` is made a daemon: `daemon=True` or `<name>.daemon = True` somewhere. */
export function isDaemon(facts: ModuleFacts, w: Worker): boolean {
  if (w.daemonKw) return true;
  if (!w.name) return false;
  return (facts.daemonSets.get(w.name) ?? []).length > 0;
}

/** Calls in `fn` of module functions: the call node and the function it calls. */
export function calleesOf(facts: ModuleFacts, fn: Node): { call: Node; fn: Node }[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const out: { call: Node; fn: Node }[] = [];
  for (const call of callsIn(body, true)) {
    const f = call.childForFieldName('function');
    const def = f?.type === 'identifier' ? facts.functions.get(f.text) : undefined;
    if (def && def.id !== fn.id) out.push({ call, fn: def });
  }
  return out;
}

/** Name of a function definition. */
export function fnName(fn: Node): string {
  return fn.childForFieldName('name')?.text ?? '?';
}
