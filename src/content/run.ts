import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { E2E } from '../env';
import { type FrameStatus, isMessage } from '../shared/messages';
import { realPorts } from './deps';
import { frameSiteUrl } from './frame-url';
import { type Session, startSession } from './session';
import { answerStatus } from './status';

export { INACTIVE_ANSWER_DELAY_MS } from './status';

/**
 * The content script's job in one frame: start a session (read → check → overlay, submit
 * guard) tied to WXT's context, and answer the popup. Nothing here may break the page: a
 * failure to start leaves the page exactly as without the extension.
 */
export function runChargeGuard(ctx: ContentScriptContext): void {
  // E2E sign of life of the checker (the gate marks data-cg-loaded); the release build writes
  // nothing into the page but its overlay.
  if (E2E) document.documentElement.dataset.cgChecker = '1';
  let session: Session | null = null;

  const onMessage = (message: unknown): Promise<FrameStatus> | undefined => {
    if (!isMessage(message)) return undefined;
    if (message.type === 'cg/refresh') {
      void session?.reload();
      return undefined;
    }
    if (message.type !== 'cg/status') return undefined;
    return answerStatus(session?.status() ?? null, window === window.top);
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  } catch {
    // No messaging (a test page without the runtime): the overlay still works.
  }

  // SPA navigation: same document, another page of the portal (taught mappings are per path).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    void session?.navigated(frameSiteUrl(location));
  });

  startSession(
    {
      doc: document,
      win: window,
      signal: ctx.signal,
      siteUrl: frameSiteUrl(location),
      siteName: new URL(frameSiteUrl(location), 'about:blank').hostname,
      alive: () => !ctx.isInvalid,
    },
    realPorts,
  ).then(
    (started) => {
      session = started;
    },
    () => {
      // Fail open: without a session the page is untouched.
    },
  );
}
