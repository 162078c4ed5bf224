// What a demo is: a shipped Python program, its arguments, files and findings rules. Pure data.

/** A runnable demo: the script under src/python/scenarios and how to run it. */
export interface DemoSpec {
  id: string;
  title: string;
  /** Path of the script relative to the extension's root, or absolute (the user's own file). */
  script: string;
  /** Files created in the run's fresh temporary working directory. */
  files: Record<string, string>;
  /** Absolute working directory: when set, the run uses it instead of a temporary one. */
  cwd?: string;
  /** multiprocessing start method passed to the tracer (`--start-method`). */
  startMethod?: 'fork' | 'spawn' | 'forkserver';
  /** Command-line arguments, built from the user's settings. */
  args: string[];
  /** Tickets available at the start, for the ticket demos. */
  ticketsAvailable?: number;
  /** Print text that means one ticket was sold. */
  successText?: string;
}

/** Parameters of the Lock Demo (settings concurrencySwimlane.lockDemo.*). */
export interface LockDemoParams {
  clients: number;
  timeScale: number;
}

/** The tutorial's ticket purchase with a Lock (seed section 一.4, last program). */
export function lockDemo(
  params: LockDemoParams,
  title = (clients: number) => `Lock Demo: ${clients} clients, 1 ticket, 1 Lock`,
): DemoSpec {
  const clients = Math.max(1, Math.min(500, Math.round(params.clients)));
  const timeScale = Math.max(0.01, Math.min(10, params.timeScale));
  return {
    id: 'lockDemo',
    title: title(clients),
    script: 'src/python/scenarios/lock_demo.py',
    files: { 'db.txt': '{"count": 1}' },
    args: ['--clients', String(clients), '--time-scale', String(timeScale)],
    ticketsAvailable: 1,
    successText: '购票成功',
  };
}
