// The object activate() returns: a small read-only API used by integration tests and other extensions.
import type { Header, ModelDelta } from './shared/webviewProtocol';

/** What `vscode.extensions.getExtension('concurrency-swimlane.concurrency-swimlane').exports` holds. */
export interface SwimlaneApi {
  /** Header of the current or most recent run, or null before the first run. */
  currentHeader(): Header | null;
  /** Full model (lanes, spans, marks, flows, header) of the current or most recent run. */
  currentModel(): ModelDelta | null;
  /** Resolves with the header once the current run has ended (finished, failed or stopped). */
  waitForRunEnd(timeoutMs: number): Promise<Header>;
}
