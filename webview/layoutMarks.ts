// Mark positions of a frame: marks of one kind on one row that fall on the same pixel column are
// merged into one position. Marks in row order (as visibleMarks gives them) merge without a map.
import type { Mark, MarkKind } from '../src/shared/webviewProtocol';
import type { LaneRow, MarkPos } from './layout';

/** A small number per mark kind, for merge keys. */
const MARK_CODE: Record<MarkKind, number> = {
  start: 0,
  end: 1,
  killed: 2,
  print: 3,
  exc: 4,
  release: 5,
  spawn: 6,
  io: 7,
  mark: 8,
};

/** The merged positions of `input`'s marks on `rows` with x(t) in [lo, hi] (px), at mid-row. */
export function layoutMarks(
  input: readonly Mark[],
  rows: readonly LaneRow[],
  rowById: ReadonlyMap<string, LaneRow>,
  x: (t: number) => number,
  lo: number,
  hi: number,
  h: number,
): MarkPos[] {
  return (
    mergeMarksInOrder(input, rowById, x, lo, hi, h) ??
    mergeMarks(input, rows, rowById, x, lo, hi, h)
  );
}

/** Merge marks given in row order: each row's marks together, rows top to bottom, each row's by
 *  time (as visibleMarks gives them), so per row and kind the pixel column never goes back and a
 *  mark joins the row's last position of its kind when it falls on the same column: the result
 *  of mergeMarks without a map. Null when the marks are not in that order. */
function mergeMarksInOrder(
  input: readonly Mark[],
  rowById: ReadonlyMap<string, LaneRow>,
  x: (t: number) => number,
  lo: number,
  hi: number,
  h: number,
): MarkPos[] | null {
  const marks: MarkPos[] = [];
  const lastPos: (MarkPos | null)[] = new Array<MarkPos | null>(16).fill(null);
  const lastCol = new Float64Array(16);
  let last: LaneRow | undefined;
  let lastT = -Infinity;
  // Marks of one lane come one after another: look their row up once.
  let lane: string | undefined;
  let row: LaneRow | undefined;
  for (const m of input) {
    if (m.lane !== lane) {
      lane = m.lane;
      row = rowById.get(lane);
    }
    if (!row) continue;
    if (row !== last) {
      if (last && row.y <= last.y) return null;
      last = row;
      lastPos.fill(null);
    } else if (!(m.t >= lastT)) return null;
    lastT = m.t;
    const mx = x(m.t);
    if (mx < lo || mx > hi) continue;
    const code = MARK_CODE[m.kind];
    const col = Math.round(mx - lo);
    const prev = lastPos[code];
    if (prev && lastCol[code] === col) {
      prev.marks.push(m);
      continue;
    }
    const pos = markPos(m, mx, row.y + h / 2);
    lastPos[code] = pos;
    lastCol[code] = col;
    marks.push(pos);
  }
  return marks;
}

/** Merge marks in any order: one position per (row, kind, pixel column). */
function mergeMarks(
  input: readonly Mark[],
  rows: readonly LaneRow[],
  rowById: ReadonlyMap<string, LaneRow>,
  x: (t: number) => number,
  lo: number,
  hi: number,
  h: number,
): MarkPos[] {
  const marks: MarkPos[] = [];
  const merged = new Map<number, MarkPos>();
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  for (const m of input) {
    const row = rowById.get(m.lane);
    if (!row) continue;
    const mx = x(m.t);
    if (mx < lo || mx > hi) continue;
    // One number per (row, kind, pixel column): cheaper than a string key for 10k+ marks.
    const key = (rowIndex.get(row)! * 16 + MARK_CODE[m.kind]) * 65536 + Math.round(mx - lo);
    const prev = merged.get(key);
    if (prev) {
      prev.marks.push(m);
      continue;
    }
    const pos = markPos(m, mx, row.y + h / 2);
    merged.set(key, pos);
    marks.push(pos);
  }
  return marks;
}

/** A new merged position for mark `m` at (x, y). */
function markPos(m: Mark, x: number, y: number): MarkPos {
  return { id: m.id, lane: m.lane, kind: m.kind, x, y, marks: [m] };
}
