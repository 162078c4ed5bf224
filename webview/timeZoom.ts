// Zoom and pan of the time axis (d3-zoom, x only): remembers the window the user chose and
// otherwise fits the whole run, following its growing end while live.
import { zoom, zoomIdentity, type D3ZoomEvent, type Selection, type ZoomBehavior } from 'd3';

/** The smallest visible window, in ns. */
const MIN_WINDOW_NS = 10_000;

/** Time-axis zoom state bound to one plot element. */
export class TimeZoom {
  /** Visible window chosen by the user (ns), or null to fit the whole run. */
  window: [number, number] | null = null;
  private readonly behavior: ZoomBehavior<HTMLDivElement, unknown> = zoom();
  private frame: { left: number; right: number; end: number } | null = null;
  private silent = false;

  /**
   * Wheel zooms over the axis, with Ctrl/⌘, or when the lanes do not scroll (otherwise the wheel
   * scrolls the lanes); a drag pans. `onChange` runs after every user zoom or pan.
   */
  constructor(
    private readonly target: Selection<HTMLDivElement, unknown, null, undefined>,
    axis: Element,
    scroller: HTMLElement,
    onChange: () => void,
  ) {
    this.behavior
      .filter((ev: Event) => {
        if (ev instanceof WheelEvent) {
          const overAxis = ev.target instanceof Node && axis.contains(ev.target);
          const scrollable = scroller.scrollHeight > scroller.clientHeight + 1;
          return overAxis || ev.ctrlKey || ev.metaKey || !scrollable;
        }
        if (ev.type === 'mousedown' && ev.target === scroller) return false; // its scrollbar
        // Dragging on the axis, or with Shift, brushes a time range (brush.ts) instead of panning.
        if (ev.type === 'mousedown' && ev.target instanceof Node && axis.contains(ev.target))
          return false;
        if (ev instanceof MouseEvent && ev.shiftKey) return false;
        return ev instanceof MouseEvent ? !ev.ctrlKey && ev.button === 0 : true;
      })
      .wheelDelta(
        (ev: WheelEvent) => -ev.deltaY * (ev.deltaMode === 1 ? 0.05 : ev.deltaMode ? 1 : 0.002),
      )
      .on('zoom', (ev: D3ZoomEvent<HTMLDivElement, unknown>) => {
        const f = this.frame;
        if (this.silent || !f) return;
        const t = ev.transform;
        const time = (px: number): number =>
          ((t.invertX(px) - f.left) / (f.right - f.left)) * f.end;
        this.window =
          t.k <= 1.0001 ? null : [Math.max(0, time(f.left)), Math.min(f.end, time(f.right))];
        onChange();
      });
    target.call(this.behavior).on('dblclick.zoom', null);
  }

  /** Show the whole run again (and follow it while it grows). */
  fit(): void {
    this.window = null;
  }

  /** Show [t0, t1] (ns), clamped to the run; the whole run means "fit and follow". */
  show(t0: number, t1: number): void {
    const end = this.frame?.end ?? t1;
    let a = Math.max(0, Math.min(t0, t1));
    let b = Math.min(end, Math.max(t0, t1));
    if (b - a < MIN_WINDOW_NS) {
      const c = (a + b) / 2;
      a = Math.max(0, c - MIN_WINDOW_NS / 2);
      b = Math.min(end, a + MIN_WINDOW_NS);
    }
    this.window = a <= 0 && b >= end ? null : [a, b];
  }

  /** Zoom by `factor` (< 1 in, > 1 out) around the middle of the visible window. */
  zoomBy(factor: number): void {
    const end = this.frame?.end;
    if (end === undefined) return;
    const [a, b] = this.window ?? [0, end];
    const c = (a + b) / 2;
    const half = ((b - a) * factor) / 2;
    let lo = c - half;
    let hi = c + half;
    if (lo < 0) [lo, hi] = [0, hi - lo];
    if (hi > end) [lo, hi] = [Math.max(0, lo - (hi - end)), end];
    this.show(lo, hi);
  }

  /** Move the window (same width) so that `t` is inside it, centred when it was outside. */
  reveal(t0: number, t1: number): void {
    const w = this.window;
    if (!w || (t0 >= w[0] && t1 <= w[1])) return;
    const half = (w[1] - w[0]) / 2;
    const c = (t0 + t1) / 2;
    this.show(c - half, c + half);
  }

  /**
   * Adapt to this frame's plot range [left, right] (px) and run length `end` (ns); returns the
   * visible time window. The d3 transform is set to match without counting as a user zoom.
   */
  update(left: number, right: number, end: number): [number, number] {
    const w = this.window;
    if (w && (w[0] >= end || w[1] <= w[0])) this.window = null;
    this.frame = { left, right, end };
    let t = zoomIdentity;
    if (this.window) {
      const [a, b] = this.window;
      const k = end / Math.max(1, b - a);
      t = zoomIdentity.translate(left - k * (left + (a * (right - left)) / end), 0).scale(k);
    }
    const extent: [[number, number], [number, number]] = [
      [left, 0],
      [right, 1],
    ];
    this.behavior
      .extent(extent)
      .translateExtent(extent)
      .scaleExtent([1, Math.max(1, end / MIN_WINDOW_NS)]);
    this.silent = true;
    this.target.call(this.behavior.transform, t);
    this.silent = false;
    return this.window ?? [0, end];
  }
}
