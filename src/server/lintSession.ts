// The language server's state: open Python documents (incrementally re-parsed), settings,
// and the LSP answers built from the pure lint modules. No vscode, no connection.
import type { Parser } from 'web-tree-sitter';
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type Position,
} from 'vscode-languageserver';
import { analyse, mayHaveFindings, type Diagnosis } from '../lint/analyse';
import { VISUALIZE_COMMAND, VISUALIZE_TITLE, visualizeLensRange } from '../lint/codeLens';
import { hoverAt } from '../lint/hoverText';
import { ParsedDocument, type RangeChange } from '../lint/pythonParser';
import { isRuleId, type Lang, type RuleId } from '../lint/ruleCatalog';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'Concurrency Swimlane';

/** The command a diagnostic's code link runs: the matching demo. */
export const RUN_DEMO_COMMAND = 'concurrencySwimlane.runDemo';

/** demoLink's answers (one per demo: every diagnostic of a rule links the same demo). */
const demoLinks = new Map<string, string>();

/** `command:` URI that runs demo `demoId`. */
export function demoLink(demoId: string): string {
  let link = demoLinks.get(demoId);
  if (link === undefined) {
    link = `command:${RUN_DEMO_COMMAND}?${encodeURIComponent(JSON.stringify([demoId]))}`;
    demoLinks.set(demoId, link);
  }
  return link;
}

interface OpenDoc {
  doc: ParsedDocument;
  version: number;
  /** Findings of the last analysis and the version they belong to. */
  findings?: { version: number; list: Diagnosis[] };
}

/** Open documents and what the server answers about them. */
export class LintSession {
  private readonly docs = new Map<string, OpenDoc>();
  private disabled: ReadonlySet<RuleId> = new Set();

  constructor(
    private readonly parser: Parser,
    private readonly lang: Lang,
  ) {}

  /** Set the rules turned off (`concurrencySwimlane.lint.disabledRules`); unknown ids ignored. */
  setDisabled(ids: unknown): void {
    this.disabled = new Set(Array.isArray(ids) ? ids.filter(isRuleId) : []);
    for (const d of this.docs.values()) d.findings = undefined;
  }

  /** The URIs of open documents. */
  uris(): string[] {
    return [...this.docs.keys()];
  }

  /** A document was opened. */
  open(uri: string, version: number, text: string): void {
    this.close(uri);
    this.docs.set(uri, { doc: new ParsedDocument(this.parser, text), version });
  }

  /** A document changed: range changes re-parse incrementally; a change without range replaces. */
  change(uri: string, version: number, changes: readonly (RangeChange | { text: string })[]): void {
    const d = this.docs.get(uri);
    if (!d) return;
    for (const c of changes) {
      if ('range' in c) d.doc.update([c]);
      else d.doc.replace(c.text);
    }
    d.version = version;
  }

  /** A document was closed: free its tree. */
  close(uri: string): void {
    this.docs.get(uri)?.doc.dispose();
    this.docs.delete(uri);
  }

  /** The text of an open document (tests). */
  text(uri: string): string | undefined {
    return this.docs.get(uri)?.doc.text;
  }

  /** Findings for the current version (analysed on demand, cached per version). */
  findings(uri: string): Diagnosis[] {
    const d = this.docs.get(uri);
    if (!d) return [];
    if (d.findings?.version !== d.version) {
      const { text } = d.doc;
      const options = { lang: this.lang, disabled: this.disabled };
      const list = mayHaveFindings(text) ? analyse(d.doc.syntax, text, options) : [];
      d.findings = { version: d.version, list };
    }
    return d.findings.list;
  }

  /** LSP diagnostics for a document. */
  diagnostics(uri: string): Diagnostic[] {
    return this.findings(uri).map((f) => ({
      range: f.range,
      severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: f.ruleId,
      codeDescription: { href: demoLink(f.demoId) },
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
    }));
  }

  /** Quick fixes for our diagnostics in `diagnostics` (the ones VS Code sends with the request). */
  codeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const out: CodeAction[] = [];
    const findings = this.findings(uri);
    for (const diag of diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE) continue;
      const f = findings.find((x) => x.ruleId === diag.code && sameRange(x.range, diag.range));
      if (!f?.fix) continue;
      out.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: true,
        edit: { changes: { [uri]: f.fix.edits } },
      });
    }
    return out;
  }

  /** The "▶ Visualize" lens, if the document uses multiprocessing or threading. */
  codeLenses(uri: string): CodeLens[] {
    const d = this.docs.get(uri);
    const range = d && visualizeLensRange(d.doc.syntax);
    if (!range) return [];
    const title = VISUALIZE_TITLE[this.lang];
    return [{ range, command: { title, command: VISUALIZE_COMMAND, arguments: [uri] } }];
  }

  /** Two-line hover (English, then Chinese) on multiprocessing/threading APIs. */
  hover(uri: string, pos: Position): Hover | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    const lines = d.doc.text.split('\n');
    let offset = pos.character;
    for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
    const h = hoverAt(d.doc.syntax, offset);
    if (!h) return undefined;
    return {
      contents: { kind: MarkupKind.Markdown, value: h.lines.map(escapeMarkdown).join('\n\n') },
      range: h.range,
    };
  }
}

/** Plain text as Markdown that renders literally. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
