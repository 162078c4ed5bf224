// The three share formats of a trace, as file text: Chrome Trace JSON, raw `.swimlane.jsonl`,
// standalone HTML. Pure: the caller reads the webview assets and writes the file.
import type { TraceEvent } from '../core/events';
import type { ModelDelta } from '../shared/webviewProtocol';
import { toChromeTrace } from './chromeExport';
import { standaloneHtml } from './standaloneHtml';
import { toJsonl } from './swimlaneJsonl';

/** Export formats of a whole trace. */
export type TraceFormat = 'chrome' | 'jsonl' | 'html';

/** A trace to export: its model, and its raw events when it has them (runs, `.jsonl` files). */
export interface ExportableTrace {
  title: string;
  model: ModelDelta;
  events: readonly TraceEvent[] | null;
  /** Events of the run not kept (the log is bounded); the `.jsonl` export then ends early. */
  eventsDropped?: number;
}

/** What the standalone HTML inlines: built webview script, stylesheet, UI strings. */
export interface HtmlAssets {
  script: string;
  css: string;
  strings: Record<string, string>;
  lang: string;
}

/** File name ending per format. */
export const FORMAT_SUFFIX: Record<TraceFormat, string> = {
  chrome: '.trace.json',
  jsonl: '.swimlane.jsonl',
  html: '.html',
};

/** The file text of `trace` in `format`; throws a clear error when it cannot be made. */
export function exportText(
  format: TraceFormat,
  trace: ExportableTrace,
  assets?: HtmlAssets,
): string {
  switch (format) {
    case 'chrome':
      return `${JSON.stringify(toChromeTrace(trace.model))}\n`;
    case 'jsonl':
      if (!trace.events) {
        throw new Error('this trace has no raw event stream (it was read from a Chrome trace)');
      }
      return toJsonl(trace.events);
    case 'html':
      if (!assets) throw new Error('the webview assets are needed for a standalone HTML file');
      return standaloneHtml({ ...assets, model: trace.model, title: trace.title });
  }
}

/** A file name from a title: letters, digits, spaces, "_" and "-" only. */
export function safeBaseName(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'swimlane'
  );
}
