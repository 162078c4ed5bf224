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

/** Set attributes of one element (null removes), skipping unchanged values (see setAttrs). */
export function attrs(el: Element | null, spec: Record<string, string | number | null>): void {
  if (!el) return;
  for (const name in spec) {
    const v = spec[name];
    const s = v === null ? null : String(v);
    if (el.getAttribute(name) === s) continue;
    if (s === null) el.removeAttribute(name);
    else el.setAttribute(name, s);
  }
}

/** Add or remove a class only when that changes the class list (a write re-styles the element). */
export function classIf(el: Element | null, name: string, on: boolean): void {
  if (el && el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

/** Set the element's own first text (before child elements such as a <title>) when it changed. */
export function ownText(el: Element, text: string): void {
  const first = el.firstChild;
  if (first?.nodeType === 3) {
    if (first.nodeValue !== text) first.nodeValue = text;
  } else el.insertBefore(el.ownerDocument.createTextNode(text), first);
}
