// Mocha suite loader run inside the VS Code extension host (the extensionTestsPath entry point).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Suites that need a Restricted Mode (untrusted) window; run only when SWIMLANE_UNTRUSTED=1. */
const UNTRUSTED = '.untrusted.integration.test.js';

/** Runs the compiled *.integration.test.js next to this file (the untrusted ones when
 * SWIMLANE_UNTRUSTED=1, the others otherwise); rejects when a test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  // SWIMLANE_TEST_GREP=<regex>: run only the matching tests (while working on one suite).
  if (process.env.SWIMLANE_TEST_GREP) mocha.grep(new RegExp(process.env.SWIMLANE_TEST_GREP));
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.integration.test.js'))
    .filter((name) => name.endsWith(UNTRUSTED) === (process.env.SWIMLANE_UNTRUSTED === '1'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) =>
        failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve(),
      );
    } catch (err) {
      reject(err);
    }
  });
}
