// Bench helper (run in a fresh Node process by bench/rows/host.mjs): time `require` + activate()
// of the built dist/extension.js in plain Node, `vscode` being a minimal stand-in (every API is
// a callable no-op that returns another stand-in; event emitters and disposables included).
// It measures our own module evaluation and wiring, not VS Code's extension host overhead.
// Prints {requireMs, activateMs, totalMs, cpuMs, subscriptions} as JSON (cpuMs: this process's
// CPU time over require + activate, which other jobs on a loaded machine do not inflate).
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.argv[2];
const require = createRequire(join(root, 'package.json'));

/** A value any property of which is another stand-in, and which can be called or constructed. */
function standIn(name) {
  const fn = function () {};
  const set = new Map();
  return new Proxy(fn, {
    set(_t, prop, value) {
      set.set(prop, value);
      return true;
    },
    get(_t, prop) {
      if (set.has(prop)) return set.get(prop);
      if (prop === 'then') return undefined; // not a thenable
      if (prop === 't' && name === 'l10n') return (s) => s;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'event') return () => ({ dispose() {} });
      if (prop === 'dispose') return () => undefined;
      return standIn(`${name}.${String(prop)}`);
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`),
  });
}

// A plain object (esbuild's ESM interop copies the module's own keys) of the namespaces and
// classes the extension uses.
const API = [
  'Disposable',
  'EventEmitter',
  'MarkdownString',
  'ProgressLocation',
  'QuickPickItemKind',
  'Range',
  'StatusBarAlignment',
  'ThemeIcon',
  'TreeItem',
  'TreeItemCollapsibleState',
  'Uri',
  'ViewColumn',
  'commands',
  'env',
  'extensions',
  'l10n',
  'window',
  'workspace',
];
// Other names (e.g. the classes the bundled language client extends: CodeAction, …) are made
// on first access, so `class X extends vscode.Y` works for any Y.
const names = Object.fromEntries(API.map((n) => [n, standIn(n)]));
names.version = '1.139.1'; // the language client checks it
const vscode = new Proxy(names, {
  get(target, prop) {
    if (prop in target) return target[prop];
    if (typeof prop !== 'string' || prop === 'then' || prop === '__esModule') return undefined;
    return (target[prop] = standIn(prop));
  },
});
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, ...rest);
};

const subscriptions = [];
const context = {
  subscriptions,
  extensionUri: { fsPath: root, path: root, scheme: 'file', toString: () => `file://${root}` },
  extensionPath: root,
  globalState: standIn('globalState'),
  workspaceState: standIn('workspaceState'),
};

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const ext = require(join(root, 'dist', 'extension.js'));
const t1 = process.hrtime.bigint();
ext.activate(context);
const t2 = process.hrtime.bigint();
const cpu = process.cpuUsage(cpu0);
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(
  `${JSON.stringify({
    requireMs: ms(t0, t1),
    activateMs: ms(t1, t2),
    totalMs: ms(t0, t2),
    cpuMs: (cpu.user + cpu.system) / 1000,
    subscriptions: subscriptions.length,
  })}\n`,
);
process.exit(0);
