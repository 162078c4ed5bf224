// Findings: what a run shows, in plain words, computed from the model. Pure.
import { findDeadlockCycle } from './deadlockCycle';
import { FINDINGS_EN, FINDINGS_ZH, type FindingsText } from './findingsText';
import { tallyQueues, type QueueTally } from './retention';
import type { Header, Lane, Mark, Span } from '../shared/webviewProtocol';

/** What the findings rules read; the span and mark rules run only when those are given. */
export interface FindingsInput {
  header: Header;
  lanes: readonly Lane[];
  spans?: readonly Span[];
  marks?: readonly Mark[];
  /** Language of the sentences (default English). */
  lang?: 'en' | 'zh';
  /** Queue tallies of marks merged away to bound memory (the marks given come after them). */
  mergedQueues?: ReadonlyMap<string, QueueTally>;
}

const TOOK_MARK = /^(threads|processes) took ([\d.]+) s$/;
const ABANDONED = 'abandoned at exit (daemon thread)';
const GAVE_UP = 'gave up waiting for ';

/** The findings for the header, most important first. */
export function computeFindings(input: FindingsInput): string[] {
  const { header, lanes, spans, marks } = input;
  const text = input.lang === 'zh' ? FINDINGS_ZH : FINDINGS_EN;
  const names = new Map(lanes.map((l) => [l.id, l.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const out: string[] = [];
  const { ticketsSold: sold, ticketsAvailable: avail } = header;
  if (sold !== null && avail !== null && sold > avail)
    out.push(text.oversold(sold - avail, sold, avail));
  if (spans) {
    const cycle = findDeadlockCycle(spans);
    if (cycle) out.push(text.deadlock(cycle.map((s) => ({ ...s, lane: nameOf(s.lane) }))));
  }
  const daemons = lanes.filter((l) => l.killed === 'daemon');
  if (daemons.length > 0) out.push(text.daemons(daemons.map((l) => l.name)));
  if (marks) out.push(...markFindings(marks, nameOf, text, input.mergedQueues));
  if (header.lockWaitTotal > 0) {
    out.push(text.lockWait(header.lockWaitTotal, header.lockWaitMax, longestWaiter(spans, nameOf)));
  }
  return out;
}

/** Lane (and lock) of the longest closed lock wait, when the spans are known. */
function longestWaiter(
  spans: readonly Span[] | undefined,
  nameOf: (id: string) => string,
): { lane: string; lock: string } | null {
  let best: Span | null = null;
  for (const s of spans ?? []) {
    if (s.kind !== 'lockWait' || s.lockId === undefined || s.end === null) continue;
    if (!best || s.end - s.start > (best.end ?? 0) - best.start) best = s;
  }
  if (!best) return null;
  const lock = best.label.startsWith('waits for ') ? best.label.slice(10) : best.label;
  return { lane: nameOf(best.lane), lock };
}

/** Findings read from marks: queue depth, speed-up, exceptions, timeouts, abandoned threads. */
function markFindings(
  marks: readonly Mark[],
  nameOf: (id: string) => string,
  text: FindingsText,
  merged?: ReadonlyMap<string, QueueTally>,
): string[] {
  const out: string[] = [];
  const took: Record<string, number> = {};
  const excs: string[] = [];
  const gaveUp = new Set<string>();
  const abandoned: string[] = [];
  for (const m of marks) {
    if (m.kind === 'io') {
      continue; // queue marks: tallyQueues below
    } else if (m.kind === 'mark') {
      const k = TOOK_MARK.exec(m.text);
      if (k) took[k[1]] = Number(k[2]);
      else if (m.text.startsWith(GAVE_UP))
        gaveUp.add(`${nameOf(m.lane)} → ${m.text.slice(GAVE_UP.length)}`);
    } else if (m.kind === 'exc') {
      excs.push(`${nameOf(m.lane)}: ${m.text}`);
    } else if (m.text === ABANDONED) {
      abandoned.push(nameOf(m.lane));
    }
  }
  if (gaveUp.size > 0) out.push(text.gaveUp([...gaveUp].slice(0, 4)));
  if (excs.length > 0) out.push(text.exceptions(excs.slice(0, 2), Math.max(0, excs.length - 2)));
  if (abandoned.length > 0) out.push(text.abandoned(abandoned));
  if (took.threads !== undefined && took.processes !== undefined)
    out.push(text.speedUp(took.threads, took.processes));
  for (const [name, q] of tallyQueues(marks, merged)) {
    out.push(text.queueDepth(name, q.max, q.puts, q.gets));
  }
  return out;
}
