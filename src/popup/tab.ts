import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from '../background/registration';
import { normalizeSiteKey } from '../settings/repair';
import { updateSettings } from '../settings/store';
import type { FrameStatus, Message } from '../shared/messages';
import { injectTeaching } from '../teach/inject';

/** The tab the popup was opened over, as far as the popup needs it (no page content). */
export interface ActiveTab {
  id: number;
  /** "https://portal.x.com" or null for pages that cannot be checked (chrome://, file:, the store). */
  origin: string | null;
  host: string | null;
}

export async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return null;
  let origin: string | null = null;
  let host: string | null = null;
  try {
    const url = new URL(tab.url ?? '');
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      origin = url.origin;
      host = normalizeSiteKey(url.hostname);
    }
  } catch {
    // No URL (no activeTab grant yet) or not a web page.
  }
  return { id: tab.id, origin, host };
}

/** Asks the tab's content script what it found. null: no content script answered (site not on). */
export async function tabStatus(tabId: number): Promise<FrameStatus | null> {
  try {
    const answer = (await browser.tabs.sendMessage(tabId, { type: 'cg/status' } satisfies Message)) as
      | FrameStatus
      | undefined;
    return answer && typeof answer === 'object' && 'counts' in answer ? answer : null;
  } catch {
    return null;
  }
}

/**
 * "Check this site": host permission for this origin only, asked from the click itself (the
 * browser shows its own prompt), then the site switched on. The background registers the
 * content script for future loads; this tab gets it now, unless it already runs there.
 */
export async function checkThisSite(tab: ActiveTab): Promise<'on' | 'refused'> {
  if (!tab.origin || !tab.host) return 'refused';
  // Must be the first await: the permission prompt needs the click's user gesture.
  const granted = await browser.permissions.request({ origins: [`${tab.origin}/*`] });
  if (!granted) return 'refused';
  const host = tab.host;
  await updateSettings((s) => {
    s.sites[host] = { enabled: true, profile: s.sites[host]?.profile ?? null };
  });
  if (!(await tabStatus(tab.id))) {
    try {
      await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: [`/${CONTENT_SCRIPT_FILE}` as const],
      });
    } catch {
      // The page refused injection (a browser page, a PDF): the next load gets the registered script.
    }
  } else {
    await browser.tabs.sendMessage(tab.id, { type: 'cg/refresh' } satisfies Message).catch(() => {});
  }
  return 'on';
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await updateSettings((s) => {
    s.sites[host] = { enabled, profile: s.sites[host]?.profile ?? null };
  });
}

/** "Teach a field": the picker is injected into the tab's top frame on demand. */
export const startTeaching = injectTeaching;
