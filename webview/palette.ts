// Theme colours for the canvas layers (dense spans, overview), read from the CSS variables once
// per frame before the frame changes the DOM (so reading them forces no extra style pass).
import type { SpanKind } from '../src/shared/webviewProtocol';

/** Lock colour variables in lock-N order (as the stylesheet's lock-N classes). */
const LOCK_VARS = ['--sl-blue', '--sl-purple', '--sl-green', '--sl-orange', '--sl-yellow'];

/** Fill colour and opacity of a span kind (`lock`: the lock colour index), and plain colours. */
export type Palette = ((kind: SpanKind, lock: number | null) => [string, number]) & {
  background: string;
  foreground: string;
  error: string;
};

/** Read the palette from `el`'s computed style. */
export function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (n: string, d: string): string => cs.getPropertyValue(n).trim() || d;
  const locks = LOCK_VARS.map((n) => v(n, '#3794ff'));
  const fg = v('--sl-fg', '#cccccc');
  const muted = v('--sl-muted', '#9d9d9d');
  const queue = v('--sl-queue', '#29b8db');
  const fill = (kind: SpanKind, lock: number | null): [string, number] => {
    const lc = locks[(lock ?? 0) % locks.length];
    switch (kind) {
      case 'run':
        return [muted, 0.75];
      case 'task':
        return [fg, 0.45];
      case 'lockWait':
        return [lc, 0.35];
      case 'lockHold':
        return [lc, 1];
      case 'queueBlock':
        return [queue, 0.35];
      case 'sleep':
        return [fg, 0.3];
    }
  };
  const plain = {
    background: v('--sl-bg', '#1f1f1f'),
    foreground: fg,
    error: v('--sl-red', '#f14c4c'),
  };
  return Object.assign(fill, plain);
}
