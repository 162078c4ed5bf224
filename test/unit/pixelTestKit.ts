// Shared by the pixel buffer unit tests: an ImageData stand-in for Node (installed on import) and
// seeded random numbers.

// Node has no ImageData: a stand-in with the same pixel array (all the buffer uses).
(globalThis as { ImageData?: unknown }).ImageData ??= class {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
  }
};

/** Seeded random numbers (xorshift), so a failure can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
