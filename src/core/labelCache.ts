// Bounded memo of the labels the model makes from event fields ("holds lock0", a print's text):
// one string per distinct field value instead of a fresh one per event. Pure.

/** How many distinct keys a cache holds before it starts over. */
export const LABEL_CACHE_SIZE = 4096;

/**
 * `make(key)`, remembered: a repeated key gets the same string object back, so the model keeps
 * one copy per distinct label and hashing it later (the delta's string table) is cached. When
 * `max` keys are held the cache is emptied, so a stream of unique values costs a bounded map.
 */
export class LabelCache<K extends string | number> {
  private readonly made = new Map<K, string>();

  constructor(
    private readonly make: (key: K) => string,
    private readonly max = LABEL_CACHE_SIZE,
  ) {}

  /** The label for `key` (the same string as `make(key)` would return). */
  get(key: K): string {
    let s = this.made.get(key);
    if (s === undefined) {
      s = this.make(key);
      if (this.made.size >= this.max) this.made.clear();
      this.made.set(key, s);
    }
    return s;
  }

  /** Distinct keys held now. */
  get size(): number {
    return this.made.size;
  }
}
