// Bounded retention on a real traced program: the queue demo through the real session with a
// small budget keeps the model bounded, counts what it merged, and says so in its deltas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FindingsFeed } from '../../src/features/findingsFeed';
import { RunSession } from '../../src/session/runSession';
import type { ModelDelta } from '../../src/shared/webviewProtocol';

const root = join(__dirname, '../../..');
const BUDGET = { spans: 200, marks: 300, flows: 100 };

test('a 3000-item queue run keeps the budget, merges the rest and reports it', async () => {
  const deltas: ModelDelta[] = [];
  let peak = 0;
  const session = new RunSession(
    {
      id: 'queue',
      title: 'queue',
      script: 'src/python/scenarios/queue_producer_consumer.py',
      files: {},
      args: ['--items', '3000'],
    },
    {
      delta: (d) => {
        deltas.push(d);
        peak = Math.max(peak, session.model.allMarks().length);
      },
      output: () => undefined,
    },
    BUDGET,
  );
  await session.start('python3', root);
  const h = await session.whenEnded();
  assert.equal(h.state, 'finished');
  assert.ok(h.events > 12000, `events: ${h.events}`);
  // A trim that cannot merge enough (items after the horizon another list chose) raises the
  // next trim by a quarter of the budget, so the bound is 1.5× the budget, not the budget.
  assert.ok(peak <= BUDGET.marks * 1.5, `marks peaked at ${peak}`);
  const m = session.model;
  assert.ok(m.allMarks().length <= BUDGET.marks + 1);
  assert.ok(m.allFlows().length <= BUDGET.flows + 1);
  assert.ok(h.dropped > 6000, `merged ${h.dropped}`);
  assert.equal(deltas.at(-1)?.header.dropped, h.dropped, 'the last delta carries the counter');
  const summaries = m.snapshot().spans.filter((s) => s.label.startsWith('older detail merged'));
  assert.ok(summaries.length >= 2, 'writer and reader lanes each have a summary span');
  const prints = summaries.map((s) => Number(/print ×(\d+)/.exec(s.label)?.[1] ?? 0));
  assert.ok(prints.reduce((a, b) => a + b) > 3000, `merged prints: ${prints.join(', ')}`);
  // The queue finding still counts every put and get, merged ones included.
  const findings = new FindingsFeed(m, 'en').header(h).findings ?? [];
  const queue = findings.find((f) => f.startsWith('Queue'));
  assert.match(queue ?? '', /\(3001 put, 3001 got\)/, findings.join(' | '));
  // The tail of the run is kept in full detail: the reader's last prints are there.
  assert.ok(m.allMarks().some((x) => x.kind === 'print' && x.text === '2999 read'));
});
