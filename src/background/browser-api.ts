import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, type DesiredScript, type RegistrationApi } from './registration';

type Registered = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

function toRegistered(script: DesiredScript, fallback: boolean): Registered {
  return {
    id: script.id,
    matches: script.matches,
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    // document_end was tried (to overlap the first read with the page's loading): 16 interleaved
    // load pairs showed no gain over document_idle on the bench page, and idle is gentler.
    runAt: 'document_idle',
    // srcdoc and about:blank frames of a switched-on site (Chrome; Firefox ignores or refuses it).
    ...(fallback && { matchOriginAsFallback: true }),
  } as Registered;
}

/** The real scripting and permissions APIs behind RegistrationApi. */
export const browserRegistrationApi: RegistrationApi = {
  hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
  registered: async () =>
    (await browser.scripting.getRegisteredContentScripts()) as { id: string; matches?: string[] }[],
  async register(scripts) {
    try {
      await browser.scripting.registerContentScripts(scripts.map((s) => toRegistered(s, true)));
    } catch {
      // A browser without matchOriginAsFallback rejects the whole call: register without it.
      await browser.scripting.registerContentScripts(scripts.map((s) => toRegistered(s, false)));
    }
  },
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};
