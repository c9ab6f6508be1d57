import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Reads the page, checks it, shows the overlay (owned by the overlay work; see src/page/api.md). */
export function runChargeGuard(ctx: ContentScriptContext): void {
  document.documentElement.dataset.cgLoaded = '1';
  void ctx;
}
