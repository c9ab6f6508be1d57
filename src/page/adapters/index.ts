import { type SiteAdapter, validAdapters } from './schema';
import { THERACHART } from './therachart';

/** Built-in site adapters, validated once at load; one that fails validation is left out. */
export const ADAPTERS: readonly SiteAdapter[] = validAdapters([THERACHART]);

export { adaptersFor, hostMatches, type SiteAdapter, SiteAdapterSchema, validAdapters } from './schema';
