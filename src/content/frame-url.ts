/**
 * The address whose site settings apply to this frame. about:blank and srcdoc frames have no
 * address of their own; they belong to the page that made them (same origin by inheritance).
 */
export function frameSiteUrl(
  loc: Pick<Location, 'href' | 'origin'> & { ancestorOrigins?: DOMStringList },
): string {
  if (!loc.href.startsWith('about:')) return loc.href;
  if (loc.origin && loc.origin !== 'null') return `${loc.origin}/`;
  const ancestor = loc.ancestorOrigins?.[0];
  return ancestor ? `${ancestor}/` : loc.href;
}
