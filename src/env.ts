/**
 * Build flavour. `wxt build --mode e2e` turns on the test hooks from design.md (open shadow
 * root, data-cg-* marks, localhost matches). Vite replaces MODE at build time, so the release
 * bundle carries none of the hook code.
 */
export const E2E: boolean = import.meta.env.MODE === 'e2e';
