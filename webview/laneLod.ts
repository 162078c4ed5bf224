// An exact level of detail of one lane's spans for zoomed-out dense frames. In the pixel merge of
// mergeIndexed, two spans of one style (kind + lock) taken in start order whose time gap is less
// than one pixel's duration always end in the same pixel run. So per style, closing the gaps
// smaller than G ns (a power of two) gives the same runs for any frame whose pixel is wider than
// G: a level holds those merged spans (the entries, in start order, each at its first member's
// place). Open and zero-length spans stay alone. The levels are built lazily per lane index and
// frame pixel size, from the second frame that sees the same index (a lane that changes every
// frame, as in a live run, keeps using its raw spans). Pure: no DOM.
import type { LaneIndex } from './laneRows';

/** One level: the merged entries' columns, and the raw positions where the index can be split
 *  between raw spans and entries (cut intervals: any raw position c in [cutLo, cutHi] has no
 *  group with members on both sides; cutEntry: the number of entries before c). */
export interface LodLevel {
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  lock: Int32Array;
  cutLo: Uint32Array;
  cutHi: Uint32Array;
  cutEntry: Uint32Array;
}

/** A lane index's levels by log2 of their gap; null: the level merges too little to be used. */
interface LaneLod {
  seen: number;
  levels: Map<number, LodLevel | null>;
  /** The largest level found to merge too little: a smaller gap merges no more, so every level
   *  up to it is skipped without a probe. */
  useless: number;
}

/** Lanes with fewer spans than this are always merged raw. */
const MIN_SPANS = 64;
/** A level is used only when it has at most this share of the lane's spans. */
const MAX_SHARE = 0.7;
/** Spans of the probe that a level must pass before it is built for the whole lane. */
const PROBE = 256;
/** The gap must stay below this share of a pixel's duration (room for rounding). */
const PIXEL_SHARE = 1 / 1.001;

const lods = new WeakMap<LaneIndex, LaneLod>();
let frame = 0;

/** Start a new frame: indexes first seen in an earlier frame may now use their levels. */
export function nextLodFrame(): void {
  frame++;
}

/** The level of `ix` for pixels `pixelNs` ns wide, or null (merge the raw spans). */
export function lodLevel(ix: LaneIndex, pixelNs: number): LodLevel | null {
  if (ix.start.length < MIN_SPANS || !(pixelNs > 0) || !Number.isFinite(pixelNs)) return null;
  let lod = lods.get(ix);
  if (!lod) lods.set(ix, (lod = { seen: frame, levels: new Map(), useless: -Infinity }));
  if (lod.seen === frame) return null;
  const log2 = Math.floor(Math.log2(pixelNs * PIXEL_SHARE));
  if (log2 <= lod.useless) return null;
  let level = lod.levels.get(log2);
  if (level === undefined) {
    // A probe on the first spans first: most levels that merge too little fail it cheaply.
    const probe = ix.start.length > PROBE ? buildLevel(ix, 2 ** log2, PROBE) : true;
    level = probe && buildLevel(ix, 2 ** log2);
    lod.levels.set(log2, level);
    if (!level) lod.useless = Math.max(lod.useless, log2);
  }
  return level;
}

/** Merge the spans of `ix` (its first `count`) per style across gaps smaller than `gap` ns (null:
 *  too few merged). */
export function buildLevel(ix: LaneIndex, gap: number, count = ix.start.length): LodLevel | null {
  const { start, end, kind, lock } = ix;
  const n = count;
  // Per entry: its members' latest end, first and last raw position (garbage after the build).
  const gEnd = new Float64Array(n);
  const first = new Uint32Array(n);
  const last = new Uint32Array(n);
  // The open group of each style: its entry number.
  const open = new Map<number, number>();
  const limit = Math.floor(n * MAX_SHARE);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i];
    const e = end[i];
    // Open (NaN) and zero-length spans: an entry of their own that no group joins.
    const alone = !(e > s);
    const style = kind[i] + (lock[i] + 1) * 8;
    const g = alone ? undefined : open.get(style);
    if (g !== undefined && s - gEnd[g] < gap) {
      if (e > gEnd[g]) gEnd[g] = e;
      last[g] = i;
      continue;
    }
    if (m >= limit) return null;
    first[m] = i;
    last[m] = i;
    gEnd[m] = e;
    if (!alone) open.set(style, m);
    m++;
  }
  const level: LodLevel = {
    start: new Float64Array(m),
    end: new Float64Array(m),
    kind: new Uint8Array(m),
    lock: new Int32Array(m),
    cutLo: new Uint32Array(m + 1),
    cutHi: new Uint32Array(m + 1),
    cutEntry: new Uint32Array(m + 1),
  };
  let cuts = 0;
  let reach = -1;
  for (let g = 0; g < m; g++) {
    const i = first[g];
    level.start[g] = start[i];
    level.end[g] = gEnd[g];
    level.kind[g] = kind[i];
    level.lock[g] = lock[i];
    // Positions after every earlier group's last member, up to this group's first one.
    if (reach + 1 <= i) {
      level.cutLo[cuts] = reach + 1;
      level.cutHi[cuts] = i;
      level.cutEntry[cuts++] = g;
    }
    reach = Math.max(reach, last[g]);
  }
  level.cutLo[cuts] = reach + 1;
  level.cutHi[cuts] = n;
  level.cutEntry[cuts++] = m;
  level.cutLo = level.cutLo.slice(0, cuts);
  level.cutHi = level.cutHi.slice(0, cuts);
  level.cutEntry = level.cutEntry.slice(0, cuts);
  return level;
}

/** Split raw positions [lo, hi) of a lane (starts ≥ the window's start from `from` on) at the
 *  level's cuts: raw spans [lo, a), entries [ea, eb), raw spans [b, hi); null when no two cuts
 *  fit (merge everything raw). */
export function splitAtCuts(
  level: LodLevel,
  from: number,
  hi: number,
): [number, number, number, number] | null {
  const { cutLo, cutHi, cutEntry } = level;
  // First cut interval that reaches `from`, last one that starts at or before `hi`.
  let l = 0;
  let h = cutHi.length;
  while (l < h) {
    const mid = (l + h) >> 1;
    if (cutHi[mid] < from) l = mid + 1;
    else h = mid;
  }
  const j = l;
  h = cutLo.length;
  while (l < h) {
    const mid = (l + h) >> 1;
    if (cutLo[mid] <= hi) l = mid + 1;
    else h = mid;
  }
  const k = l - 1;
  if (j >= cutHi.length || k < j) return null;
  const a = Math.max(cutLo[j], from);
  const b = Math.min(cutHi[k], hi);
  if (a >= b || cutEntry[j] >= cutEntry[k]) return null;
  return [a, cutEntry[j], cutEntry[k], b];
}
