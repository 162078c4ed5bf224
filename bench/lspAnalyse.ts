// Benchmark program for the `lsp.analyse-2000-lines` row (bundled and run by bench/rows/lsp.mjs):
// builds a 2,000-line Python module that exercises every rule (bench/lspModule.ts), then times,
// after warm-up, (a) a full parse + copy + the nine rules and (b) an edit in the middle of the
// file through the server's session (incremental re-parse, incremental copy, rules, LSP diagnostics).
// Writes JSON {lines, findings, rounds, fullMs, fullCpuMs, fullMinMs, editMs, editCpuMs} (medians,
// ms) to the file given.
// Usage: node lspAnalyse.js <tree-sitter.wasm> <tree-sitter-python.wasm> <rounds> <out.json>
import { writeFileSync } from 'node:fs';
import { analyse } from '../src/lint/analyse';
import { createPythonParser } from '../src/lint/pythonParser';
import { LintSession } from '../src/server/lintSession';
import { copyTree } from '../src/lint/treeCopy';
import { benchModule } from './lspModule';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const [runtime, python, roundsArg, outFile] = process.argv.slice(2);
  const rounds = Number(roundsArg) || 30;
  const { lines, text } = benchModule();
  const parser = await createPythonParser({ runtime, python });
  const full: number[] = [];
  const fullCpu: number[] = [];
  const edit: number[] = [];
  const editCpu: number[] = [];
  let findings = 0;
  const session = new LintSession(parser, 'en');
  const uri = 'file:///bench/module.py';
  session.open(uri, 0, text);
  session.diagnostics(uri);
  let version = 0;
  /** Time one change through the session up to its diagnostics. */
  const change = (line: number, from: number, to: number, insert: string): number[] => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const range = { start: { line, character: from }, end: { line, character: to } };
    session.change(uri, ++version, [{ range, text: insert }]);
    if (session.diagnostics(uri).length !== findings) throw new Error('edit changed findings');
    const c1 = process.cpuUsage(c0);
    return [performance.now() - t0, (c1.user + c1.system) / 1000];
  };
  for (let r = 0; r < rounds + 5; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const tree = parser.parse(text)!;
    findings = analyse(copyTree(tree, text), text, { lang: 'en' }).length;
    const fullMs = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    tree.delete();
    // A keystroke in the middle of the file (a space at the end of a line), then its undo.
    const line = 1000 + (r % 20);
    const end = lines[line].length;
    const typed = change(line, end, end, ' ');
    const undone = change(line, end, end + 1, '');
    if (r >= 5) {
      full.push(fullMs);
      fullCpu.push((c1.user + c1.system) / 1000);
      edit.push(typed[0], undone[0]);
      editCpu.push(typed[1], undone[1]);
    }
  }
  session.close(uri);
  const out = {
    lines: text.split('\n').length - 1,
    findings,
    rounds,
    fullMs: median(full),
    fullCpuMs: median(fullCpu),
    fullMinMs: Math.min(...full),
    editMs: median(edit),
    editCpuMs: median(editCpu),
  };
  writeFileSync(outFile, JSON.stringify(out));
}

void main();
