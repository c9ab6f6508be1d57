import * as z from 'zod/mini';
import { FIELD_ROLES } from '../types';
import type { SiteAdapter } from './types';

/**
 * A site adapter: declarative data, no code. It says which sites it is for and, per role, the
 * CSS selector of that field; `line` names the element that holds one service line. Adapters
 * from outside the bundle (a future import) go through `validAdapters`, so a broken one is dropped
 * instead of breaking the reader. The built-in ones are checked by the type system and by a test,
 * so the content script does not ship zod for them.
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

/** The schema accepts exactly the `SiteAdapter` shape (types.ts); this line fails to compile if they drift. */
export type SchemaAdapter = z.infer<typeof SiteAdapterSchema>;
const _sameShape: [SchemaAdapter, SiteAdapter] extends [SiteAdapter, SchemaAdapter] ? true : never = true;
void _sameShape;

/** Keeps the adapters that validate; a bad entry is skipped, never thrown. */
export function validAdapters(input: readonly unknown[]): SiteAdapter[] {
  const out: SiteAdapter[] = [];
  for (const item of input) {
    const parsed = SiteAdapterSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
