// One run of a demo: temp workdir → traced process → parser/model → rate-limited deltas.
// No vscode import: the panel and output channel are reached through the sinks.
import { delimiter, isAbsolute, join } from 'node:path';
import { EventLog } from '../core/eventLog';
import { DeltaPump } from '../core/deltaPump';
import { TraceFeed, type OutputSource } from '../core/traceFeed';
import type { RetentionBudget } from '../core/retention';
import { TraceModel } from '../core/traceModel';
import type { DemoSpec } from '../demos/demoSpec';
import { ProcessRunner, type RunnerExit } from '../runner/processRunner';
import {
  createWorkdir,
  removeWorkdir,
  sweepStaleWorkdirs,
  workdirTmp,
} from '../runner/tempWorkdir';
import type { Header, ModelDelta } from '../shared/webviewProtocol';

/** After a delta of N items is delivered, the next waits at least N × this many ms (capped, see
 *  DeltaPump.paceAtLeast): the webview applies and draws a big delta after its delivery, and at
 *  full speed fewer, larger deltas cost it (and the machine) less than many small ones. */
export const PACE_MS_PER_ITEM = 0.004;

/** Items in a delta (lanes, spans, marks, arrows). */
const itemsOf = (d: ModelDelta): number =>
  d.lanes.length + d.spans.length + d.marks.length + (d.flows?.length ?? 0);

/** The sweep of stale run directories, started by this host's first run. */
let swept: Promise<string[]> | undefined;

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

/**
 * The traced program's environment: the tracer on PYTHONPATH, UTF-8 whatever the locale
 * (LANG=C must not garble Chinese prints), and on Linux a TMPDIR inside the workdir so that
 * what multiprocessing leaves in temp (forkserver sockets, pymp-* dirs) goes with it.
 */
export function programEnv(
  base: NodeJS.ProcessEnv,
  tracerPath: string,
  workdir: string,
  keepPythonPath = false,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    PYTHONPATH: [tracerPath, keepPythonPath ? base.PYTHONPATH : undefined]
      .filter(Boolean)
      .join(delimiter),
    PYTHONIOENCODING: 'utf-8',
    PYTHONUTF8: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  // macOS temp paths are long: a socket path below them could pass the 104-byte limit.
  if (process.platform === 'linux') env.TMPDIR = workdirTmp(workdir);
  return env;
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
    retention?: RetentionBudget,
  ) {
    this.model = new TraceModel({
      title: spec.title,
      ticketsAvailable: spec.ticketsAvailable ?? null,
      successText: spec.successText,
      retention,
    });
    this.feed = new TraceFeed(this.model, sinks.output, (_e, text) => this.events.pushLine(text));
    this.pump = new DeltaPump(() => {
      const delta = this.model.takeDelta();
      this.pump.paceAtLeast(itemsOf(delta) * PACE_MS_PER_ITEM);
      try {
        // Returned, so the pump holds the next delta until this one was delivered (flow control).
        return sinks.delta(delta);
      } catch (e) {
        // The view went away (a disposed webview): the model keeps everything regardless.
        console.warn('swimlane: delta not delivered:', e);
        return undefined;
      }
    });
    this.ended = new Promise((r) => (this.resolveEnded = r));
  }

  /** Resolves with the final header once the run has ended. */
  whenEnded(): Promise<Header> {
    return this.ended;
  }

  /** The main process id (= process group) and the run's marker, once started. */
  get processes(): { pid: number | undefined; marker: string } | null {
    return this.runner ? { pid: this.runner.pid, marker: this.runner.marker } : null;
  }

  /** The run's temporary working directory, while it exists. */
  get workdirPath(): string | null {
    return this.workdir;
  }

  /** True until the run has ended. */
  get active(): boolean {
    const s = this.model.getHeader().state;
    return s === 'starting' || s === 'running';
  }

  /** Create the temporary workdir and start `python -m swimlane_tracer script args`, in the
   * spec's cwd if it names one, else in the workdir. */
  async start(python: string, extensionRoot: string): Promise<void> {
    // Always a temporary workdir: the demo's files and cwd, and for every run the program's
    // TMPDIR, so sockets and temp dirs of multiprocessing go away with the run.
    // Once per extension host: what hosts killed mid-run left behind (not awaited).
    swept ??= sweepStaleWorkdirs().catch(() => []);
    const workdir = await createWorkdir(this.spec.files);
    if (!this.active) {
      // Stopped (another run, panel closed) while the workdir was being made: start nothing.
      await removeWorkdir(workdir);
      return;
    }
    this.workdir = workdir;
    const cwd = this.spec.cwd ?? workdir;
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
      // The user's own program keeps its PYTHONPATH, after the tracer's.
      env: programEnv(process.env, tracerPath, workdir, this.spec.cwd !== undefined),
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
    const { state, error } = describeExit(exit);
    try {
      this.feed.end();
      if (error) this.sinks.output(`\n[${state}] ${error}\n`, 'stderr', null);
    } catch (e) {
      // A throwing sink must not leave the temp dir or the run behind.
      console.warn('swimlane: while ending the run:', e);
    }
    this.model.setState(state, error);
    this.pump.flushNow();
    if (this.workdir) await removeWorkdir(this.workdir);
    this.resolveEnded(this.model.getHeader());
  }
}
