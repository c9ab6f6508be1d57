import type { SiteAdapter } from './types';

export function hostMatches(pattern: string, host: string): boolean {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^]*');
  return new RegExp(`^${escaped}$`).test(host.toLowerCase());
}

/** Adapters for this document: the host matches, and the marker element (when named) is present. */
export function adaptersFor(doc: Document, adapters: readonly SiteAdapter[]): SiteAdapter[] {
  const host = doc.location?.hostname ?? '';
  return adapters.filter((a) => {
    const hostOk = a.match.hosts.some((h) =>
      h === '*' ? a.match.selector !== undefined : hostMatches(h, host),
    );
    if (!hostOk) return false;
    if (!a.match.selector) return true;
    try {
      return doc.querySelector(a.match.selector) !== null;
    } catch {
      return false;
    }
  });
}
