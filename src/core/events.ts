// Tracer → host protocol, version 1.1 (docs/protocol.md). Pure: imports neither vscode nor child_process.

/** Protocol (major) version this host understands; `hello.v` carries the tracer's. */
export const PROTOCOL_VERSION = 1;

/** Minor version of the protocol this host understands (kinds added within major 1). */
export const PROTOCOL_MINOR = 1;

/** Fields every event carries: kind, monotonic time (ns), process and native thread id. */
export interface EventBase {
  t: number;
  pid: number;
  tid: number;
  /** `[file, line]` of the user's code that caused the event, when known. */
  src?: [string, number];
}

/** Kinds of synchronisation object the tracer reports. */
export type LockKind =
  'Lock' | 'RLock' | 'Semaphore' | 'BoundedSemaphore' | 'Condition' | 'Event' | 'Barrier';

/** Fields shared by all `lock.*` events: a cross-process object id and a readable label. */
export interface LockFields {
  id: string;
  kind: LockKind;
  label: string;
}

/** Non-blocking signalling operations on Event, Condition and Barrier objects. */
export type SignalOp = 'set' | 'clear' | 'notify' | 'notify_all' | 'reset' | 'abort';

/** Fields shared by all `queue.*` events: a cross-process queue id, its type and a label. */
export interface QueueFields {
  id: string;
  kind:
    | 'Queue'
    | 'JoinableQueue'
    | 'SimpleQueue'
    | 'queue.Queue'
    | 'queue.LifoQueue'
    | 'queue.PriorityQueue'
    | 'queue.SimpleQueue';
  label: string;
}

/** Why a process was killed: a daemon at the main code's end, terminate() or kill(). */
export type KillReason = 'daemon' | 'terminate' | 'kill';

/** One event of the stream, discriminated on `k`. */
export type TraceEvent =
  | (EventBase & {
      k: 'hello';
      v: number;
      py: string;
      tracer: string;
      method: string;
      argv: string[];
      wall: number;
      ppid: number;
      main: boolean;
      /** Protocol minor version (absent before 1.1). */
      minor?: number;
    })
  | (EventBase & {
      k: 'proc.spawn';
      child: number;
      name: string;
      daemon: boolean;
      target: string | null;
    })
  | (EventBase & { k: 'proc.begin'; name: string; daemon: boolean; ppid: number })
  | (EventBase & { k: 'proc.end'; code: number | null; sig?: number })
  | (EventBase & { k: 'proc.kill'; child: number; sig: number; why: KillReason })
  | (EventBase & { k: 'proc.joined'; child: number; code: number | null })
  | (EventBase & { k: 'main.done' })
  | (EventBase & {
      k: 'thread.start';
      child: number;
      name: string;
      daemon: boolean;
      target: string | null;
    })
  | (EventBase & { k: 'thread.begin'; name: string; daemon: boolean })
  | (EventBase & { k: 'thread.end'; name: string; abandoned?: boolean })
  | (EventBase & LockFields & { k: 'sync.signal'; op: SignalOp; n?: number })
  | (EventBase & QueueFields & { k: 'queue.put'; item: string; size?: number | null })
  | (EventBase &
      QueueFields & { k: 'queue.get'; item: string; size?: number | null; waited: number })
  | (EventBase & QueueFields & { k: 'queue.block'; op: 'put' | 'get' })
  /** 1.1: a put/get that blocked and then timed out (queue.Full / queue.Empty). */
  | (EventBase & QueueFields & { k: 'queue.timeout'; op: 'put' | 'get'; waited: number })
  | (EventBase & { k: 'task.begin'; task: string; func: string })
  | (EventBase & { k: 'task.end'; task: string; ok: boolean })
  | (EventBase & LockFields & { k: 'lock.wait' })
  | (EventBase & LockFields & { k: 'lock.acquired'; waited: number })
  | (EventBase & LockFields & { k: 'lock.release' })
  | (EventBase & LockFields & { k: 'lock.fail'; waited: number })
  /** 1.1: `count` back-to-back short uncontended holds of one lock by one thread, from `t`
   *  (first acquire) to `last` (last release), `held` ns held in all. */
  | (EventBase & LockFields & { k: 'lock.burst'; count: number; last: number; held: number })
  | (EventBase & { k: 'sleep'; secs: number })
  | (EventBase & { k: 'sleep.end' })
  | (EventBase & { k: 'out'; stream: 'out' | 'err'; text: string })
  | (EventBase & { k: 'exc'; type: string; msg: string; tb: string[] })
  | (EventBase & { k: 'io.read' | 'io.write'; path: string; preview: string })
  | (EventBase & {
      k: 'mark';
      label: string;
      data?: Record<string, string | number | boolean | null>;
    });

/** The `k` values of {@link TraceEvent}. */
export type EventKind = TraceEvent['k'];

/** Narrow an event union member by kind. */
export type EventOf<K extends EventKind> = Extract<TraceEvent, { k: K }>;

/** Compile-time exhaustiveness check for `switch` statements over unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
