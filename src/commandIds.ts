// Every command id of the extension, in one place; a unit test checks them against package.json.

/** Command ids contributed in package.json `contributes.commands`. */
export const CommandIds = {
  runLockDemo: 'concurrencySwimlane.runLockDemo',
  runDemo: 'concurrencySwimlane.runDemo',
  runDemoWithParameters: 'concurrencySwimlane.runDemoWithParameters',
  runAgain: 'concurrencySwimlane.runAgain',
  compare: 'concurrencySwimlane.compare',
  stop: 'concurrencySwimlane.stop',
  traceFile: 'concurrencySwimlane.traceFile',
  openTrace: 'concurrencySwimlane.openTrace',
  exportTrace: 'concurrencySwimlane.exportTrace',
} as const;

/** View type of the read-only custom editor for `*.swimlane.jsonl` files. */
export const TRACE_EDITOR_VIEW_TYPE = 'concurrencySwimlane.traceEditor';

/** One of the contributed command ids. */
export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** Id of the Concurrency view container (activity bar) and its demo tree view. */
export const ViewIds = {
  container: 'concurrencySwimlane',
  demos: 'concurrencySwimlane.demos',
} as const;

/** The extension's id (publisher.name) as VS Code knows it. */
export const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';

/** Prefix of every setting. */
export const CONFIG_SECTION = 'concurrencySwimlane';
