// The Chrome Trace Event format's shapes (the subset this extension writes and reads). Pure.
import type { Header } from '../shared/webviewProtocol';

/** Event phases: complete slice, begin/end, instant, flow start/step/end, metadata, and others. */
export type ChromePhase = string;

/** One trace event; `ts` and `dur` are in microseconds. */
export interface ChromeEvent {
  name: string;
  ph: ChromePhase;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: number | string;
  /** Flow end binding: "e" binds to the enclosing slice. */
  bp?: 'e';
  /** Instant scope: thread, process or global. */
  s?: 't' | 'p' | 'g';
  args?: Record<string, unknown>;
}

/** Marks a Chrome trace written by this extension (its args carry the exact model items). */
export const GENERATOR = 'concurrency-swimlane';

/** The JSON Object Format: events plus metadata. */
export interface ChromeTrace {
  traceEvents: ChromeEvent[];
  displayTimeUnit: 'ms' | 'ns';
  otherData: { generator: typeof GENERATOR; version: 1; title: string; header: Header };
}

/** Nanoseconds (the model's unit) to microseconds (the format's unit). */
export function nsToUs(ns: number): number {
  return ns / 1000;
}

/** Microseconds to whole nanoseconds. */
export function usToNs(us: number): number {
  return Math.round(us * 1000);
}
