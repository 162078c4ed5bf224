// One esbuild script, one build per runtime: extension host (node/cjs), Python language
// server (node/cjs, its two tree-sitter .wasm files copied beside it), webview (browser),
// the headless CLI (node/cjs with a shebang, dist/cli.js), and with --tests the test files
// (node/cjs, one bundle per *.test.ts under out/test).
// Flags: --watch, --production (minify, no sourcemaps), --tests.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const root = new URL('..', import.meta.url).pathname;

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
  // web-tree-sitter's ESM build needs import.meta.url, which a cjs bundle lacks: use its cjs build.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
};

/** The .wasm files the language server loads at run time (they ship in the VSIX). */
const WASM = {
  'tree-sitter.wasm': 'node_modules/web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-python.wasm': 'node_modules/tree-sitter-python/tree-sitter-python.wasm',
};
mkdirSync(join(root, 'dist'), { recursive: true });
for (const [name, from] of Object.entries(WASM))
  copyFileSync(join(root, from), join(root, 'dist', name));

/** Builds that ship in the VSIX. */
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { server: 'src/server/server.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  {
    ...common,
    // The language client, required by the extension after activation (not inlined into it).
    entryPoints: { lspClient: 'src/features/lspClientStart.ts' },
    external: ['vscode'],
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

function testEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found.push(...testEntries(p));
    else if (/\.test\.ts$/.test(name) || /^index\.ts$/.test(name)) found.push(p);
  }
  return found;
}

if (args.has('--tests')) {
  const entries = {};
  for (const p of testEntries(join(root, 'test'))) {
    entries[relative(join(root, 'test'), p).replace(/\.ts$/, '')] = p;
  }
  builds.push({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: entries,
    outdir: 'out/test',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'playwright-core', 'mocha', '@vscode/test-electron'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync(join(root, 'dist', 'cli.js'), 0o755);
}
