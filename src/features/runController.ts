// Owns the current run and the panel: start (stopping any previous run), stop, and the test API.
import * as vscode from 'vscode';
import type { SwimlaneApi } from '../api';
import { CONFIG_SECTION } from '../commandIds';
import type { DemoSpec } from '../demos/demoSpec';
import { takeRevivedPanel } from '../panel/panelSerializer';
import { SwimlanePanel } from '../panel/swimlanePanel';
import { locatePython, type PythonFound, type PythonProblem } from '../runner/pythonLocator';
import { RunSession } from '../session/runSession';
import type { TraceEvent } from '../core/events';
import type { Header, ModelDelta } from '../shared/webviewProtocol';
import { stripAnsi } from '../core/text';
import { uiLang } from './demoPicker';
import { FindingsFeed } from './findingsFeed';
import { OutputBatcher } from './outputBatcher';
import type { SharedAxis } from './sharedAxis';
import { chooseInterpreter, pythonProblemText } from './interpreter';
import { mayRunUserCode } from './workspaceTrust';

/** A run started or ended; `run` numbers runs so a late end is not taken for the current one. */
export type RunChange =
  | { kind: 'started'; run: number; spec: DemoSpec; at: number }
  | { kind: 'ended'; run: number; spec: DemoSpec; header: Header };

/** Runs demos one at a time and shows them in one swimlane panel. */
export class RunController implements vscode.Disposable {
  private session: RunSession | null = null;
  private leaveAxis: (() => void) | null = null;
  private findings: FindingsFeed | null = null;
  private panel: SwimlanePanel | null = null;
  private runs = 0;
  private requests = 0;
  private readonly changed = new vscode.EventEmitter<RunChange>();
  /** Fires when a run starts and when it ends. */
  readonly onDidChangeRun = this.changed.event;
  /** The spec of the most recent run (for Run Again). */
  lastSpec: DemoSpec | null = null;
  /** Program output, appended in batches (flushed before every direct write). */
  private readonly programOutput: OutputBatcher;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {
    this.programOutput = new OutputBatcher(output);
  }

  /** Start `spec`, after stopping whatever runs now, with `chosen` or the configured Python.
   * Resolves once the program started. The user's own code (a spec with a cwd) needs trust. */
  async run(spec: DemoSpec, axis: SharedAxis | null = null, chosen?: PythonFound): Promise<void> {
    if (spec.cwd && !mayRunUserCode()) return;
    // Runs requested in quick succession: only the latest goes on, and whatever started
    // meanwhile is stopped first, so no run is ever left untracked.
    const request = ++this.requests;
    await this.stop();
    this.leaveAxis?.();
    this.leaveAxis = null;
    const configured = vscode.workspace
      .getConfiguration(CONFIG_SECTION)
      .get<string>('pythonPath', '');
    // The user's own file (Run Again of a traced file) picks its interpreter like Trace Python File.
    const python =
      chosen ??
      (spec.cwd
        ? await chooseInterpreter(vscode.Uri.file(spec.script))
        : await locatePython(configured));
    if (request !== this.requests) return;
    await this.stop();
    if (request !== this.requests) return;
    if (!python.ok) {
      this.programOutput.flush();
      this.output.appendLine(
        `[error] ${python.reason}: ${python.detail || python.tried.join(', ')}`,
      );
      void this.reportPythonProblem(python);
      return;
    }
    const panel = this.ensurePanel();
    // Compare…: when the other run makes the shared axis longer after this one ended, this
    // panel gets a header-only delta so both keep one time axis.
    const onGrow = (end: number): void => {
      if (this.session !== session || session.active) return;
      const header = { ...feed.header(session.model.getHeader()), axisEnd: end };
      panel.postDelta({ lanes: [], spans: [], marks: [], header });
    };
    if (axis) this.leaveAxis = axis.join(onGrow);
    let findings: FindingsFeed | null = null;
    const session = new RunSession(spec, {
      delta: (d) => {
        const out = findings ? findings.delta(d) : d;
        if (axis) out.header.axisEnd = axis.grow(out.header.duration, onGrow);
        return panel.postDelta(out);
      },
      output: (text, source, pid) => this.log(text, source, pid),
    });
    findings = new FindingsFeed(session.model, uiLang());
    const feed = findings;
    this.findings = feed;
    this.session = session;
    panel.show({
      title: spec.title,
      snapshot: () => {
        const snap = feed.delta(session.model.snapshot());
        if (axis) snap.header.axisEnd = Math.max(axis.current, snap.header.duration);
        return snap;
      },
    });
    this.programOutput.discard();
    this.output.clear();
    this.output.appendLine(`▶ ${spec.title} — Python ${python.version} (${python.path})`);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('{0} running', spec.title) },
      () => session.whenEnded(),
    );
    void session.whenEnded().then((h) => {
      this.programOutput.flush();
      this.output.appendLine(`■ ${h.state}${h.error ? `: ${h.error}` : ''}`);
      for (const f of feed.header(h).findings ?? []) this.output.appendLine(`  • ${f}`);
    });
    this.lastSpec = spec;
    const run = ++this.runs;
    void session
      .whenEnded()
      .then((header) => this.changed.fire({ kind: 'ended', run, spec, header }));
    this.changed.fire({ kind: 'started', run, spec, at: Date.now() });
    await session.start(python.path, this.extensionUri.fsPath);
  }

  /** Stop the current run, if any, and wait for its process tree to be gone. */
  async stop(): Promise<Header | null> {
    const s = this.session;
    if (!s || !s.active) return null;
    return s.stop();
  }

  /** True while a run is in progress. */
  get running(): boolean {
    return this.session?.active ?? false;
  }

  /** The current or last run's title, model (with findings) and raw events; null before any. */
  currentTrace(): {
    title: string;
    model: ModelDelta;
    events: readonly TraceEvent[];
    eventsDropped: number;
  } | null {
    const s = this.session;
    if (!s) return null;
    const model = s.model.snapshot();
    let events: readonly TraceEvent[] | undefined;
    return {
      title: s.spec.title,
      model: this.findings ? this.findings.delta(model) : model,
      // Parsed from the log's compact JSON lines only when an export reads them.
      get events() {
        return (events ??= s.events.all());
      },
      eventsDropped: s.events.dropped,
    };
  }

  /** The read-only API activate() returns. */
  api(): SwimlaneApi {
    return {
      currentHeader: () => {
        const h = this.session?.model.getHeader();
        return h && this.findings ? this.findings.header(h) : (h ?? null);
      },
      currentModel: () => this.currentTrace()?.model ?? null,
      waitForRunEnd: async (timeoutMs) => {
        const s = this.session;
        if (!s) throw new Error('no run has been started');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`run did not end within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        try {
          const header = await Promise.race([s.whenEnded(), timeout]);
          return this.findings && this.session === s ? this.findings.header(header) : header;
        } finally {
          clearTimeout(timer);
        }
      },
    };
  }

  private ensurePanel(): SwimlanePanel {
    if (this.panel) return this.panel;
    // After a window reload, reuse the panel VS Code restored instead of opening a second one.
    const revived = takeRevivedPanel();
    revived?.setStopHandler(() => void this.stop());
    const panel = revived ?? new SwimlanePanel(this.extensionUri, () => void this.stop());
    panel.onDidDispose(() => {
      this.panel = null;
      void this.stop(); // closing the panel ends the run's process tree
    });
    this.panel = panel;
    return panel;
  }

  private log(text: string, source: string, pid: number | null): void {
    const clean = stripAnsi(text);
    if (source === 'out' || source === 'err') {
      const prefix = pid === null ? '' : `[${pid}${source === 'err' ? ' stderr' : ''}] `;
      this.programOutput.append(clean.replace(/^(?=.)/gm, prefix));
    } else {
      this.programOutput.append(clean);
    }
  }

  private async reportPythonProblem(p: PythonProblem): Promise<void> {
    const settings = vscode.l10n.t('Open Settings');
    const message =
      p.reason === 'tooOld'
        ? vscode.l10n.t('Concurrency Swimlane needs Python 3.9 or later ({0}).', p.detail)
        : pythonProblemText(p);
    const pick = await vscode.window.showErrorMessage(message, settings);
    if (pick === settings) {
      await vscode.commands.executeCommand(
        'workbench.action.openSettings',
        `${CONFIG_SECTION}.pythonPath`,
      );
    }
  }

  /** Stop the run and close the panel (deactivation). */
  async shutdown(): Promise<void> {
    await this.stop();
    this.panel?.dispose();
  }

  /** Synchronous part of shutdown for the disposables list. */
  dispose(): void {
    this.programOutput.discard();
    void this.shutdown();
    this.changed.dispose();
  }
}
