// Where each span kind sits inside its lane row: the SVG, the dense canvas and hit tests agree.
import type { SpanKind } from '../src/shared/webviewProtocol';

/** Vertical band of a span kind inside a row of height h: [offset, height]. */
export function spanBand(kind: SpanKind, h: number): [number, number] {
  switch (kind) {
    case 'lockWait':
    case 'lockHold':
    case 'queueBlock':
      return [2, Math.max(1, h - 4)];
    case 'task': {
      const th = Math.max(4, Math.round(h * 0.5));
      return [Math.round((h - th) / 2), th];
    }
    case 'sleep': {
      const sh = Math.max(3, Math.round(h * 0.26));
      return [Math.round((h - sh) / 2), sh];
    }
    case 'run': {
      const rh = Math.max(2, Math.round(h * 0.15));
      return [Math.round((h - rh) / 2), rh];
    }
  }
}
