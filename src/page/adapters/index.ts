import { THERACHART } from './therachart';
import type { SiteAdapter } from './types';

/** Built-in site adapters (each one also checked against the zod schema by schema.test.ts). */
export const ADAPTERS: readonly SiteAdapter[] = [THERACHART];

export { adaptersFor, hostMatches } from './match';
export type { SiteAdapter } from './types';
