// Benchmark program for the `lsp.analyse-2000-lines` row (bundled and run by bench/rows/lsp.mjs):
// builds a 2,000-line Python module that exercises every rule, then times, after warm-up,
// (a) a full parse + the nine rules and (b) a one-line edit, incremental re-parse + the rules.
// Writes JSON {lines, findings, rounds, fullMs, fullCpuMs, fullMinMs, incrementalMs} (medians, ms) to the file given.
// Usage: node lspAnalyse.js <tree-sitter.wasm> <tree-sitter-python.wasm> <rounds> <out.json>
import { writeFileSync } from 'node:fs';
import { analyse } from '../src/lint/analyse';
import { createPythonParser, ParsedDocument } from '../src/lint/pythonParser';
import { copyTree } from '../src/lint/syntaxTree';

/** One 25-line block with workers, locks, a race and a subclass; `i` keeps names unique. */
function block(i: number): string[] {
  return [
    `def buy_${i}(lock):`,
    `    dic = json.load(open('db_${i}.txt'))`,
    `    if dic['count'] > 0:`,
    `        dic['count'] -= 1`,
    `        json.dump(dic, open('db_${i}.txt', 'w'))`,
    ``,
    `def guarded_${i}(lock, items):`,
    `    lock.acquire()`,
    `    if not items:`,
    `        return`,
    `    items.pop()`,
    `    lock.release()`,
    ``,
    `class Worker${i}(Process):`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `        super().__init__()`,
    ``,
    `    def run(self):`,
    `        with lock_a:`,
    `            with lock_b:`,
    `                print(self.name, ${i})`,
    ``,
    `w_${i} = Process(target=buy_${i}, args=(lock))`,
    `w_${i}.start()`,
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const [runtime, python, roundsArg, outFile] = process.argv.slice(2);
  const rounds = Number(roundsArg) || 30;
  const head = ['import json', 'from multiprocessing import Process, Lock', ''];
  const lines = [...head];
  for (let i = 0; lines.length < 2000; i++) lines.push(...block(i));
  lines.length = 2000;
  const text = lines.join('\n') + '\n';
  const parser = await createPythonParser({ runtime, python });
  const full: number[] = [];
  const incremental: number[] = [];
  const fullCpu: number[] = [];
  let findings = 0;
  const doc = new ParsedDocument(parser, text);
  for (let r = 0; r < rounds + 5; r++) {
    let t0 = performance.now();
    const c0 = process.cpuUsage();
    const tree = parser.parse(text)!;
    findings = analyse(copyTree(tree, text), text, { lang: 'en' }).length;
    const fullMs = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    const fullCpuMs = (c1.user + c1.system) / 1000;
    tree.delete();
    // A keystroke in the middle of the file: insert a character, re-parse incrementally.
    const line = 1000 + (r % 20);
    t0 = performance.now();
    doc.update([
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' },
    ]);
    analyse(doc.syntax, doc.text, { lang: 'en' });
    const incMs = performance.now() - t0;
    doc.update([
      { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' },
    ]);
    if (r >= 5) {
      full.push(fullMs);
      fullCpu.push(fullCpuMs);
      incremental.push(incMs);
    }
  }
  doc.dispose();
  const out = {
    lines: text.split('\n').length - 1,
    findings,
    rounds,
    fullMs: median(full),
    fullCpuMs: median(fullCpu),
    fullMinMs: Math.min(...full),
    incrementalMs: median(incremental),
  };
  writeFileSync(outFile, JSON.stringify(out));
}

void main();
