import { browser } from 'wxt/browser';

/** The unlisted script WXT builds from `entrypoints/teach.ts`. */
export const TEACH_SCRIPT = '/teach.js';

/**
 * Teaching mode runs in the top frame (the picker needs one place to take the click). The
 * popup and the options page inject it there; false when the tab refuses (no access, a
 * browser page).
 */
export async function injectTeaching(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TEACH_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}
