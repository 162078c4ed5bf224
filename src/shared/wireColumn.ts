// The compact text form of an integer column of a packed delta (see PackedWire in
// webviewProtocol.ts): each value as a little-endian base-32 varint of its zigzag code, one ASCII
// character per 5 bits, null as '!'. Every character is one JSON leaves as it is (no quote, no
// backslash, no control character), so a column costs one short string to serialize, post, clone
// and parse instead of an array of numbers. Exact for integers of magnitude up to 2^51. Pure.

/** The largest magnitude a compact column holds (its zigzag code stays ≤ 2^52, exact). */
export const MAX_COMPACT = 2 ** 51;
/** The largest zigzag code: a decoded code above it is not one the encoder makes. */
const MAX_CODE = 2 ** 52;

/** Character codes: a continued digit (more digits follow) is 0x23 + d ('#'…'B'), a last digit
 *  0x5D + d (']'…'|'), for d in 0…31; null is '!'. */
const MORE = 0x23;
const LAST = 0x5d;
const NULL = 0x21;

let buf = new Uint8Array(1 << 16);
const ascii = new TextDecoder();

/** Whether every value of `col` fits a compact column (an integer of magnitude ≤ MAX_COMPACT;
 *  null too when `nullable`). */
export function compactable(col: readonly (number | null)[], nullable = false): boolean {
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v === null) {
      if (!nullable) return false;
    } else if (!(Number.isInteger(v) && v <= MAX_COMPACT && v >= -MAX_COMPACT)) return false;
  }
  return true;
}

/** `col` as a compact string, or null when a value does not fit (see {@link compactable};
 *  checked as it goes: one pass). Nulls are written as they come: the caller says where they
 *  are allowed (the decoder refuses them elsewhere). */
export function encodeColumn(col: readonly (number | null)[]): string | null {
  let o = 0;
  for (let i = 0; i < col.length; i++) {
    if (o + 12 > buf.length) {
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf.subarray(0, o));
      buf = bigger;
    }
    const v = col[i];
    if (v === null) {
      buf[o++] = NULL;
      continue;
    }
    if (!(Number.isInteger(v) && v <= MAX_COMPACT && v >= -MAX_COMPACT)) return null;
    let z = v >= 0 ? v * 2 : -v * 2 - 1;
    if (z < 0x80000000) {
      while (z >= 32) {
        buf[o++] = MORE + (z & 31);
        z >>>= 5;
      }
    } else {
      while (z >= 32) {
        buf[o++] = MORE + (z % 32);
        z = Math.floor(z / 32);
      }
    }
    buf[o++] = LAST + z;
  }
  return ascii.decode(buf.subarray(0, o));
}

/** The values of a compact string, or null when it is not one: a character outside the
 *  encoding, a number left unfinished or too large, or a null where `nullable` is not set.
 *  With `running`, each value is returned plus the one before (the running sums). */
export function decodeColumn(
  s: string,
  nullable = false,
  running = false,
): (number | null)[] | null {
  const n = s.length;
  const out: (number | null)[] = [];
  let acc = 0;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i++);
    if (c >= LAST && c < LAST + 32) {
      // One digit (most values), in 32-bit integer arithmetic.
      const z = c - LAST;
      const v = (z >>> 1) ^ -(z & 1);
      if (running) out.push((acc += v));
      else out.push(v);
      continue;
    }
    if (c === NULL) {
      if (!nullable || running) return null;
      out.push(null);
      continue;
    }
    // Up to 6 digits (30 bits) in integer arithmetic...
    let z = 0;
    let shift = 0;
    for (;;) {
      if (c >= MORE && c < MORE + 32) {
        if (shift === 25) break;
        z |= (c - MORE) << shift;
        shift += 5;
      } else if (c >= LAST && c < LAST + 32) {
        z |= (c - LAST) << shift;
        shift = -1;
        break;
      } else return null;
      if (i >= n) return null; // a number left unfinished
      c = s.charCodeAt(i++);
    }
    let v: number;
    if (shift < 0) v = (z >>> 1) ^ -(z & 1);
    else {
      // ...longer ones in doubles (exact below 2^53): `c` is the 6th continued digit.
      let zf = z;
      let scale = 2 ** 25;
      for (;;) {
        if (c >= MORE && c < MORE + 32) {
          if (scale > MAX_CODE) return null; // more digits than any code the encoder makes
          zf += (c - MORE) * scale;
          scale *= 32;
        } else if (c >= LAST && c < LAST + 32) {
          zf += (c - LAST) * scale;
          break;
        } else return null;
        if (i >= n) return null;
        c = s.charCodeAt(i++);
      }
      if (zf > MAX_CODE) return null;
      v = zf % 2 === 0 ? zf / 2 : -(zf + 1) / 2;
    }
    if (running) out.push((acc += v));
    else out.push(v);
  }
  return out;
}
