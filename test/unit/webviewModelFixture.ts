// The small swimlane model the webview's pure-module tests share (webviewInteraction,
// webviewGeometry): three lanes (a process, its child, a thread), three spans, marks, an arrow.
import type { Flow, Lane, Mark, Span } from '../../src/shared/webviewProtocol';
import type { SwimlaneModel } from '../../webview/layout';

/** A lane `id` ("pid" or "pid/tid") with test defaults, then `over`. */
const lane = (id: string, over: Partial<Lane> = {}): Lane => ({
  id,
  pid: Number(id.split('/')[0]),
  name: `L${id}`,
  parent: null,
  order: 0,
  daemon: false,
  main: false,
  begin: 0,
  end: 100,
  exitCode: 0,
  ...over,
});
/** A closed span labelled "<kind> <id>". */
export const span = (
  id: number,
  l: string,
  kind: Span['kind'],
  start: number,
  end: number,
  lockId?: string,
): Span => ({
  id,
  lane: l,
  kind,
  start,
  end,
  label: `${kind} ${id}`,
  ...(lockId ? { lockId } : {}),
});
/** A mark on lane `l`. */
const mark = (id: number, l: string, kind: Mark['kind'], t: number, text: string): Mark => ({
  id,
  lane: l,
  kind,
  t,
  text,
});

/** Lanes 1, 2 (child of 1) and 1/9 (a thread of 1), with spans, marks and a spawn arrow. */
export const model: SwimlaneModel = {
  lanes: [
    lane('1', { order: 0 }),
    lane('2', { order: 1, parent: 1 }),
    lane('1/9', { order: 2, parent: 1, thread: 9 }),
  ],
  spans: [
    span(0, '2', 'lockHold', 10, 20, 'A'),
    span(1, '2', 'sleep', 12, 18),
    span(2, '1/9', 'queueBlock', 5, 30, 'Q'),
  ],
  marks: [
    mark(0, '1', 'spawn', 2, 'start P'),
    mark(1, '2', 'print', 15, 'hello world'),
    mark(2, '2', 'end', 100, 'exit 3'),
  ],
  flows: [
    { id: 0, kind: 'spawn', from: { lane: '1', t: 2 }, to: { lane: '2', t: 4 } } satisfies Flow,
  ],
  header: null,
};
