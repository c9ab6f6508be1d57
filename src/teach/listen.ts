import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Teaching mode: waits for the popup/options to ask the page to learn a field (owned by the settings work). */
export function listenForTeaching(ctx: ContentScriptContext): void {
  void ctx;
}
