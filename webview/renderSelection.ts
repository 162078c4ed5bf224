// The selection outline: a ring around the selected span or mark, a frame around a selected lane.
import type { Selection } from 'd3';
import type { Layout } from './layout';
import type { Selected } from './viewState';

/** One outline shape in lanes-<svg> coordinates. */
export interface Outline {
  shape: 'rect' | 'circle';
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the outline of `sel` goes in `l`, or null when the item is not visible. */
export function outlineOf(
  l: Layout,
  sel: Selected | null,
  left: number,
  right: number,
): Outline | null {
  if (!sel) return null;
  switch (sel.type) {
    case 'span': {
      const s = l.find ? l.find.spanRect(sel.id) : l.spans.find((x) => x.id === sel.id);
      return s
        ? { shape: 'rect', x: s.x - 2, y: s.y - 2, width: s.width + 4, height: s.height + 4 }
        : null;
    }
    case 'mark': {
      const m = l.marks.find((x) => x.marks.some((k) => k.id === sel.id));
      return m ? { shape: 'circle', x: m.x, y: m.y, width: 8, height: 8 } : null;
    }
    case 'lane': {
      const r = l.rowById.get(sel.id);
      return r
        ? { shape: 'rect', x: left - 1, y: r.y + 1, width: right - left + 2, height: r.height - 2 }
        : null;
    }
  }
}

/** Draw (or remove) the outline in `layer` (data-testid="selection"). */
export function drawSelection(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  o: Outline | null,
): void {
  layer.selectAll('*').remove();
  if (!o) return;
  if (o.shape === 'circle') {
    layer
      .append('circle')
      .attr('class', 'sl-selected')
      .attr('data-testid', 'selection')
      .attr('cx', o.x)
      .attr('cy', o.y)
      .attr('r', o.width);
  } else {
    layer
      .append('rect')
      .attr('class', 'sl-selected')
      .attr('data-testid', 'selection')
      .attr('x', o.x)
      .attr('y', o.y)
      .attr('width', Math.max(2, o.width))
      .attr('height', o.height)
      .attr('rx', 2);
  }
}
