// What a rule reports: a rule id, a range, message parameters and maybe a quick fix. Pure.
import type { Lang, RuleId } from './ruleCatalog';
import type { Range } from './syntax';

/** One text replacement of a quick fix. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** The kind of quick fix (its title is localised by the analyser). */
export type FixKind = 'wrap-with-lock' | 'add-tuple-comma';

/** A quick fix: the edits that apply it to the document. */
export interface Fix {
  kind: FixKind;
  /** The lock expression a `with` fix uses. */
  lock?: string;
  edits: TextEdit[];
}

/** A message placeholder value: the same in every language, or one per language. */
export type MessageParam = string | Record<Lang, string>;

/** A rule's raw finding, before localisation. */
export interface RawFinding {
  ruleId: RuleId;
  range: Range;
  /** Placeholder values: plain, or per language. */
  params: Record<string, MessageParam>;
  fix?: Fix;
}
