// Runs the nine rules over one parsed module and localises their findings. Pure: no vscode.
import { collectFacts } from './facts';
import type { Fix, FixKind, RawFinding } from './finding';
import { RULES, ruleMessage, type Lang, type RuleId, type Severity } from './ruleCatalog';
import {
  argsNotTuple,
  attributeBeforeSuperInit,
  daemonAfterStart,
  daemonStartsChildren,
  startWithoutMainGuard,
} from './rulesProcess';
import { acquireWithoutRelease, lockOrderInversion } from './rulesLock';
import { endlessConsumer } from './rulesQueue';
import { unlockedReadModifyWrite } from './rulesRace';
import type { Range } from './syntax';
import type { SyntaxNode } from './syntaxTree';
import { splitLines } from './withLockFix';

/** A localised finding, ready to become an LSP diagnostic. */
export interface Diagnosis {
  ruleId: RuleId;
  range: Range;
  severity: Severity;
  message: string;
  /** The demo that shows this problem (a catalog id). */
  demoId: string;
  fix?: Fix & { title: string };
}

/** How to analyse: message language and rules turned off. */
export interface AnalyseOptions {
  lang: Lang;
  disabled?: ReadonlySet<RuleId>;
}

const FIX_TITLES: Record<FixKind, Record<Lang, string>> = {
  'wrap-with-lock': { en: 'Wrap in with {lock}:', zh: '用 with {lock}: 包起来' },
  'add-tuple-comma': { en: 'Add the comma: make it a tuple', zh: '加上逗号：写成元组' },
};

/** Title of a quick fix in `lang`. */
export function fixTitle(fix: Fix, lang: Lang): string {
  return FIX_TITLES[fix.kind][lang].replace('{lock}', fix.lock ?? 'lock');
}

/** Each of the nine rules needs one of these words in the source: a worker (Process, Thread,
 * Timer, or a class deriving from one), a pool's apply/apply_async, acquire() or `with`. */
const RULE_WORDS = /\b(?:Process|Thread|Timer|apply|apply_async|acquire|with)\b/;

/** False when no rule can find anything in `text`: the server then skips parse copy and rules. */
export function mayHaveFindings(text: string): boolean {
  return RULE_WORDS.test(text);
}

/** Every finding of the nine rules on the module `root` (source `text`), in source order. */
export function analyse(root: SyntaxNode, text: string, options: AnalyseOptions): Diagnosis[] {
  const facts = collectFacts(root);
  const lines = splitLines(text);
  const raw: RawFinding[] = [
    ...argsNotTuple(facts),
    ...daemonAfterStart(facts),
    ...startWithoutMainGuard(facts),
    ...daemonStartsChildren(facts),
    ...acquireWithoutRelease(root, lines),
    ...unlockedReadModifyWrite(facts, lines),
    ...attributeBeforeSuperInit(facts),
    ...endlessConsumer(facts),
    ...lockOrderInversion(root),
  ];
  return raw
    .filter((f) => !options.disabled?.has(f.ruleId))
    .sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character,
    )
    .map((f) => ({
      ruleId: f.ruleId,
      range: f.range,
      severity: RULES[f.ruleId].severity,
      message: ruleMessage(f.ruleId, options.lang, f.params),
      demoId: RULES[f.ruleId].demoId,
      fix: f.fix && withTitle(f.fix, options.lang),
    }));
}

/** `fix` and its title (the same keys as `{ ...fix, title }`, without the generic spread). */
function withTitle(fix: Fix, lang: Lang): Fix & { title: string } {
  const { kind, lock, edits } = fix;
  const title = fixTitle(fix, lang);
  return lock === undefined && !('lock' in fix)
    ? { kind, edits, title }
    : { kind, lock, edits, title };
}
