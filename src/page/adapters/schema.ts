import * as z from 'zod/mini';
import { FIELD_ROLES } from '../types';

/**
 * A site adapter: declarative data, no code. It says which sites it is for and, per role, the
 * CSS selector of that field; `line` names the element that holds one service line. Adapters
 * are validated when loaded, so a broken one is dropped instead of breaking the reader.
 */
export const SiteAdapterSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** What the adapter is for, in words (the portal's name). */
  name: z.string(),
  match: z.object({
    /** Host patterns with `*` wildcards ("*.therachart.example"); "*" only together with `selector`. */
    hosts: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** The page must contain this element (an app marker such as a meta tag). */
    selector: z.optional(z.string()),
  }),
  /** One element per service line (a row, a card). */
  line: z.optional(z.string()),
  fields: z.array(z.object({ role: z.enum(FIELD_ROLES), selector: z.string().check(z.minLength(1)) })),
});

export type SiteAdapter = z.infer<typeof SiteAdapterSchema>;

/** Keeps the adapters that validate; a bad entry is skipped, never thrown. */
export function validAdapters(input: readonly unknown[]): SiteAdapter[] {
  const out: SiteAdapter[] = [];
  for (const item of input) {
    const parsed = SiteAdapterSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

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
