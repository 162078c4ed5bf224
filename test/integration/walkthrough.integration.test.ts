// Integration tests in a real VS Code: the "Get Started" walkthrough is registered and opens, and
// every button of every step runs its demo. Each button's link is read from package.json and
// parsed as the walkthrough page parses it, then run with a small time scale to stay quick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../../src/api';
import { findDemo } from '../../src/demos/catalog';
import { readWalkthrough, type CommandLink, type Walkthrough } from '../shared/walkthrough';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';
/** Added to each link's parameters: faster sleeps (demos without --time-scale ignore it). */
const QUICK = { '--time-scale': 0.1 };

/** Resolves with check()'s value once it is truthy; rejects after timeoutMs. */
async function until<T>(what: string, check: () => T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** English title of a catalogue demo. */
function titleOf(id: unknown): string {
  const entry = typeof id === 'string' ? findDemo(id) : undefined;
  assert.ok(entry, `the link names an unknown demo: ${String(id)}`);
  return entry.title.en;
}

/** The link's arguments with QUICK merged into its parameter values (the last, object, one). */
function quickArgs(link: CommandLink): unknown[] {
  const ids = link.args.filter((a) => typeof a === 'string');
  const values = link.args.find((a) => typeof a === 'object' && a !== null) ?? {};
  return [...ids, { ...values, ...QUICK }];
}

/** All labels of the open editor tabs. */
const tabLabels = (): string[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));

describe('Get Started walkthrough in VS Code', () => {
  let swimlane: SwimlaneApi;
  let walkthrough: Walkthrough;
  let ext: vscode.Extension<SwimlaneApi>;

  before(async () => {
    const found = vscode.extensions.getExtension<SwimlaneApi>(EXTENSION_ID);
    assert.ok(found, 'extension not found');
    ext = found;
    swimlane = await ext.activate();
    walkthrough = readWalkthrough(ext.extensionPath);
  });

  it('is registered with its six lessons, and opens', async () => {
    // The manifest as VS Code loaded it: %keys% already replaced from package.nls.json.
    const declared = ext.packageJSON.contributes.walkthroughs as {
      id: string;
      title: string;
      steps: { id: string; title: string; media: { image: string } }[];
    }[];
    assert.equal(declared.length, 1);
    assert.equal(declared[0].id, walkthrough.id);
    assert.equal(declared[0].title, walkthrough.title);
    assert.deepEqual(
      declared[0].steps.map((s) => [s.id, s.title]),
      walkthrough.steps.map((s) => [s.id, s.title]),
    );
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['processes', 'daemons', 'queues', 'locks', 'ticketRace', 'threads'],
    );
    for (const step of declared[0].steps) {
      const image = vscode.Uri.joinPath(ext.extensionUri, step.media.image);
      const stat = await vscode.workspace.fs.stat(image);
      assert.ok(stat.size > 1000, `${step.media.image} is ${stat.size} bytes`);
    }
    // Opens the Welcome editor on it. (VS Code opens Welcome for an unknown id too, so this only
    // shows the command accepts the id; the manifest checks above show what VS Code loaded.)
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${EXTENSION_ID}#${walkthrough.id}`,
      false,
    );
    await until(`the Welcome tab (tabs: ${tabLabels().join(', ')})`, () =>
      tabLabels().includes('Welcome'),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('parses every button link the way VS Code does', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.links.length > 0, `${step.id} has no button`);
      for (const link of step.links) {
        const uri = vscode.Uri.parse(link.href);
        assert.equal(uri.scheme, 'command');
        assert.equal(uri.path, link.command);
        assert.deepEqual(JSON.parse(decodeURIComponent(uri.query)), link.args, link.href);
      }
    }
  });

  // One test per step: each of its buttons runs the right demo to the finished state.
  for (const stepId of ['processes', 'daemons', 'queues', 'locks', 'ticketRace', 'threads']) {
    it(`step ${stepId}: every button runs its demo`, async () => {
      const step = walkthrough.steps.find((s) => s.id === stepId);
      assert.ok(step, `no step ${stepId}`);
      for (const link of step.links) {
        await vscode.commands.executeCommand(link.command, ...quickArgs(link));
        const header = await swimlane.waitForRunEnd(30_000);
        assert.equal(header.title, titleOf(link.args[0]), `${link.label}: ${link.href}`);
        assert.equal(header.state, 'finished', `${link.label} ended ${header.state}`);
        if (link.command === 'concurrencySwimlane.compare') {
          const second = titleOf(link.args[1]);
          await until(`a panel titled "${second}" (tabs: ${tabLabels().join(', ')})`, () =>
            tabLabels().includes(second),
          );
          await vscode.commands.executeCommand('concurrencySwimlane.stop');
        } else {
          assert.equal(link.command, 'concurrencySwimlane.runDemo', link.href);
        }
      }
    });
  }
});
