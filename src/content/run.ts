import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { E2E } from '../env';
import type { FrameStatus, Message } from '../shared/messages';
import { realPorts } from './deps';
import { frameSiteUrl } from './frame-url';
import { type Session, startSession } from './session';

/** How long an empty top frame lets frames with charge fields answer the popup first. */
export const INACTIVE_ANSWER_DELAY_MS = 150;

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * The content script's job in one frame: start a session (read → check → overlay, submit
 * guard) tied to WXT's context, and answer the popup. Nothing here may break the page: a
 * failure to start leaves the page exactly as without the extension.
 */
export function runChargeGuard(ctx: ContentScriptContext): void {
  // The smoke test's sign of life; the release build writes nothing into the page but its overlay.
  if (E2E) document.documentElement.dataset.cgLoaded = '1';
  let session: Session | null = null;

  const onMessage = (message: unknown): Promise<FrameStatus> | undefined => {
    if (!isMessage(message)) return undefined;
    if (message.type === 'cg/refresh') {
      void session?.reload();
      return undefined;
    }
    if (message.type !== 'cg/status') return undefined;
    const status = session?.status();
    // Every frame hears the question and the first answer wins: a frame with charge fields
    // answers at once; the top frame, when it has none, answers "nothing here" only after a
    // grace period, so a fee sheet two iframes down is not hidden by an empty top page.
    if (status?.active) return Promise.resolve(status);
    if (window !== window.top) return undefined;
    const inactive: FrameStatus = status ?? {
      active: false,
      counts: { error: 0, warning: 0, info: 0 },
      profileId: 'medicare',
      profileFrom: 'default',
    };
    return new Promise((answer) => setTimeout(() => answer(inactive), INACTIVE_ANSWER_DELAY_MS));
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
