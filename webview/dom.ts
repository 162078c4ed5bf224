// Small DOM helper for big D3 joins: write an attribute only when its value changes.
import type { BaseType, Selection } from 'd3';

/** Attribute name → value for a datum (null removes the attribute). */
export type AttrSpec<D> = Record<string, (d: D, i: number) => string | number | null>;

/**
 * Set attributes on every element of `sel`, skipping unchanged values: a redraw of thousands of
 * items then only invalidates the style of items that moved or changed.
 */
export function setAttrs<E extends Element, D>(
  sel: Selection<E, D, BaseType, unknown>,
  spec: AttrSpec<D>,
): void {
  const entries = Object.entries(spec);
  sel.each(function (d, i) {
    for (const [name, value] of entries) {
      const v = value(d, i);
      const s = v === null ? null : String(v);
      if (this.getAttribute(name) === s) continue;
      if (s === null) this.removeAttribute(name);
      else this.setAttribute(name, s);
    }
  });
}
