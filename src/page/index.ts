/** The page layer's public surface (src/page/api.md). */
export { ADAPTERS, type SiteAdapter, SiteAdapterSchema } from './adapters';
export { readPage } from './read';
export * from './types';
