// Building blocks of the webview's columnar tables: interned strings (each distinct string stored
// once) and growable typed arrays. Pure.

/** Interned strings: each distinct string stored once, referred to by index. */
export class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  /** Recent hits by a cheap slot of the string (spares hashing each copy of a repeated label). */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(256);
  private readonly recentIdx = new Int32Array(256);
  /** Index of `s`, added when new. */
  of(s: string): number {
    const n = s.length;
    const k = n === 0 ? 0 : (n * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(n - 1)) & 255;
    if (this.recent[k] === s) return this.recentIdx[k];
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    this.recent[k] = s;
    this.recentIdx[k] = i;
    return i;
  }
  /** Index of `s`, or -1 when it was never stored. */
  find(s: string): number {
    return this.index.get(s) ?? -1;
  }
}

/** Grow a typed array to at least `n` elements (×1.5), keeping its contents. */
export function grow<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(
  a: T,
  n: number,
): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as new (n: number) => T)(
    Math.max(n, Math.ceil(a.length * 1.5), 1024),
  );
  b.set(a);
  return b;
}
