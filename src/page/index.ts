/** The page layer's public surface (src/page/api.md). */
export { ADAPTERS, type SiteAdapter } from './adapters';
export { applyFix } from './fix';
export { markForE2E } from './mark';
export { readPage, readPageSteps } from './read';
export * from './types';
export { updateReading } from './update';
export { watchPage } from './watch';
export { writeFieldValue } from './write';
