// One run of a demo: temp workdir → traced process → parser/model → rate-limited deltas.
// No vscode import: the panel and output channel are reached through the sinks.
import { join } from 'node:path';
import { DeltaPump } from '../core/deltaPump';
import { TraceFeed, type OutputSource } from '../core/traceFeed';
import type { RetentionBudget } from '../core/retention';
import { TraceModel } from '../core/traceModel';
import type { DemoSpec } from '../demos/demoSpec';
import { ProcessRunner, type RunnerExit } from '../runner/processRunner';
import { createWorkdir, removeWorkdir } from '../runner/tempWorkdir';
import type { Header, ModelDelta } from '../shared/webviewProtocol';

/** Where a session sends what it produces. */
export interface SessionSinks {
  /** A model delta, at most 60 per second; a returned promise holds the next delta back
   *  until it settles (the webview got this one), so changes coalesce instead of queueing. */
  delta(delta: ModelDelta): unknown;
  /** Program output and errors, as text. */
  output(text: string, source: OutputSource, pid: number | null): void;
}

/** Describe how a run ended, in the header's words. */
export function describeExit(exit: RunnerExit): { state: Header['state']; error: string | null } {
  if (exit.error) return { state: 'failed', error: exit.error };
  if (exit.stopped) return { state: 'stopped', error: null };
  if (exit.code === 0) return { state: 'finished', error: null };
  if (exit.signal) return { state: 'failed', error: `killed by ${exit.signal}` };
  return { state: 'failed', error: `exited with code ${exit.code}` };
}

/** A single traced run of a demo. */
export class RunSession {
  readonly model: TraceModel;
  private readonly feed: TraceFeed;
  private readonly pump: DeltaPump;
  private runner: ProcessRunner | null = null;
  private workdir: string | null = null;
  private readonly ended: Promise<Header>;
  private resolveEnded!: (h: Header) => void;

  constructor(
    readonly spec: DemoSpec,
    private readonly sinks: SessionSinks,
    retention?: RetentionBudget,
  ) {
    this.model = new TraceModel({
      title: spec.title,
      ticketsAvailable: spec.ticketsAvailable ?? null,
      successText: spec.successText,
      retention,
    });
    this.feed = new TraceFeed(this.model, sinks.output);
    this.pump = new DeltaPump(() => sinks.delta(this.model.takeDelta()));
    this.ended = new Promise((r) => (this.resolveEnded = r));
  }

  /** Resolves with the final header once the run has ended. */
  whenEnded(): Promise<Header> {
    return this.ended;
  }

  /** True until the run has ended. */
  get active(): boolean {
    const s = this.model.getHeader().state;
    return s === 'starting' || s === 'running';
  }

  /** Create the workdir and start `python -m swimlane_tracer script args`. */
  async start(python: string, extensionRoot: string): Promise<void> {
    this.workdir = await createWorkdir(this.spec.files);
    const tracerPath = join(extensionRoot, 'src', 'python');
    this.runner = new ProcessRunner({
      stdout: (b) => {
        this.feed.pushStdout(b);
        this.pump.poke();
      },
      stderr: (b) => this.feed.pushStderr(b),
      state: (s) => {
        if (s === 'running') this.model.setState('running');
        this.pump.poke();
      },
      exit: (exit) => void this.finish(exit),
    });
    this.runner.start({
      command: python,
      args: ['-m', 'swimlane_tracer', join(extensionRoot, this.spec.script), ...this.spec.args],
      cwd: this.workdir,
      env: {
        ...process.env,
        PYTHONPATH: tracerPath,
        PYTHONIOENCODING: 'utf-8',
        PYTHONDONTWRITEBYTECODE: '1',
      },
    });
  }

  /** Stop the run (the whole process tree) and wait until it has ended. */
  async stop(): Promise<Header> {
    if (this.runner) await this.runner.stop();
    else this.finish({ code: null, signal: null, stopped: true, error: null });
    return this.ended;
  }

  private async finish(exit: RunnerExit): Promise<void> {
    if (!this.active) return;
    this.feed.end();
    const { state, error } = describeExit(exit);
    if (error) this.sinks.output(`\n[${state}] ${error}\n`, 'stderr', null);
    this.model.setState(state, error);
    this.pump.flushNow();
    if (this.workdir) await removeWorkdir(this.workdir);
    this.resolveEnded(this.model.getHeader());
  }
}
