// Where the "▶ Visualize" code lens goes: above `if __name__ == '__main__':`, else above the
// first Process/Thread start, in files that use multiprocessing or threading. Pure.
import type { SyntaxNode as Node } from './syntaxTree';
import { collectFacts } from './facts';
import type { Lang } from './ruleCatalog';
import { descendants, isMainGuard, methodCall, rangeOf, statementOf, type Range } from './syntax';

/** The command the lens runs (contributed by the Trace Python File feature). */
export const VISUALIZE_COMMAND = 'concurrencySwimlane.traceFile';

/** The lens title. */
export const VISUALIZE_TITLE: Record<Lang, string> = { en: '▶ Visualize', zh: '▶ 可视化' };

/** The range of the statement the lens sits above, or undefined when there is none. */
export function visualizeLensRange(root: Node): Range | undefined {
  const facts = collectFacts(root);
  if (!facts.usesConcurrency) return undefined;
  const guard = descendants(root, true).find(isMainGuard);
  if (guard) return rangeOf(guard);
  const start = facts.calls.find((c) => {
    const m = methodCall(c);
    if (m?.method !== 'start') return false;
    const obj = c.childForFieldName('function')?.childForFieldName('object');
    return facts.workers.some((w) => w.name === m.object || w.ctor.id === obj?.id);
  });
  return start ? rangeOf(statementOf(start)) : undefined;
}
