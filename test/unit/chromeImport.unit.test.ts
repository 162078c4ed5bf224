// Importing Chrome traces made by other tools (best effort, with a report of what was skipped),
// and the `.swimlane.jsonl` raw event stream (round trip, bad lines reported).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EventLog } from '../../src/core/eventLog';
import { importChromeTrace } from '../../src/export/chromeImport';
import { describeSkipped } from '../../src/export/importReport';
import { importTraceText } from '../../src/export/importTrace';
import { importJsonl, parseJsonl, toJsonl } from '../../src/export/swimlaneJsonl';

const fixtures = join(__dirname, '../../../test/fixtures');

test('a foreign trace: names, B/E and X slices, instants and flows; the rest is reported', () => {
  const events = [
    { ph: 'M', name: 'process_name', pid: 1, tid: 1, args: { name: 'browser' } },
    { ph: 'M', name: 'thread_name', pid: 1, tid: 7, args: { name: 'IO' } },
    { ph: 'M', name: 'process_labels', pid: 1, tid: 1, args: { labels: 'x' } },
    { ph: 'B', name: 'load', pid: 1, tid: 1, ts: 1000 },
    { ph: 'X', name: 'parse', pid: 1, tid: 1, ts: 1100, dur: 50 },
    { ph: 'E', pid: 1, tid: 1, ts: 1300 },
    { ph: 'E', pid: 1, tid: 1, ts: 1400 },
    { ph: 'B', name: 'never ends', pid: 1, tid: 7, ts: 1200 },
    { ph: 'i', name: 'tick', pid: 1, tid: 7, ts: 1250, s: 't' },
    { ph: 's', name: 'msg', cat: 'ipc', id: 5, pid: 1, tid: 1, ts: 1150 },
    { ph: 'f', name: 'msg', cat: 'ipc', id: 5, pid: 2, tid: 2, ts: 1500, bp: 'e' },
    { ph: 'f', name: 'lost', cat: 'ipc', id: 9, pid: 2, tid: 2, ts: 1500 },
    { ph: 'C', name: 'mem', pid: 1, ts: 1000, args: { v: 3 } },
    { ph: 'C', name: 'mem', pid: 1, ts: 1100, args: { v: 4 } },
    { ph: 'b', name: 'req', cat: 'net', id: 1, pid: 1, tid: 1, ts: 1000 },
    { ph: 'Q', pid: 1, tid: 1, ts: 1 },
    { ph: 'X', name: 'no ts', pid: 1, tid: 1 },
    'junk',
  ];
  const { model, report } = importChromeTrace({ traceEvents: events }, 'other tool');
  assert.equal(report.format, 'chrome');
  assert.deepEqual(
    model.lanes.map((l) => l.name),
    ['browser', 'IO', '2'],
  );
  assert.deepEqual(
    model.spans.map((s) => [s.label, s.start, s.end]),
    [
      ['load', 0, 300_000],
      ['parse', 100_000, 150_000],
    ],
  );
  assert.deepEqual(
    model.marks.map((m) => [m.lane, m.text, m.t]),
    [['1/7', 'tick', 250_000]],
  );
  assert.deepEqual(
    model.flows?.map((f) => [f.from, f.to, f.label]),
    [[{ lane: '1', t: 150_000 }, { lane: '2', t: 500_000 }, 'msg']],
  );
  assert.deepEqual(report.skipped, {
    'metadata process_labels': 1,
    'end (E) without a begin': 1,
    'flow end (f) without a start': 1,
    'counter events (C)': 2,
    'async events (b/n/e)': 1,
    'unknown phase "Q"': 1,
    'no timestamp (ts)': 1,
    'not an object': 1,
    'begin (B) without an end': 1,
  });
  assert.equal(describeSkipped(report)[0], '2 × counter events (C)');
  assert.equal(model.header.state, 'finished');
  assert.equal(model.header.processes, 2);
});

test('input that is not a trace is a clear error', () => {
  assert.throws(() => importChromeTrace({ foo: 1 }, 'x'), /not a Chrome trace/);
  assert.throws(() => importChromeTrace(42, 'x'), /not a Chrome trace/);
  assert.throws(() => importJsonl('{"a":1}\nnot json\n', 'x'), /no valid swimlane event/);
});

test('jsonl round trip: events → text → events; bad lines are counted, framed lines read', () => {
  const text = readFileSync(join(fixtures, 'pool-queue-lock.swimlane.jsonl'), 'utf8');
  const first = parseJsonl(text);
  assert.equal(first.events.length, first.lines);
  assert.deepEqual(first.skipped, {});
  const again = parseJsonl(toJsonl(first.events));
  assert.deepEqual(again.events, first.events);
  const framed = first.events.map((e) => `\u001e${JSON.stringify(e)}`).join('\n');
  const mixed = `${framed}\n{"k":"nope","t":1,"pid":1,"tid":1}\n{broken\n`;
  const r = importJsonl(mixed, 'mixed');
  assert.deepEqual(r.report.skipped, {
    'lines that are not valid events': 1,
    'lines that are not JSON': 1,
  });
  assert.deepEqual(r.model, importJsonl(text, 'mixed').model);
});

test('the event log of a run is bounded: later events are counted, not kept', () => {
  const log = new EventLog(3);
  const { events } = parseJsonl(
    readFileSync(join(fixtures, 'pool-queue-lock.swimlane.jsonl'), 'utf8'),
  );
  for (const e of events.slice(0, 5)) log.push(e);
  assert.deepEqual(log.all(), events.slice(0, 3));
  assert.equal(log.dropped, 2);
});

test('importTraceText picks the format by content and name, and rejects other files clearly', () => {
  const jsonl = readFileSync(join(fixtures, 'pool-queue-lock.swimlane.jsonl'), 'utf8');
  const asJsonl = importTraceText(`\uFEFF${jsonl}`, 'run.swimlane.jsonl');
  assert.equal(asJsonl.report.format, 'jsonl');
  assert.equal(asJsonl.trace.title, 'run');
  assert.equal(asJsonl.trace.events?.length, jsonl.trim().split('\n').length);
  const chrome = JSON.stringify([{ ph: 'X', name: 'a', pid: 1, tid: 1, ts: 5, dur: 2 }]);
  const asChrome = importTraceText(chrome, 'other.json');
  assert.equal(asChrome.report.format, 'chrome');
  assert.equal(asChrome.trace.events, null);
  assert.equal(asChrome.trace.model.spans.length, 1);
  assert.throws(() => importTraceText('hello\nworld\n', 'notes.json'), /no valid swimlane event/);
  assert.throws(() => importTraceText('', 'empty.swimlane.jsonl'), /holds no trace events/);
  assert.throws(() => importTraceText('{"a": 1}', 'config.json'), /no valid swimlane event/);
});
