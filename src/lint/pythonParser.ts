// Loads web-tree-sitter and the Python grammar (.wasm files shipped in the VSIX, no download)
// and keeps one incrementally re-parsed tree per open document. Pure Node: no vscode.
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { copyIncremental, recordEdit, type CopyBase } from './incrementalCopy';
import type { SyntaxNode } from './syntaxTree';
import { copyTreeFrom } from './treeCopy';
import { adoptRuntime } from './wasmCursor';

/** Where the two .wasm files are. */
export interface WasmPaths {
  /** web-tree-sitter's runtime, tree-sitter.wasm. */
  runtime: string;
  /** The Python grammar, tree-sitter-python.wasm. */
  python: string;
}

/** A Parser for Python; resolves once both .wasm files are loaded. */
export async function createPythonParser(paths: WasmPaths): Promise<Parser> {
  // The first Parser.init's options object becomes the emscripten Module (its exports added).
  const options = { locateFile: () => paths.runtime };
  await Parser.init(options);
  adoptRuntime(options);
  const python = await Language.load(paths.python);
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/** A zero-based line/character position (UTF-16 units, as LSP). */
export interface LinePos {
  line: number;
  character: number;
}

/** One LSP-style change: a range of the old text replaced by `text`. */
export interface RangeChange {
  range: { start: LinePos; end: LinePos };
  text: string;
}

/** Offsets of line starts in `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The position of offset `i` in `text`. */
function positionAt(text: string, i: number): { row: number; column: number } {
  const before = text.lastIndexOf('\n', i - 1);
  let row = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) row++;
  return { row, column: i - (before + 1) };
}

/** A document's text and its syntax tree, re-parsed incrementally on each change; its plain
 * copy is redone incrementally too (unchanged top-level statements are reused). */
export class ParsedDocument {
  private current: Tree;
  private copy: SyntaxNode | undefined;
  /** The last copy and the edits since, while the current version has no copy yet. */
  private base: CopyBase | undefined;
  private nextId = 0;

  constructor(
    private readonly parser: Parser,
    private source: string,
  ) {
    this.current = this.parse(source);
  }

  /** The current text. */
  get text(): string {
    return this.source;
  }

  /** The current tree. */
  get tree(): Tree {
    return this.current;
  }

  /** The current tree as plain SyntaxNodes (copied once per version, on first use, reusing the
   * previous version's copy where nothing changed: that earlier copy must not be used again). */
  get syntax(): SyntaxNode {
    if (!this.copy) {
      const made = this.base
        ? copyIncremental(this.current, this.source, this.base, this.nextId)
        : copyTreeFrom(this.current, this.source, this.nextId);
      this.copy = made.root;
      this.nextId = made.nextId;
    }
    this.base = undefined;
    return this.copy;
  }

  /** Apply edits in order (each against the text the previous one left), then re-parse with the
   * old tree so unchanged subtrees are reused. */
  update(changes: readonly RangeChange[]): void {
    if (this.copy) this.base = { root: this.copy, edits: [], dirty: [] };
    this.copy = undefined;
    for (const c of changes) {
      const starts = lineStarts(this.source);
      const offset = (p: LinePos): number =>
        Math.min((starts[p.line] ?? this.source.length) + p.character, this.source.length);
      const startIndex = offset(c.range.start);
      const oldEndIndex = Math.max(startIndex, offset(c.range.end));
      const next = this.source.slice(0, startIndex) + c.text + this.source.slice(oldEndIndex);
      const newEndIndex = startIndex + c.text.length;
      this.current.edit({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition: positionAt(this.source, startIndex),
        oldEndPosition: positionAt(this.source, oldEndIndex),
        newEndPosition: positionAt(next, newEndIndex),
      });
      this.source = next;
      if (this.base) recordEdit(this.base, { startIndex, oldEndIndex, newEndIndex });
    }
    this.current = this.parse(this.source, this.current);
  }

  /** Replace the whole text (a full-document change). */
  replace(text: string): void {
    this.source = text;
    this.base = undefined;
    this.current.delete();
    this.current = this.parse(text);
  }

  /** Free the tree's memory (wasm heap). */
  dispose(): void {
    this.current.delete();
  }

  private parse(text: string, old?: Tree): Tree {
    this.copy = undefined;
    const tree = this.parser.parse(text, old);
    if (!tree) throw new Error('tree-sitter could not parse the document');
    if (old) {
      // Ranges whose structure changed though no edit touched them (e.g. a closed bracket).
      if (this.base)
        for (const r of old.getChangedRanges(tree))
          this.base.dirty.push([r.startIndex, r.endIndex]);
      old.delete();
    }
    return tree;
  }
}
