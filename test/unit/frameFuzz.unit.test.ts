// Fuzzing the frame parser (and the feed and model behind it) with 100k+ generated inputs from a
// seeded PRNG: random bytes, truncated frames, huge lines and frames, invalid UTF-8, unknown
// kinds, out-of-order times, missing fields and wrong types, split into random chunks.
// It must never throw, keep every byte that is not a valid event (in order, byte for byte),
// and count bad frames exactly. Replay a failure with FUZZ_SEED=<seed printed in the message>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameParser, MAX_FRAME_BYTES, type ParsedItem } from '../../src/core/frameParser';
import { TraceFeed } from '../../src/core/traceFeed';
import { TraceModel } from '../../src/core/traceModel';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const INPUTS = 100_000;
const RS = 0x1e;
const NL = 0x0a;
const enc = new TextEncoder();

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Good events: every frame of a recorded Lock Demo run, as objects. */
const GOOD: Record<string, unknown>[] = readFileSync(
  join(__dirname, '../../../test/fixtures/lock-demo-10.trace'),
  'utf8',
)
  .split('\x1e')
  .filter((f) => f.trim())
  .map((f) => JSON.parse(f) as Record<string, unknown>);

/** A piece of a generated input and what the parser must make of it. */
interface Segment {
  bytes: Uint8Array;
  expect: 'event' | 'output' | 'bad';
  /** A truncated frame: only valid when the next segment starts a frame (or at the end). */
  open?: boolean;
}

function frame(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 2);
  out[0] = RS;
  out.set(body, 1);
  out[body.length + 1] = NL;
  return out;
}
const json = (o: unknown): Uint8Array => enc.encode(JSON.stringify(o));
const GOOD_FRAMES = GOOD.map((e) => frame(json(e)));

/** Random bytes with no RS (so they stay program output), sometimes invalid UTF-8. */
function junkBytes(r: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 4) {
    const x = (r() * 4294967296) >>> 0; // four random bytes per draw
    for (let j = 0; j < 4 && i + j < n; j++) {
      const b = (x >>> (8 * j)) & 0xff;
      out[i + j] = b === RS ? 0x41 : b;
    }
  }
  return out;
}

function segment(r: () => number, huge: boolean): Segment {
  const good = { ...GOOD[Math.floor(r() * GOOD.length)] };
  const pick = Math.floor(r() * 12);
  switch (pick) {
    case 0: // a good frame
      return { bytes: GOOD_FRAMES[Math.floor(r() * GOOD_FRAMES.length)], expect: 'event' };
    case 1: // out-of-order (even negative) time: still a valid event
      good.t = Math.floor((r() - 0.3) * 1e12);
      return { bytes: frame(json(good)), expect: 'event' };
    case 2: // program text, with newlines and non-ASCII
      return { bytes: enc.encode(`print ${Math.floor(r() * 1e6)} 中文\n`), expect: 'output' };
    case 3: // random bytes, invalid UTF-8 included
      return { bytes: junkBytes(r, Math.floor(r() * 300)), expect: 'output' };
    case 4: {
      // a missing common field
      const key = ['k', 't', 'pid', 'tid'][Math.floor(r() * 4)];
      delete good[key];
      return { bytes: frame(json(good)), expect: 'bad' };
    }
    case 5: // an unknown kind
      good.k = `zz.${Math.floor(r() * 1000)}`;
      return { bytes: frame(json(good)), expect: 'bad' };
    case 6: // a wrong type
      good[['t', 'pid', 'tid'][Math.floor(r() * 3)]] = r() < 0.5 ? 'x' : 1.5;
      return { bytes: frame(json(good)), expect: 'bad' };
    case 7: // not JSON, or JSON that is not an object
      return {
        bytes: frame(enc.encode(['{nope', '[1,2]', 'null', '"s"', '42', ''][Math.floor(r() * 6)])),
        expect: 'bad',
      };
    case 8: {
      // invalid UTF-8 inside a frame
      const body = json(good);
      body[Math.floor(r() * body.length)] = 0xff;
      return { bytes: frame(body), expect: 'bad' };
    }
    case 9: {
      // a truncated frame (torn by the next frame or by the end of the stream)
      const body = json(good);
      const cut = body.subarray(0, Math.floor(r() * body.length));
      return {
        bytes: Uint8Array.from([RS, ...cut.filter((b) => b !== NL)]),
        expect: 'bad',
        open: true,
      };
    }
    case 10: // a huge line of program output
      return { bytes: new Uint8Array(huge ? 300_000 : 5000).fill(0x78), expect: 'output' };
    default: {
      // a good frame with a required field removed or retyped
      const keys = Object.keys(good).filter((k) => !['k', 't', 'pid', 'tid'].includes(k));
      if (keys.length === 0) return { bytes: frame(json(good)), expect: 'event' };
      good[keys[Math.floor(r() * keys.length)]] = { nested: [r()] };
      return { bytes: frame(json(good)), expect: 'bad' };
    }
  }
}

/** A pool of generated segments; inputs draw from it (generating costs more than parsing). */
function pool(r: () => number, size: number): Segment[] {
  return Array.from({ length: size }, (_, i) => segment(r, i % 1000 === 0));
}

/** One input: segments joined, with the open ones only before a frame or at the end. */
function input(r: () => number, from: Segment[]): Segment[] {
  const segs: Segment[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const s = from[Math.floor(r() * from.length)];
    const prev = segs.at(-1);
    if (prev?.open && s.bytes[0] !== RS) continue; // text would join the torn frame
    segs.push(s);
  }
  return segs;
}

function concat(parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.length)));
}

function parse(bytes: Uint8Array, r: () => number): { items: ParsedItem[]; p: FrameParser } {
  const p = new FrameParser();
  const items: ParsedItem[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = 1 + Math.floor(r() * (r() < 0.1 ? 4 : 400));
    items.push(...p.push(bytes.subarray(i, i + n)));
    i += n;
  }
  items.push(...p.end());
  return { items, p };
}

test(`${INPUTS} structured inputs: events, bytes and bad-frame counts all exact`, () => {
  const r = rng(SEED);
  const from = pool(r, 20_000);
  let events = 0;
  let bad = 0;
  for (let i = 0; i < INPUTS; i++) {
    const why = `FUZZ_SEED=${SEED} input ${i}`;
    const segs = input(r, from);
    const bytes = concat(segs.map((s) => s.bytes));
    const { items, p } = parse(bytes, r);
    const kept = concat(items.flatMap((it) => (it.type === 'event' ? [] : [it.bytes])));
    const want = concat(segs.filter((s) => s.expect !== 'event').map((s) => s.bytes));
    assert.ok(kept.equals(want), `${why}: every non-event byte kept, in order`);
    const nEvents = segs.filter((s) => s.expect === 'event').length;
    const nBad = segs.filter((s) => s.expect === 'bad').length;
    assert.equal(items.filter((it) => it.type === 'event').length, nEvents, why);
    assert.equal(items.filter((it) => it.type === 'bad').length, nBad, why);
    assert.equal(p.badFrames, nBad, why);
    assert.equal(p.events, nEvents, why);
    events += nEvents;
    bad += nBad;
  }
  console.log(`# ${INPUTS} inputs: ${events} events, ${bad} bad frames`);
  assert.ok(events > INPUTS / 4 && bad > INPUTS / 2, 'both kinds were generated plenty');
});

test('10k inputs of pure random bytes: never throws, keeps every byte', () => {
  const r = rng(SEED + 1);
  for (let i = 0; i < 10_000; i++) {
    const bytes = junkBytes(r, Math.floor(r() * 400));
    // Sprinkle frame starts, newlines and braces so frames of noise open and close.
    for (let k = 0; k < bytes.length / 12; k++) {
      bytes[Math.floor(r() * bytes.length)] = [RS, NL, 0x7b, 0x7d][k % 4];
    }
    const { items, p } = parse(bytes, r);
    assert.equal(p.events, 0, `FUZZ_SEED=${SEED + 1} input ${i}: no event from noise`);
    const kept = concat(items.map((it) => (it.type === 'event' ? new Uint8Array(0) : it.bytes)));
    assert.ok(kept.equals(Buffer.from(bytes)), `FUZZ_SEED=${SEED + 1} input ${i}`);
    assert.equal(items.filter((it) => it.type === 'bad').length, p.badFrames);
  }
});

test('huge frames (over the limit) are given up on, counted once, and kept', () => {
  const body = new Uint8Array(MAX_FRAME_BYTES + 10_000).fill(0x41);
  const bytes = concat([Uint8Array.of(RS), body, Uint8Array.of(NL), frame(json(GOOD[0]))]);
  const { items, p } = parse(bytes, rng(SEED + 2));
  assert.equal(p.badFrames, 1);
  assert.equal(p.events, 1, 'the frame after it still parses');
  const kept = concat(items.flatMap((it) => (it.type === 'event' ? [] : [it.bytes])));
  assert.equal(kept.length, body.length + 2, 'RS + body + newline');
});

test('5k inputs through the feed into the model: never throws, header counts bad frames', () => {
  const r = rng(SEED + 3);
  const from = pool(r, 5_000);
  for (let i = 0; i < 5_000; i++) {
    const segs = input(r, from);
    const model = new TraceModel({ title: 'fuzz', ticketsAvailable: 1, successText: '成功' });
    const feed = new TraceFeed(model, () => undefined);
    const bytes = concat(segs.map((s) => s.bytes));
    for (let o = 0; o < bytes.length; o += 97) feed.pushStdout(bytes.subarray(o, o + 97));
    feed.end();
    model.snapshot();
    const want = segs.filter((s) => s.expect === 'bad').length;
    assert.equal(model.getHeader().badFrames, want, `FUZZ_SEED=${SEED + 3} input ${i}`);
  }
});
