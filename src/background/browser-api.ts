import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, type DesiredScript, type RegistrationApi } from './registration';

type Registered = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

function toRegistered(script: DesiredScript, fallback: boolean): Registered {
  return {
    id: script.id,
    matches: script.matches,
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    // As soon as the page is parsed: the gate and the checker's first read overlap the page's own
    // loading (images, first layout) instead of starting after it.
    runAt: 'document_end',
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
