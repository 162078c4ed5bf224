// One run of a demo: temp workdir → traced process → parser/model → rate-limited deltas.
// No vscode import: the panel and output channel are reached through the sinks.
import { delimiter, isAbsolute, join } from 'node:path';
import { EventLog } from '../core/eventLog';
import { DeltaPump } from '../core/deltaPump';
import { TraceFeed, type OutputSource } from '../core/traceFeed';
import { TraceModel } from '../core/traceModel';
import type { DemoSpec } from '../demos/demoSpec';
import { ProcessRunner, type RunnerExit } from '../runner/processRunner';
import { createWorkdir, removeWorkdir } from '../runner/tempWorkdir';
import type { Header, ModelDelta } from '../shared/webviewProtocol';

/** Where a session sends what it produces. */
export interface SessionSinks {
  /** A model delta, at most 60 per second. */
  delta(delta: ModelDelta): void;
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
  /** Every event of the run (bounded), for the `.swimlane.jsonl` export. */
  readonly events = new EventLog();
  private readonly feed: TraceFeed;
  private readonly pump: DeltaPump;
  private runner: ProcessRunner | null = null;
  private workdir: string | null = null;
  private readonly ended: Promise<Header>;
  private resolveEnded!: (h: Header) => void;

  constructor(
    readonly spec: DemoSpec,
    private readonly sinks: SessionSinks,
  ) {
    this.model = new TraceModel({
      title: spec.title,
      ticketsAvailable: spec.ticketsAvailable ?? null,
      successText: spec.successText,
    });
    this.feed = new TraceFeed(this.model, sinks.output, (e) => this.events.push(e));
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

  /** Create the workdir (unless the spec names one) and start `python -m swimlane_tracer script args`. */
  async start(python: string, extensionRoot: string): Promise<void> {
    if (!this.spec.cwd) this.workdir = await createWorkdir(this.spec.files);
    const cwd = this.spec.cwd ?? this.workdir ?? '.';
    const tracerPath = join(extensionRoot, 'src', 'python');
    const script = isAbsolute(this.spec.script)
      ? this.spec.script
      : join(extensionRoot, this.spec.script);
    const method = this.spec.startMethod ? ['--start-method', this.spec.startMethod] : [];
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
      args: ['-m', 'swimlane_tracer', ...method, script, ...this.spec.args],
      cwd,
      env: {
        ...process.env,
        // The user's own program keeps its PYTHONPATH, after the tracer's.
        PYTHONPATH: [tracerPath, this.spec.cwd ? process.env.PYTHONPATH : undefined]
          .filter(Boolean)
          .join(delimiter),
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
