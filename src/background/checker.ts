import { browser } from 'wxt/browser';
import { isMessage } from '../shared/messages';

/** The unlisted script WXT builds from `entrypoints/checker.ts`. */
export const CHECKER_SCRIPT = '/checker.js';

interface Sender {
  tab?: { id?: number };
  frameId?: number;
  id?: string;
}

export type Inject = (tabId: number, frameId: number) => Promise<unknown>;

const injectChecker: Inject = (tabId, frameId) =>
  browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [CHECKER_SCRIPT],
    injectImmediately: true,
  });

/**
 * Answers a content script's `cg/load-checker`: injects the checker into the frame that asked,
 * and nowhere else. Only this extension's own content scripts can send it (no external
 * messaging), and the frame comes from the browser's sender, not from the message.
 */
export function checkerLoader(inject: Inject = injectChecker) {
  return (message: unknown, sender: Sender): Promise<boolean> | undefined => {
    if (!isMessage(message) || message.type !== 'cg/load-checker') return undefined;
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || sender.id !== browser.runtime.id) return undefined;
    return inject(tabId, sender.frameId ?? 0).then(
      () => true,
      () => false, // a frame gone or refused: the page stays as without the extension
    );
  };
}

export function serveChecker(): void {
  browser.runtime.onMessage.addListener(checkerLoader());
}
