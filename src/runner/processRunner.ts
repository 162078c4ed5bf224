/*
 * ProcessRunner: runs one traced program in its own process group and reports its bytes.
 *
 * States (one runner runs one program once):
 *
 *   idle ──start()──▶ starting ──'spawn'──▶ running ──'close'──────────────▶ exited
 *                        │                     │
 *                        │'error'              └──stop()──▶ stopping ──'close'──▶ exited
 *                        ▼
 *                      exited (error set: the interpreter could not be started)
 *
 * - start() spawns the command detached (setsid), so the child leads a new process group
 *   that holds every process it starts: multiprocessing children of all start methods,
 *   grandchildren, daemons and the forkserver.
 * - 'close' fires once the main process has exited and every writer of its stdout/stderr
 *   (children too) has gone; then the group is SIGKILLed to reap anything left.
 * - stop() sends SIGTERM to the group (so traced children flush their last events), then
 *   SIGKILL after a grace period; it resolves when the runner is exited.
 * - Backstop for processes that left the group (setsid/setpgid): every process of the run
 *   carries a marker in its environment and is signalled too (see processTree.ts). When the
 *   main process has exited but something still holds the output pipes open, the tree is
 *   killed after EXIT_LINGER_MS; if the pipes still do not close, the run ends anyway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { killTree, newRunMarker, RUN_MARKER_VAR } from './processTree';

/** The runner's lifecycle state (see the header comment). */
export type RunnerState = 'idle' | 'starting' | 'running' | 'stopping' | 'exited';

/** How the run ended. */
export interface RunnerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() ended it. */
  stopped: boolean;
  /** Set when the program could not be started at all. */
  error: string | null;
}

/** What to run. */
export interface RunSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Callbacks for a run's output and end. */
export interface RunnerListener {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
  state?(state: RunnerState): void;
  exit(exit: RunnerExit): void;
}

/** Grace period between SIGTERM and SIGKILL on stop(). */
export const STOP_GRACE_MS = 1000;

/** How long stragglers may keep the output pipes open after the main process exited. */
export const EXIT_LINGER_MS = 1000;

/** After the final SIGKILL, how long to wait for the pipes to close before ending anyway. */
const CLOSE_TIMEOUT_MS = 500;

/** Runs one program in its own process group; see the state diagram above. */
export class ProcessRunner {
  private child: ChildProcess | null = null;
  private _state: RunnerState = 'idle';
  private stopRequested = false;
  private killTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private lastDataAt = 0;
  /** Value of RUN_MARKER_VAR in the environment of every process of this run. */
  readonly marker = newRunMarker();
  private readonly exited: Promise<RunnerExit>;
  private resolveExit!: (exit: RunnerExit) => void;

  constructor(private readonly listener: RunnerListener) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Current state. */
  get state(): RunnerState {
    return this._state;
  }

  /** Process id of the main process (also the process group id), once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves when the runner reaches `exited`. */
  whenExited(): Promise<RunnerExit> {
    return this.exited;
  }

  /** Start the program; only valid in `idle`. */
  start(spec: RunSpec): void {
    if (this._state !== 'idle') throw new Error(`cannot start a runner in state ${this._state}`);
    this.setState('starting');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      // SWIMLANE_HOST_PID: the tracer's watchdog ends the tree if this host dies.
      env: { ...spec.env, [RUN_MARKER_VAR]: this.marker, SWIMLANE_HOST_PID: String(process.pid) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (b: Buffer) => {
      this.lastDataAt = Date.now();
      this.listener.stdout(b);
    });
    child.stderr?.on('data', (b: Buffer) => {
      this.lastDataAt = Date.now();
      this.listener.stderr(b);
    });
    child.once('spawn', () => {
      if (this._state === 'starting') this.setState('running');
    });
    child.once('error', (err) => {
      // Only spawn failures land here before 'close'; kill failures are ignored in kill().
      if (this._state === 'starting')
        this.finish({ code: null, signal: null, stopped: false, error: err.message });
    });
    child.once('exit', (code, signal) => {
      // The main process is gone: stragglers (escaped the group, or never exit) holding the
      // pipes get a moment to flush, then the tree is killed so that 'close' can come.
      this.later(EXIT_LINGER_MS, () => {
        this.killGroup('SIGKILL');
        this.endWhenIdle({ code, signal, stopped: this.stopRequested, error: null });
      });
    });
    child.once('close', (code, signal) => {
      this.finish({ code, signal, stopped: this.stopRequested, error: null });
    });
  }

  /** The last resort when the pipes do not close: end once no byte came for a while (bytes
   * still arriving are being drained and must not be lost). */
  private endWhenIdle(exit: RunnerExit): void {
    this.later(CLOSE_TIMEOUT_MS, () => {
      if (Date.now() - this.lastDataAt < CLOSE_TIMEOUT_MS) this.endWhenIdle(exit);
      else this.finish(exit);
    });
  }

  private later(ms: number, fn: () => void): void {
    if (this._state === 'exited') return;
    const t = setTimeout(fn, ms);
    t.unref?.();
    this.timers.push(t);
  }

  /** Stop the whole process tree: SIGTERM, then SIGKILL after the grace period. */
  stop(graceMs = STOP_GRACE_MS): Promise<RunnerExit> {
    if (this._state === 'starting' || this._state === 'running') {
      this.stopRequested = true;
      this.setState('stopping');
      this.killGroup('SIGTERM');
      this.killTimer = setTimeout(() => {
        this.killGroup('SIGKILL');
        // Pipes held open by something unkillable (or unseen): end the run regardless.
        this.endWhenIdle({ code: null, signal: 'SIGKILL', stopped: true, error: null });
      }, graceMs);
    }
    if (this._state === 'idle')
      this.finish({ code: null, signal: null, stopped: true, error: null });
    return this.exited;
  }

  private finish(exit: RunnerExit): void {
    if (this._state === 'exited') return;
    if (this.killTimer) clearTimeout(this.killTimer);
    for (const t of this.timers) clearTimeout(t);
    this.killGroup('SIGKILL'); // reap anything that outlived the main process
    this.child?.stdout?.destroy();
    this.child?.stderr?.destroy();
    this.setState('exited');
    this.resolveExit(exit);
    this.listener.exit(exit);
  }

  /** Signal the process group and every process carrying this run's marker. */
  private killGroup(signal: NodeJS.Signals): void {
    if (!this.child) return;
    killTree(this.child.pid, this.marker, signal);
  }

  private setState(state: RunnerState): void {
    this._state = state;
    this.listener.state?.(state);
  }
}
