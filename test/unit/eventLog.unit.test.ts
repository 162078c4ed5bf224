// The run's event log keeps events as compact JSON lines: export text and events come back
// exactly as pushed, across chunk boundaries and with non-ASCII text, bounded by its maximum.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TraceEvent } from '../../src/core/events';
import { CHUNK_BYTES, EventLog } from '../../src/core/eventLog';
import { exportText } from '../../src/export/exportFormats';
import { modelFromEvents, parseJsonl, toJsonl } from '../../src/export/swimlaneJsonl';

const fixtures = join(__dirname, '../../../test/fixtures');
const recorded = parseJsonl(
  readFileSync(join(fixtures, 'pool-queue-lock.swimlane.jsonl'), 'utf8'),
).events;

/** An `out` event with `text` (prints carry the program's own text, any size, any script). */
const print = (t: number, text: string): TraceEvent => ({
  k: 'out',
  t,
  pid: 1,
  tid: 1,
  stream: 'out',
  text,
});

test('the event log gives back the recorded events and the same .swimlane.jsonl text', () => {
  const log = new EventLog();
  for (const e of recorded) log.push(e);
  assert.equal(log.length, recorded.length);
  assert.deepEqual(log.all(), recorded);
  assert.equal(log.jsonl(), toJsonl(recorded));
  const model = modelFromEvents(recorded, 't').snapshot();
  const fromObjects = exportText('jsonl', { title: 't', model, events: recorded });
  assert.equal(exportText('jsonl', { title: 't', model, events: log.all() }), fromObjects);
});

test('lines across many chunks, multi-byte text and a line longer than a chunk survive exactly', () => {
  const log = new EventLog();
  const events: TraceEvent[] = [];
  const texts = [
    '中文路径 ✓',
    'emoji 🧵 and a lone surrogate \ud800 end',
    'x'.repeat(CHUNK_BYTES + 7),
  ];
  for (let i = 0; events.length < 40_000; i++) {
    // Line lengths that do not divide the chunk size, so lines end at every offset near it.
    const e = print(i, `${texts[i % 2]} #${i} ${'é'.repeat(i % 97)}`);
    events.push(e);
    if (i === 20_000) events.push(print(i, texts[2]));
  }
  for (const e of events) log.push(e);
  assert.ok(log.bytes > 3 * CHUNK_BYTES, `only ${log.bytes} bytes: the test must span chunks`);
  assert.equal(log.jsonl(), toJsonl(events));
  assert.deepEqual(log.all(), JSON.parse(JSON.stringify(events)));
});

test('the event log is bounded: later events are counted, not kept, and it stays compact', () => {
  const log = new EventLog(1000);
  for (let i = 0; i < 5000; i++) log.push(recorded[i % recorded.length]);
  assert.equal(log.length, 1000);
  assert.equal(log.dropped, 4000);
  assert.equal(log.all().length, 1000);
  // The bytes are those of the JSON lines (one chunk here), not per-event objects.
  assert.equal(log.bytes, CHUNK_BYTES);
  const text = log.jsonl();
  assert.equal(text.split('\n').length, 1001);
});

test('a frame kept as its own text comes back as the same events, its text unchanged', () => {
  // The session keeps the tracer's frame text as it came (no stringify of the parsed event):
  // number and escape spellings that JSON.stringify would write differently stay as written.
  const lines = [
    '{"k":"sleep","t":10,"pid":1,"tid":1,"secs":1.0}',
    '{"k":"out","t":11,"pid":1,"tid":1,"stream":"out","text":"caf\\u00e9 \\ud83e\\uddf5\\n"}',
    '{"k":"sleep","t":12,"pid":1,"tid":1,"secs":2.5e-3}\r',
  ];
  const log = new EventLog(2);
  for (const line of lines) log.pushLine(line);
  assert.equal(log.length, 2);
  assert.equal(log.dropped, 1);
  assert.equal(log.jsonl(), `${lines[0]}\n${lines[1]}\n`);
  assert.deepEqual(log.all(), [
    { k: 'sleep', t: 10, pid: 1, tid: 1, secs: 1 },
    { k: 'out', t: 11, pid: 1, tid: 1, stream: 'out', text: 'café 🧵\n' },
  ]);
});
