import { E2E } from './env';

/**
 * Test-only fault switch (issue 6, "fail open"): in the e2e build a test sets
 * `<html data-cg-fault="reader core overlay">` and the named part throws, so the suite can
 * prove the page keeps working. In the release build this is a constant no-op.
 */
export type FaultPoint = 'reader' | 'core' | 'overlay';

export function maybeFault(point: FaultPoint): void {
  if (!E2E) return;
  const spec = document.documentElement?.getAttribute('data-cg-fault');
  if (spec?.split(/\s+/).includes(point)) throw new Error(`Charge Guard test fault: ${point}`);
}
