// Chrome Trace Event export against the format's rules (slices nest per thread, flows bound to
// slices, ts in µs, names and sort order) and the round trip trace → Chrome JSON → import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ChromeEvent } from '../../src/export/chromeEvents';
import { toChromeTrace } from '../../src/export/chromeExport';
import { importChromeTrace } from '../../src/export/chromeImport';
import { importJsonl } from '../../src/export/swimlaneJsonl';
import type { ModelDelta } from '../../src/shared/webviewProtocol';

const fixtures = join(__dirname, '../../../test/fixtures');
const text = readFileSync(join(fixtures, 'pool-queue-lock.swimlane.jsonl'), 'utf8');
const model: ModelDelta = importJsonl(text, 'Pool, Queue, Lock').model;
const trace = toChromeTrace(model);
const events = trace.traceEvents;
const thread = (e: ChromeEvent): string => `${e.pid}:${e.tid}`;

test('the fixture model has processes, threads, spans of several kinds and both flow kinds', () => {
  assert.ok(model.lanes.filter((l) => l.thread === undefined).length >= 4);
  assert.ok(model.lanes.some((l) => l.thread !== undefined));
  const kinds = new Set(model.spans.map((s) => s.kind));
  for (const k of ['lockHold', 'task', 'sleep']) assert.ok(kinds.has(k as never), k);
  const flows = new Set((model.flows ?? []).map((f) => f.kind));
  assert.deepEqual(flows, new Set(['spawn', 'queue']));
});

test('every lane has a thread name and sort index; every process a name and sort index', () => {
  const meta = events.filter((e) => e.ph === 'M');
  for (const l of model.lanes) {
    const tid = l.thread ?? l.pid;
    const name = meta.find((e) => e.name === 'thread_name' && e.pid === l.pid && e.tid === tid);
    assert.equal(name?.args?.name, l.name);
    const idx = meta.find(
      (e) => e.name === 'thread_sort_index' && e.pid === l.pid && e.tid === tid,
    );
    assert.equal(idx?.args?.sort_index, l.order);
  }
  for (const pid of new Set(model.lanes.map((l) => l.pid))) {
    assert.ok(meta.some((e) => e.name === 'process_name' && e.pid === pid));
    assert.ok(meta.some((e) => e.name === 'process_sort_index' && e.pid === pid));
  }
});

test('X slices nest on every thread: no two slices partly overlap', () => {
  const byThread = new Map<string, ChromeEvent[]>();
  for (const e of events.filter((x) => x.ph === 'X')) {
    byThread.set(thread(e), [...(byThread.get(thread(e)) ?? []), e]);
  }
  assert.ok(byThread.size >= model.lanes.length);
  for (const [key, list] of byThread) {
    for (const a of list) {
      assert.ok((a.dur ?? -1) >= 0, `dur of ${a.name}`);
      for (const b of list) {
        if (a === b) continue;
        const [a0, a1, b0, b1] = [a.ts!, a.ts! + a.dur!, b.ts!, b.ts! + b.dur!];
        const disjoint = a1 <= b0 || b1 <= a0;
        const nested = (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);
        assert.ok(disjoint || nested, `${key}: "${a.name}" and "${b.name}" overlap partly`);
      }
    }
  }
});

test('flows: every s has its f with the same id, cat and name, both bound to a slice', () => {
  const starts = events.filter((e) => e.ph === 's');
  const ends = events.filter((e) => e.ph === 'f');
  assert.equal(starts.length, (model.flows ?? []).length);
  assert.equal(ends.length, starts.length);
  const slices = events.filter((e) => e.ph === 'X');
  const bound = (e: ChromeEvent): boolean =>
    slices.some((s) => thread(s) === thread(e) && s.ts! <= e.ts! && e.ts! <= s.ts! + s.dur!);
  for (const s of starts) {
    const f = ends.find((x) => x.id === s.id);
    assert.ok(f, `flow ${s.id} has an end`);
    assert.equal(f.cat, s.cat);
    assert.equal(f.name, s.name);
    assert.equal(f.bp, 'e');
    assert.ok(bound(s) && bound(f), `flow ${s.id} bound to slices`);
  }
  assert.ok(starts.some((s) => s.cat === 'queue') && starts.some((s) => s.cat === 'spawn'));
});

test('ts and dur are microseconds; marks are thread-scoped instants', () => {
  const span = model.spans.find((s) => s.kind === 'lockHold' && s.end !== null)!;
  const slice = events.find(
    (e) =>
      e.ph === 'X' && (e.args?.swimlane as { id?: number })?.id === span.id && e.cat === span.kind,
  )!;
  assert.equal(slice.ts, span.start / 1000);
  assert.equal(slice.dur, (span.end! - span.start) / 1000);
  const instants = events.filter((e) => e.ph === 'i');
  assert.equal(instants.length, model.marks.length);
  assert.ok(instants.every((e) => e.s === 't'));
  const m = model.marks[model.marks.length - 1];
  assert.ok(instants.some((e) => e.ts === m.t / 1000 && e.cat === m.kind));
});

test('round trip: Chrome JSON text → import gives the same lanes, spans, marks and flows', () => {
  const back = importChromeTrace(JSON.parse(JSON.stringify(trace)), 'ignored');
  assert.equal(back.report.format, 'swimlane');
  assert.deepEqual(back.report.skipped, {});
  assert.deepEqual(back.model.lanes, model.lanes);
  const byId = <T extends { id: number }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id - b.id);
  assert.deepEqual(byId(back.model.spans), byId(model.spans));
  assert.deepEqual(byId(back.model.marks), byId(model.marks));
  assert.deepEqual(byId(back.model.flows ?? []), byId(model.flows ?? []));
  assert.equal(back.model.header.title, 'Pool, Queue, Lock');
  assert.equal(back.model.header.duration, model.header.duration);
});

test('the same trace read as a foreign Chrome trace keeps every lane, slice and flow', () => {
  const foreign = JSON.parse(JSON.stringify(trace)) as { traceEvents: ChromeEvent[] };
  for (const e of foreign.traceEvents) delete e.args?.swimlane; // no exact items: best effort
  const back = importChromeTrace(foreign.traceEvents, 'foreign');
  assert.equal(back.report.format, 'chrome');
  assert.equal(back.model.lanes.length, model.lanes.length);
  assert.deepEqual(
    back.model.lanes.map((l) => l.name),
    model.lanes.map((l) => l.name),
  );
  // One span per model span plus one lifetime slice per lane.
  assert.equal(back.model.spans.length, model.spans.length + model.lanes.length);
  assert.equal(back.model.flows?.length, model.flows?.length);
  assert.deepEqual(
    new Set(back.model.flows?.map((f) => f.kind)),
    new Set(model.flows?.map((f) => f.kind)),
  );
  assert.equal(back.model.marks.length, model.marks.length);
});
