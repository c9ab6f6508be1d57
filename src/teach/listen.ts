import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { E2E } from '../env';
import { normalizeSiteKey } from '../settings/repair';
import { pathPatternFor } from './path';
import { type Picker, startPicker } from './picker';
import { saveTaughtField } from './save';

/**
 * Teaching mode: waits for the popup or options page to send `cg/teach-start`, then lets the
 * user point at fields. A saved field lands in settings, and the session re-reads the page at
 * once because it listens for settings changes. Fails open: an error ends teaching quietly.
 */
export function listenForTeaching(ctx: ContentScriptContext): void {
  let picker: Picker | null = null;
  const onMessage = (message: unknown): undefined => {
    if ((message as { type?: unknown } | null)?.type !== 'cg/teach-start' || picker) return undefined;
    try {
      const host = normalizeSiteKey(location.hostname);
      const pathPattern = pathPatternFor(location.pathname);
      picker = startPicker({
        doc: document,
        win: window,
        shadowMode: E2E ? 'open' : 'closed',
        onSave: (choice) => saveTaughtField(host, pathPattern, choice),
        onEnd: () => {
          picker = null;
        },
      });
    } catch {
      picker = null;
    }
    return undefined;
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      picker?.stop();
    });
  } catch {
    // No messaging here: nothing to teach from.
  }
}
