// Rule 8: a consumer `while True: q.get()` with no sentinel, break or timeout, in a worker
// that is joined: join() never returns. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import { fnName, methodCalls, type ModuleFacts } from './facts';
import type { RawFinding } from './finding';
import { callsIn, descendants, kwarg, methodCall, positionalArgs, rangeOf } from './syntax';

/** A `while True:` (or `while 1:`) loop. */
function isEndless(loop: Node): boolean {
  const c = loop.childForFieldName('condition');
  return c?.type === 'true' || c?.text === '1';
}

/** Whether the loop has a way out: break (of this loop), return or raise. */
function hasExit(loop: Node): boolean {
  return descendants(loop, true).some((n) => {
    if (n.type === 'return_statement' || n.type === 'raise_statement') return true;
    if (n.type !== 'break_statement') return false;
    let p = n.parent;
    while (p && p.type !== 'while_statement' && p.type !== 'for_statement') p = p.parent;
    return p?.id === loop.id;
  });
}

/** A blocking `get()` with no timeout: `q.get()` / `q.get(True)`. */
function blockingGet(call: Node): string | undefined {
  const m = methodCall(call);
  if (m?.method !== 'get' || kwarg(call, 'timeout')) return undefined;
  const block = kwarg(call, 'block') ?? positionalArgs(call)[0];
  if (block && block.type !== 'true') return undefined;
  if (positionalArgs(call).length > 1) return undefined;
  return m.object;
}

/** Rule 8, for every joined worker whose target consumes forever. */
export function endlessConsumer(facts: ModuleFacts): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<number>();
  for (const w of facts.workers) {
    if (!w.target || !w.name || methodCalls(facts, w.name, 'join').length === 0) continue;
    const body = w.target.childForFieldName('body');
    if (!body) continue;
    for (const loop of descendants(body, true)) {
      if (loop.type !== 'while_statement' || !isEndless(loop) || hasExit(loop)) continue;
      for (const call of callsIn(loop, true)) {
        const queue = blockingGet(call);
        if (!queue || seen.has(call.id)) continue;
        seen.add(call.id);
        out.push({
          ruleId: 'endless-consumer',
          range: rangeOf(call),
          params: { queue, fn: fnName(w.target), name: w.name },
        });
      }
    }
  }
  return out;
}
