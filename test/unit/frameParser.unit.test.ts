// Unit tests of the frame parser: whole, byte by byte, random chunks, and junk of every kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameParser, MAX_FRAME_BYTES, type ParsedItem } from '../../src/core/frameParser';

const FIXTURE = readFileSync(join(__dirname, '../../../test/fixtures/lock-demo-10.trace'));
const enc = new TextEncoder();

/** Deterministic PRNG (mulberry32) so failures can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseInChunks(bytes: Uint8Array, sizes: () => number): ParsedItem[] {
  const p = new FrameParser();
  const items: ParsedItem[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = Math.max(1, sizes());
    items.push(...p.push(bytes.subarray(i, i + n)));
    i += n;
  }
  items.push(...p.end());
  return items;
}

function summary(items: ParsedItem[]): { events: string[]; output: string; bad: number } {
  const events: string[] = [];
  const out: number[] = [];
  let bad = 0;
  for (const it of items) {
    if (it.type === 'event') events.push(JSON.stringify(it.event));
    else if (it.type === 'output') out.push(...it.bytes);
    else bad++;
  }
  return { events, output: Buffer.from(out).toString('utf8'), bad };
}

test('a recorded Lock Demo trace parses whole, with no junk', () => {
  const s = summary(parseInChunks(FIXTURE, () => FIXTURE.length));
  assert.equal(s.bad, 0);
  assert.equal(s.output, '');
  assert.equal(s.events.length, FIXTURE.filter((b) => b === 0x1e).length);
  assert.ok(s.events.some((e) => e.includes('"k":"lock.acquired"')));
});

test('byte by byte and random chunks give exactly the same events', () => {
  const whole = summary(parseInChunks(FIXTURE, () => FIXTURE.length));
  assert.deepEqual(summary(parseInChunks(FIXTURE, () => 1)), whole);
  for (let seed = 1; seed <= 20; seed++) {
    const r = rng(seed);
    assert.deepEqual(
      summary(parseInChunks(FIXTURE, () => Math.floor(r() * 300))),
      whole,
      `seed ${seed}`,
    );
  }
});

test('bytes outside frames are kept as program output, in order', () => {
  const frame = '\x1e{"k":"main.done","t":5,"pid":1,"tid":1}\n';
  const bytes = enc.encode(`hello ${frame}wörld\n${frame}tail`);
  const s = summary(parseInChunks(bytes, () => 3));
  assert.equal(s.output, 'hello wörld\ntail');
  assert.equal(s.events.length, 2);
});

test('junk frames are reported, kept as bytes, and never throw', () => {
  const cases: [string, Uint8Array][] = [
    ['not json', enc.encode('\x1e{nope}\n')],
    ['unknown kind', enc.encode('\x1e{"k":"zzz","t":1,"pid":1,"tid":1}\n')],
    ['missing field', enc.encode('\x1e{"k":"proc.spawn","t":1,"pid":1,"tid":1}\n')],
    ['wrong type', enc.encode('\x1e{"k":"sleep","t":"x","pid":1,"tid":1,"secs":1}\n')],
    ['array', enc.encode('\x1e[1,2]\n')],
    ['invalid utf-8', Uint8Array.from([0x1e, 0x7b, 0xff, 0xfe, 0x7d, 0x0a])],
  ];
  for (const [name, bytes] of cases) {
    const p = new FrameParser();
    const items = [...p.push(bytes), ...p.end()];
    assert.equal(items.length, 1, name);
    assert.equal(items[0].type, 'bad', name);
    assert.deepEqual([...(items[0] as { bytes: Uint8Array }).bytes], [...bytes], name);
    assert.equal(p.badFrames, 1, name);
  }
});

test('a truncated frame followed by a good one keeps both', () => {
  const good = '\x1e{"k":"main.done","t":5,"pid":1,"tid":1}\n';
  const items = [...new FrameParser().push(enc.encode(`\x1e{"k":"out","t"${good}`))];
  assert.deepEqual(
    items.map((i) => i.type),
    ['bad', 'event'],
  );
});

test('a frame that never ends is given up on without unbounded memory', () => {
  const p = new FrameParser();
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  let bad = 0;
  bad += p.push(Uint8Array.of(0x1e)).length;
  for (let sent = 0; sent <= MAX_FRAME_BYTES + chunk.length; sent += chunk.length) {
    bad += p.push(chunk).filter((i) => i.type === 'bad').length;
  }
  assert.equal(bad, 1);
  assert.equal(p.badFrames, 1);
});

test('random bytes never throw and every byte is accounted for', () => {
  const r = rng(42);
  for (let round = 0; round < 200; round++) {
    const bytes = Uint8Array.from({ length: 2000 }, () => {
      const x = r();
      return x < 0.05 ? 0x1e : x < 0.1 ? 0x0a : Math.floor(r() * 256);
    });
    const items = parseInChunks(bytes, () => Math.floor(r() * 100));
    let kept = 0;
    for (const it of items) if (it.type !== 'event') kept += it.bytes.length;
    // Valid events are vanishingly unlikely here; everything else is kept byte for byte
    // (bad frames also carry the newline that ended them).
    assert.ok(kept >= bytes.length - bytes.filter((b) => b === 0x0a).length);
  }
});
