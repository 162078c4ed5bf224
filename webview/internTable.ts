// Interned strings for the webview's columnar tables: each distinct string stored once. Pure.

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
