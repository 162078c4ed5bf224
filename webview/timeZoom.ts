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
