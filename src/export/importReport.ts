// What an import read and what it had to skip. Pure.
import type { ModelDelta } from '../shared/webviewProtocol';

/** What an import could not use, by reason, with counts. */
export interface ImportReport {
  format: 'swimlane' | 'chrome' | 'jsonl';
  /** Items in the file (events or lines). */
  events: number;
  skipped: Record<string, number>;
}

/** A model read from a file and the report of what was skipped. */
export interface ImportResult {
  model: ModelDelta;
  report: ImportReport;
}

/** Count one skipped item under `reason`. */
export function skip(report: ImportReport, reason: string): void {
  report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
}

/** Total of skipped items. */
export function skippedCount(report: ImportReport): number {
  return Object.values(report.skipped).reduce((a, b) => a + b, 0);
}

/** One line per reason: "3 × counter events (C)". */
export function describeSkipped(report: ImportReport): string[] {
  return Object.entries(report.skipped)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n} × ${reason}`);
}
