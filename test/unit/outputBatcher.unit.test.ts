// Unit tests of the output batcher: program output reaches the channel in few appends, in order,
// and nothing is lost or left waiting after a flush.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTPUT_BATCH_CHARS, OutputBatcher } from '../../src/features/outputBatcher';

function channel(): { append(s: string): void; calls: string[] } {
  const calls: string[] = [];
  return { calls, append: (s) => void calls.push(s) };
}

test('10k prints become one append, in order, once the batch time passed', async () => {
  const ch = channel();
  const b = new OutputBatcher(ch);
  for (let i = 0; i < 10000; i++) b.append(`${i} put\n`);
  assert.equal(ch.calls.length, 0, 'nothing appended synchronously');
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(ch.calls.length, 1);
  const lines = ch.calls[0].split('\n');
  assert.equal(lines[0], '0 put');
  assert.equal(lines[9999], '9999 put');
});

test('a big batch is appended at once; flush empties the queue; discard drops it', () => {
  const ch = channel();
  const b = new OutputBatcher(ch);
  b.append('x'.repeat(OUTPUT_BATCH_CHARS));
  assert.equal(ch.calls.length, 1);
  b.append('tail');
  b.flush();
  assert.deepEqual(ch.calls.slice(1), ['tail']);
  b.flush();
  assert.equal(ch.calls.length, 2, 'an empty flush appends nothing');
  b.append('dropped');
  b.discard();
  b.flush();
  assert.equal(ch.calls.length, 2);
});
