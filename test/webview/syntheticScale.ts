// A deterministic large run for the scale tests and the webview bench rows: many process lanes (some
// with thread sub-lanes) each doing a seeded mix of run, sleep, lock wait/hold, queue block and
// task spans, with prints, spawn arrows and queue arrows, cut into host → webview delta messages.
// Browser-safe (no Node imports): the bench bundles it and generates the messages inside the page.
import type {
  Flow,
  Header,
  HostToWebview,
  Lane,
  Mark,
  Span,
  SpanKind,
} from '../../src/shared/webviewProtocol';

/** Nanoseconds per millisecond. */
const MS = 1_000_000;
/** Length of the synthetic run: 60 s. */
export const SCALE_DURATION = 60_000 * MS;

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many lanes a run of `spans` spans gets by default: 20 at 10k, 50 at 100k, 500 at 1M. */
export function scaleLanes(spans: number): number {
  return Math.max(20, Math.min(500, Math.round(spans / 2000)));
}

/** The lanes: processes in spawn order, every fourth with two thread sub-lanes under it. */
function makeLanes(count: number): Lane[] {
  const lanes: Lane[] = [];
  let pid = 1000;
  let order = 0;
  while (lanes.length < count) {
    const p = pid++;
    const main = lanes.length === 0;
    const base = { pid: p, daemon: false, main, begin: 0, end: SCALE_DURATION, exitCode: 0 };
    lanes.push({
      ...base,
      id: String(p),
      name: main ? 'MainProcess' : `Worker-${p}`,
      parent: main ? null : 1000,
      order: order++,
    });
    if (p % 4 === 0)
      for (let t = 1; t <= 2 && lanes.length < count; t++)
        lanes.push({
          ...base,
          id: `${p}/${p * 10 + t}`,
          thread: p * 10 + t,
          name: `Thread-${t}`,
          parent: 1000,
          main: false,
          order: order++,
        });
  }
  return lanes;
}

/** Header of the run after `events` events; `done` once everything was sent. */
function makeHeader(lanes: number, events: number, done: boolean): Header {
  return {
    title: `Synthetic scale run (${lanes} lanes)`,
    state: done ? 'finished' : 'running',
    duration: SCALE_DURATION,
    processes: lanes,
    ticketsSold: null,
    ticketsAvailable: null,
    lockWaitTotal: 0,
    lockWaitMax: 0,
    mainDone: SCALE_DURATION - 5 * MS,
    events,
    badFrames: 0,
    dropped: 0,
    error: null,
  };
}

/** Span kinds of the mix, with their weights (waits come with a hold right after them). */
const MIX: readonly [SpanKind, number][] = [
  ['run', 0.34],
  ['sleep', 0.14],
  ['lockWait', 0.2],
  ['queueBlock', 0.06],
  ['task', 0.06],
];
const MIX_TOTAL = MIX.reduce((a, [, w]) => a + w, 0);

/**
 * The messages of a run with `spans` spans (about one print per 10 spans, one queue arrow per 1000,
 * a spawn arrow per process), `chunk` spans per delta, `laneCount` lanes (in the first delta).
 */
export function* scaleMessages(
  spans: number,
  chunk = 25_000,
  laneCount = scaleLanes(spans),
  seed = 7,
): Generator<HostToWebview> {
  const r = rng(seed);
  const lanes = makeLanes(laneCount);
  const per = Math.ceil(spans / lanes.length);
  const step = SCALE_DURATION / per;
  // Every lane's clock, and the lane each next span goes to (round robin, so chunks cover the run).
  const clock = new Float64Array(lanes.length);
  let nextId = 0;
  let markId = 0;
  let flowId = 0;
  let events = 0;
  let first = true;
  const flows: Flow[] = lanes
    .filter((l) => l.thread === undefined && !l.main)
    .map((l) => ({
      id: flowId++,
      kind: 'spawn',
      from: { lane: '1000', t: 0 },
      to: { lane: l.id, t: 0 },
      label: l.name,
    }));
  while (nextId < spans) {
    const out: Span[] = [];
    const marks: Mark[] = [];
    const batchFlows: Flow[] = first ? flows : [];
    while (out.length < chunk && nextId < spans) {
      const li = nextId % lanes.length;
      const lane = lanes[li].id;
      const t = clock[li];
      const len = step * (0.3 + r() * 1.2);
      let pick = r() * MIX_TOTAL;
      let kind: SpanKind = 'run';
      for (const [k, w] of MIX)
        if ((pick -= w) <= 0) {
          kind = k;
          break;
        }
      const lock = `lock-${Math.floor(r() * 8)}`;
      if (kind === 'lockWait') {
        const w = len * 0.4;
        out.push({
          id: nextId++,
          lane,
          kind,
          start: t,
          end: t + w,
          label: `waits for Lock@${lock}`,
          lockId: lock,
        });
        if (nextId < spans)
          out.push({
            id: nextId++,
            lane,
            kind: 'lockHold',
            start: t + w,
            end: t + len,
            label: `holds Lock@${lock}`,
            lockId: lock,
            src: ['/work/demo/worker.py', 42],
          });
      } else if (kind === 'queueBlock') {
        out.push({
          id: nextId++,
          lane,
          kind,
          start: t,
          end: t + len,
          label: 'blocked: jobs empty',
          lockId: 'queue-1',
        });
      } else {
        const label =
          kind === 'sleep'
            ? `sleep(${(len / 1e9).toFixed(3)} s)`
            : kind === 'task'
              ? 'task crunch'
              : 'running';
        out.push({ id: nextId++, lane, kind, start: t, end: t + len, label });
      }
      clock[li] = t + len + step * 0.05;
      if (r() < 0.1)
        marks.push({
          id: markId++,
          lane,
          kind: 'print',
          t: t + len / 2,
          text: `worker ${li} step ${nextId}`,
          src: ['/work/demo/worker.py', 17],
        });
      if (r() < 0.001) {
        const to = lanes[(li + 1 + Math.floor(r() * (lanes.length - 1))) % lanes.length].id;
        batchFlows.push({
          id: flowId++,
          kind: 'queue',
          from: { lane, t: t + len },
          to: { lane: to, t: t + len + step },
          label: `jobs #${flowId}`,
        });
      }
    }
    events += out.length + marks.length;
    const done = nextId >= spans;
    yield {
      type: 'delta',
      lanes: first ? lanes : [],
      spans: out,
      marks,
      flows: batchFlows,
      header: makeHeader(lanes.length, events, done),
    };
    first = false;
  }
}
