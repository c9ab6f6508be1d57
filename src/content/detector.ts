import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { E2E } from '../env';
import { hostMatches } from '../page/adapters/match';
import { mayHoldCharges } from '../page/detect';
import { isMessage, type Message } from '../shared/messages';
import { frameSiteUrl } from './frame-url';
import { leaveHandoff } from './handoff';
import { answerStatus } from './status';

/** Where settings live in storage.local (src/settings/store.ts STORAGE_KEY; not imported: that module is the checker's). */
const SETTINGS_KEY = 'settings';

/**
 * The content script: a gate that runs in every frame of a switched-on site and costs a page
 * without charge fields one pass of native queries. When the frame may hold charge fields (now,
 * after the page adds them, or because the user taught fields on this site), it asks the
 * background to inject the checker (reader, rules, overlay: `src/content/run.ts`) into this
 * frame, once. Until then it answers the popup for the frame. It reads nothing into storage or
 * messages: the request carries no page data.
 */
export function runDetector(ctx: ContentScriptContext): void {
  // The smoke tests' sign of life; the release build writes nothing into the page but its overlay.
  if (E2E) document.documentElement.dataset.cgLoaded = '1';
  const handoff = leaveHandoff(ctx);
  let requested = false;
  let observer: MutationObserver | null = null;
  let frame: number | null = null;
  let added: Element[] = [];

  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    added = [];
  };
  ctx.onInvalidated(stopWatching);

  const request = () => {
    if (requested || ctx.isInvalid) return;
    requested = true;
    stopWatching();
    browser.runtime.sendMessage({ type: 'cg/load-checker' } satisfies Message).catch(() => {
      // No background to ask (extension reloading): the page stays as without the extension.
    });
  };

  const taughtHere = async (): Promise<boolean> => {
    try {
      const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as
        | { taught?: unknown }
        | undefined;
      const host = new URL(frameSiteUrl(location)).hostname;
      const taught = Array.isArray(stored?.taught) ? stored.taught : [];
      return taught.some(
        (m: unknown) =>
          typeof (m as { host?: unknown })?.host === 'string' &&
          hostMatches((m as { host: string }).host, host),
      );
    } catch {
      return false;
    }
  };
  const checkTaught = () => void taughtHere().then((yes) => yes && request());

  const onMessage = (message: unknown) => {
    if (handoff.checkerStarted || !isMessage(message)) return undefined;
    if (message.type === 'cg/refresh') checkTaught(); // the site was switched on or fields were taught
    if (message.type !== 'cg/status') return undefined;
    return answerStatus(null, window === window.top);
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes && !requested) checkTaught();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  } catch {
    // No messaging (a test page without the runtime): nothing to ask for, nothing to answer.
    return;
  }

  try {
    if (mayHoldCharges(document)) {
      request();
      return;
    }
  } catch {
    return; // fail open: the page as without the extension
  }
  checkTaught();

  // Pages that build their charge screen later (SPA routes, dialogs, rows added by script): judge
  // what they add, batched per animation frame; nothing runs while the page is idle.
  const judgeAdded = () => {
    frame = null;
    const batch = added;
    added = [];
    try {
      if (batch.some((el) => el.isConnected && mayHoldCharges(el))) request();
    } catch {
      stopWatching();
    }
  };
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) added.push(node as Element);
    }
    if (added.length > 0 && frame === null) frame = requestAnimationFrame(judgeAdded);
  });
  observer.observe(document, { childList: true, subtree: true });
}
