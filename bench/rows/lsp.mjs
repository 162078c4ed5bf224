// Benchmark row for the Python language server: a 2,000-line module analysed (tree-sitter parse,
// copy, the nine rules) after warm-up. Unlike the other rows this target is an ABSOLUTE time
// (the issue asks for ≤ 30 ms), so it moves with the machine's load: read it with the note.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { root, runOk, withTempDir } from '../lib.mjs';

const analyse2000 = {
  id: 'lsp.analyse-2000-lines',
  target: 30,
  unit: 'ms',
  async run({ quick }) {
    const rounds = quick ? 5 : 40;
    return withTempDir(async (dir) => {
      const program = join(dir, 'lspAnalyse.js');
      await esbuild.build({
        entryPoints: [join(root, 'bench', 'lspAnalyse.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        outfile: program,
        logLevel: 'warning',
        alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/tree-sitter.cjs') },
      });
      const out = join(dir, 'result.json');
      const wasm = [
        join(root, 'node_modules/web-tree-sitter/tree-sitter.wasm'),
        join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
      ];
      await runOk(process.execPath, [program, ...wasm, String(rounds), out], { timeoutMs: 300000 });
      const r = JSON.parse(readFileSync(out, 'utf8'));
      return {
        measured: r.fullMs,
        note:
          `absolute time, median of ${r.rounds} rounds after 5 warm-up rounds: full parse + copy + ` +
          `9 rules of a ${r.lines}-line module (${r.findings} findings) ${r.fullMs.toFixed(1)} ms ` +
          `(fastest round ${r.fullMinMs.toFixed(1)} ms, median process CPU time ` +
          `${r.fullCpuMs.toFixed(1)} ms); ` +
          `edit latency (a one-character edit in the middle of the file → its diagnostics, ` +
          `through the server session: incremental re-parse, incremental copy, rules) median ` +
          `${r.editMs.toFixed(1)} ms, CPU ${r.editCpuMs.toFixed(1)} ms`,
      };
    });
  },
};

export default [analyse2000];
