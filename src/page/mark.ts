import { E2E } from '../env';
import type { PageReading } from './types';

/**
 * E2E build only (design.md, "Test hooks"): every element read gets data-cg-role and, for line
 * fields, data-cg-line. Marks from an earlier reading that no longer hold are removed. The
 * release build writes nothing into the page.
 */
const marked = new WeakMap<Document, Set<Element>>();

export function markForE2E(reading: PageReading | null, doc?: Document): void {
  if (!E2E) return;
  markElements(reading, doc);
}

/** The marking itself, separate from the build switch so it can be unit-tested. A null reading with a document clears its marks. */
export function markElements(reading: PageReading | null, doc?: Document): void {
  const owner =
    doc ?? reading?.bindings[0]?.element.ownerDocument ?? reading?.submitControls[0]?.ownerDocument;
  if (!owner) return;
  const now = new Set<Element>();
  for (const b of reading?.bindings ?? []) {
    mark(b.element, 'data-cg-role', b.role);
    if (b.line !== undefined) mark(b.element, 'data-cg-line', String(b.line));
    else b.element.removeAttribute('data-cg-line');
    now.add(b.element);
  }
  for (const el of reading?.submitControls ?? []) {
    mark(el, 'data-cg-role', 'submit');
    now.add(el);
  }
  for (const el of marked.get(owner) ?? []) {
    if (now.has(el)) continue;
    el.removeAttribute('data-cg-role');
    el.removeAttribute('data-cg-line');
  }
  marked.set(owner, now);
}

/** Re-marking what is already marked writes nothing (attribute writes cost style work on big pages). */
function mark(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
