// Unit tests of the compact column codec (src/shared/wireColumn.ts): exact round trips of
// integers up to 2^51 in magnitude and nulls, running sums, what does not fit, and junk strings
// that are refused, never thrown on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_COMPACT, compactable, decodeColumn, encodeColumn } from '../../src/shared/wireColumn';

let seed = 11;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

/** A random integer of up to `bits` bits, either sign. */
function value(bits: number): number {
  let v = 0;
  for (let b = 0; b < bits; b += 15) v = v * 2 ** Math.min(15, bits - b) + rand(2 ** 15);
  v = Math.min(v, MAX_COMPACT);
  return rand(2) ? -v : v;
}

test('integer columns round-trip exactly, nulls too, through JSON', () => {
  const edges = [0, 1, -1, 15, 16, -16, -17, 31, 32, 2 ** 30, -(2 ** 30), 2 ** 31, 2 ** 32 + 1];
  const cols: (number | null)[][] = [[], edges, [MAX_COMPACT, -MAX_COMPACT, MAX_COMPACT - 1]];
  for (let i = 0; i < 300; i++) {
    const bits = rand(53);
    cols.push(Array.from({ length: rand(40) }, () => (rand(10) === 0 ? null : value(bits))));
  }
  for (const col of cols) {
    const nullable = col.includes(null);
    assert.ok(compactable(col, nullable));
    const s = encodeColumn(col);
    assert.ok(s !== null);
    assert.equal(JSON.stringify(s), `"${s}"`, 'JSON leaves every character as it is');
    assert.deepEqual(decodeColumn(JSON.parse(JSON.stringify(s)) as string, nullable), col);
    if (!nullable) {
      const sums: number[] = [];
      let acc = 0;
      for (const v of col as number[]) sums.push((acc += v));
      assert.deepEqual(decodeColumn(s, false, true), sums, 'running sums');
    }
  }
});

test('values a compact column cannot hold exactly are refused', () => {
  for (const v of [0.5, NaN, Infinity, -Infinity, MAX_COMPACT + 1, -MAX_COMPACT - 2, 2 ** 60]) {
    assert.equal(compactable([1, v]), false, String(v));
    assert.equal(encodeColumn([1, v]), null, String(v));
  }
  assert.equal(compactable([1, null]), false, 'null only where allowed');
  assert.equal(compactable([1, null], true), true);
});

test('strings that are not compact columns decode to null, never throw', () => {
  const bad = ['"', '\\', 'a}', ' ', '#', '#$%&', 'é', '!', '#!', 'BBBBBBBBBBBBB]', 'BBBBBBBBBBB|'];
  for (const s of bad) assert.equal(decodeColumn(s), null, JSON.stringify(s));
  assert.equal(decodeColumn('!', true, true), null, 'no null in a running column');
  assert.deepEqual(decodeColumn('!', true), [null]);
  const chars =
    '!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~é';
  for (let i = 0; i < 2000; i++) {
    const s = Array.from({ length: rand(12) }, () => chars[rand(chars.length)]).join('');
    const out = decodeColumn(s, rand(2) === 0);
    if (out === null) continue;
    for (const v of out) assert.ok(v === null || Number.isSafeInteger(v), `${s}: ${v}`);
    const nonNull = out.filter((v): v is number => v !== null);
    assert.ok(nonNull.every((v) => Math.abs(v) <= MAX_COMPACT));
  }
});
