// Brushing a time range with the mouse: drag on the axis (or Shift+drag on the lanes) to zoom to it.
// Draws a translucent band over the plot while dragging; reports the px range on release.

/** What a brush needs from its host. */
export interface BrushHost {
  /** Element whose left edge the reported x values are relative to (the plot). */
  frame: HTMLElement;
  /** The band element (absolutely positioned inside `frame`). */
  band: HTMLElement;
  /** Whether this mousedown starts a brush. */
  accept(ev: MouseEvent): boolean;
  /** Horizontal px limits of the plot inside `frame`. */
  limits(): [number, number];
  /** A brush of at least 4 px ended on [x0, x1] (px inside `frame`, x0 < x1). */
  done(x0: number, x1: number): void;
}

/** Listen for brushes starting on any of `targets`; returns a function that stops listening. */
export function installBrush(targets: Element[], host: BrushHost): () => void {
  const onDown = (ev: Event): void => {
    if (!(ev instanceof MouseEvent) || ev.button !== 0 || !host.accept(ev)) return;
    ev.preventDefault();
    const [lo, hi] = host.limits();
    const clamp = (x: number): number => Math.max(lo, Math.min(hi, x));
    const rel = (e: MouseEvent): number =>
      clamp(e.clientX - host.frame.getBoundingClientRect().left);
    const x0 = rel(ev);
    let x1 = x0;
    const paint = (): void => {
      host.band.classList.toggle('hidden', Math.abs(x1 - x0) < 1);
      host.band.style.left = `${Math.min(x0, x1)}px`;
      host.band.style.width = `${Math.abs(x1 - x0)}px`;
    };
    const move = (e: MouseEvent): void => {
      x1 = rel(e);
      paint();
    };
    const up = (e: MouseEvent): void => {
      x1 = rel(e);
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      host.band.classList.add('hidden');
      if (Math.abs(x1 - x0) >= 4) host.done(Math.min(x0, x1), Math.max(x0, x1));
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  for (const t of targets) t.addEventListener('mousedown', onDown);
  return () => {
    for (const t of targets) t.removeEventListener('mousedown', onDown);
  };
}
