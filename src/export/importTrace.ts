// Read a trace file's text in either format (Chrome Trace JSON or `.swimlane.jsonl`). Pure.
import { importChromeTrace, chromeEventList } from './chromeImport';
import type { ExportableTrace } from './exportFormats';
import type { ImportReport } from './importReport';
import { JSONL_SUFFIX, importJsonl, parseJsonl } from './swimlaneJsonl';

/** Largest trace file read (characters). */
export const MAX_TRACE_CHARS = 512 * 1024 * 1024;

/** The title shown for a file: its name without the trace suffixes. */
export function titleOf(fileName: string): string {
  return fileName.replace(/(\.swimlane\.jsonl|\.jsonl|\.trace\.json|\.json)$/i, '') || fileName;
}

/** Parse a trace file; throws a clear error when it is neither format. */
export function importTraceText(
  text: string,
  fileName: string,
): { trace: ExportableTrace; report: ImportReport } {
  if (text.length > MAX_TRACE_CHARS)
    throw new Error(`file larger than ${MAX_TRACE_CHARS} characters`);
  const title = titleOf(fileName);
  const body = text.replace(/^\uFEFF/, '');
  if (!fileName.toLowerCase().endsWith(JSONL_SUFFIX)) {
    let json: unknown = undefined;
    try {
      json = JSON.parse(body);
    } catch {
      // not one JSON document: maybe JSON lines
    }
    if (json !== undefined && chromeEventList(json)) {
      const { model, report } = importChromeTrace(json, title);
      return { trace: { title: model.header.title, model, events: null }, report };
    }
  }
  const { model, report } = importJsonl(body, title);
  if (report.events === 0) throw new Error('the file holds no trace events');
  return { trace: { title, model, events: parseJsonl(body).events }, report };
}
