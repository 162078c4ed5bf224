// Integration tests in a real VS Code: every catalogue demo runs from its command to the finished
// state with small parameters, and shows its findings; Run Again repeats the last run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../../src/api';
import { findDemo } from '../../src/demos/catalog';
import type { Header } from '../../src/shared/webviewProtocol';

const EXTENSION_ID = 'concurrency-swimlane.concurrency-swimlane';

/** Tracer capabilities still being added: a finding that needs one is checked once it is traced. */
type Needs = 'threads' | 'threadLocks';

/** Small parameters per demo and the findings its run must show (regexes over all of them). */
const CASES: {
  id: string;
  params: Record<string, number | boolean>;
  findings: RegExp[];
  needs?: Needs;
}[] = [
  { id: 'processFunction', params: { '--time-scale': 0.05 }, findings: [] },
  { id: 'processSubclass', params: { '--time-scale': 0.05 }, findings: [] },
  { id: 'daemonKilled', params: {}, findings: [/^Killed as daemon when the main code finished/] },
  {
    id: 'daemonVsNonDaemon',
    params: { '--time-scale': 0.2 },
    findings: [/^Killed as daemon when the main code finished: foo$/],
  },
  {
    id: 'daemonChild',
    params: { '--time-scale': 0.1 },
    findings: [/^Uncaught exception: daemon: AssertionError: daemonic processes/],
  },
  {
    id: 'processQueue',
    params: { '--items': 200 },
    findings: [/^Queue q: at most \d+ items? waiting \(201 put, 201 got\)$/],
  },
  { id: 'printWithoutLock', params: { '--time-scale': 0.1 }, findings: [] },
  { id: 'printWithLock', params: { '--time-scale': 0.1 }, findings: [/^Lock wait: /] },
  { id: 'ticketWithoutLock', params: { '--clients': 20 }, findings: [/^Oversold by \d+: /] },
  { id: 'lockDemo', params: { '--clients': 10, '--time-scale': 0.2 }, findings: [/^Lock wait: /] },
  { id: 'threadStart', params: { '--time-scale': 0.05 }, findings: [] },
  {
    id: 'threadDaemon',
    params: { '--time-scale': 0.1, '--daemon-secs': 5 },
    findings: [/^Daemon thread abandoned when its process exited: foo$/],
    needs: 'threads',
  },
  {
    id: 'threadLock',
    params: { '--threads': 10, '--time-scale': 0.1 },
    findings: [/^Lock wait: /],
    needs: 'threadLocks',
  },
  {
    id: 'threadQueue',
    params: { '--items': 50, '--maxsize': 2 },
    findings: [/^Queue q: at most [1-3] items/],
  },
  { id: 'threadTicketRace', params: { '--clients': 20 }, findings: [/^Oversold by \d+: /] },
  {
    id: 'deadlock',
    params: { '--timeout': 0.5, '--time-scale': 0.2 },
    findings: [
      /^Deadlock cycle: worker-\d holds lock_[ab] and waits for lock_[ab]; worker-\d holds lock_[ab] and waits for lock_[ab]$/,
      /^Gave up waiting \(timeout\): worker-1 → lock_b$/,
    ],
    needs: 'threadLocks',
  },
  {
    id: 'cpuThreadsVsProcesses',
    params: { '--workers': 2, '--count': 200000 },
    findings: [/^CPU-bound: processes /],
  },
  { id: 'poolMap', params: { '--tasks': 6, '--processes': 2, '--time-scale': 0.1 }, findings: [] },
  {
    id: 'semaphore',
    params: { '--workers': 5, '--limit': 2, '--time-scale': 0.1 },
    findings: [/^Lock wait: /],
    needs: 'threadLocks',
  },
  { id: 'eventCondition', params: { '--time-scale': 0.1 }, findings: [] },
  { id: 'barrier', params: { '--parties': 3, '--time-scale': 0.1 }, findings: [] },
];

/** Which capabilities the tracer shipped with the extension has, from one tiny traced program. */
function probeTracer(extensionPath: string): Record<Needs, boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-probe-'));
  try {
    const probe = join(dir, 'probe.py');
    writeFileSync(probe, 'import threading\nl = threading.Lock()\nwith l:\n    pass\n');
    const r = spawnSync('python3', ['-m', 'swimlane_tracer', probe], {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: join(extensionPath, 'src', 'python') },
      encoding: 'utf8',
    });
    const out = r.stdout ?? '';
    return { threads: out.includes('"k":"thread.'), threadLocks: out.includes('"kind":"Lock"') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function api(): Promise<SwimlaneApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  return (await ext.activate()) as SwimlaneApi;
}

/** Run a demo through the Run Demo command and wait for its end. */
async function runDemo(swimlane: SwimlaneApi, id: string, params: object): Promise<Header> {
  await vscode.commands.executeCommand('concurrencySwimlane.runDemo', id, params);
  return swimlane.waitForRunEnd(30_000);
}

describe('Demo catalogue in VS Code', () => {
  let swimlane: SwimlaneApi;
  let traced: Record<Needs, boolean>;

  before(async () => {
    swimlane = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    traced = probeTracer(ext.extensionPath);
  });

  it('opens the Concurrency view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.concurrencySwimlane');
  });

  for (const c of CASES) {
    it(`runs ${c.id} to the finished state with its findings`, async () => {
      const header = await runDemo(swimlane, c.id, c.params);
      const findings = header.findings ?? [];
      assert.equal(
        header.state,
        'finished',
        `${c.id} ended ${header.state}: ${header.error ?? ''}`,
      );
      if (c.needs && !traced[c.needs]) return; // the tracer does not trace this yet
      for (const re of c.findings) {
        assert.ok(
          findings.some((f) => re.test(f)),
          `${c.id}: no finding matches ${re}\n${findings.join('\n')}`,
        );
      }
    });
  }

  it('Run Again repeats the last demo', async () => {
    const first = await runDemo(swimlane, 'daemonVsNonDaemon', { '--time-scale': 0.1 });
    await vscode.commands.executeCommand('concurrencySwimlane.runAgain');
    const again = await swimlane.waitForRunEnd(30_000);
    assert.equal(again.state, 'finished');
    assert.equal(again.title, first.title);
    assert.equal(again.processes, first.processes);
  });

  it('runs a demo from its tree item (the inline button)', async () => {
    const entry = findDemo('daemonKilled');
    assert.ok(entry);
    await vscode.commands.executeCommand('concurrencySwimlane.runDemo', { kind: 'demo', entry });
    const header = await swimlane.waitForRunEnd(30_000);
    assert.equal(header.state, 'finished');
    assert.equal(header.title, entry.title.en);
  });

  it('Run Demo with Parameters asks for each parameter and runs with the answers', async () => {
    const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
    const original = window.showInputBox;
    const answers = ['2', '0.05'];
    const prompts: string[] = [];
    const errors: (string | null | undefined)[] = [];
    try {
      window.showInputBox = async (options) => {
        prompts.push(options?.prompt ?? '');
        const answer = answers.shift();
        const error = await options?.validateInput?.('abc');
        errors.push(typeof error === 'object' && error !== null ? error.message : error);
        return answer;
      };
      if (vscode.window.showInputBox !== window.showInputBox) return; // API object is frozen here
      await vscode.commands.executeCommand(
        'concurrencySwimlane.runDemoWithParameters',
        'printWithLock',
      );
      const header = await swimlane.waitForRunEnd(30_000);
      assert.equal(header.state, 'finished');
      assert.equal(header.processes, 3, 'main and 2 workers');
      assert.equal(prompts.length, 2);
      assert.ok(prompts[0].includes('--workers'));
      assert.deepEqual(errors, [
        'Enter a whole number from 1 to 50',
        'Enter a number from 0.01 to 10',
      ]);
    } finally {
      window.showInputBox = original;
    }
  });

  it('Compare runs two demos side by side in two panels', async () => {
    await vscode.commands.executeCommand(
      'concurrencySwimlane.compare',
      'ticketWithoutLock',
      'lockDemo',
      { '--clients': 10, '--time-scale': 0.2 },
    );
    const header = await swimlane.waitForRunEnd(30_000);
    assert.equal(header.state, 'finished');
    assert.ok((header.findings ?? []).some((f) => f.startsWith('Oversold by')));
    // The second panel's tab reaches the extension host's tab model asynchronously: poll.
    const groupsWithPanels = () =>
      vscode.window.tabGroups.all.filter((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview),
      ).length;
    const deadline = Date.now() + 10_000;
    while (groupsWithPanels() < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const layout = vscode.window.tabGroups.all
      .map((g) => `${g.viewColumn}:[${g.tabs.map((t) => t.label).join('|')}]`)
      .join(' ');
    assert.ok(groupsWithPanels() >= 2, `panels side by side: ${layout}`);
    await vscode.commands.executeCommand('concurrencySwimlane.stop');
  });
});
