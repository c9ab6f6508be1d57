import type { Settings } from '../settings/schema';

/**
 * Which sites get the content script, and keeping the browser's registrations in step.
 * A site gets it when it is switched on (by the user or the administrator's policy) AND the
 * extension holds host permission for it (granted by the user from the popup, or by policy).
 * Nothing is declared in the manifest for the release build: no site is touched by default.
 */
export const SCRIPT_ID_PREFIX = 'cg:';
export const CONTENT_SCRIPT_FILE = 'content-scripts/portal.js';

export interface DesiredScript {
  id: string;
  matches: string[];
}

/** The browser calls this needs (a seam for tests: the fake browser has no scripting API). */
export interface RegistrationApi {
  hasPermission(origin: string): Promise<boolean>;
  registered(): Promise<{ id: string; matches?: string[] }[]>;
  register(scripts: DesiredScript[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** Match patterns for a site key: "portal.x.com" → https and http; "*.x.com" → every subdomain. */
export function originsFor(siteKey: string): string[] {
  return [`https://${siteKey}/*`, `http://${siteKey}/*`];
}

export async function desiredScripts(
  settings: Settings,
  api: Pick<RegistrationApi, 'hasPermission'>,
  skipHost: (siteKey: string) => boolean = () => false,
): Promise<DesiredScript[]> {
  const scripts: DesiredScript[] = [];
  for (const [siteKey, site] of Object.entries(settings.sites)) {
    if (!site.enabled || skipHost(siteKey)) continue;
    const matches: string[] = [];
    for (const origin of originsFor(siteKey)) if (await api.hasPermission(origin)) matches.push(origin);
    if (matches.length) scripts.push({ id: `${SCRIPT_ID_PREFIX}${siteKey}`, matches });
  }
  return scripts;
}

/** Registers what is missing, unregisters what is no longer wanted, re-registers what changed. */
export async function syncRegistrations(desired: DesiredScript[], api: RegistrationApi): Promise<void> {
  const current = (await api.registered()).filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX));
  const wanted = new Map(desired.map((s) => [s.id, s]));
  const stale = current.filter((s) => {
    const want = wanted.get(s.id);
    return !want || !sameSet(want.matches, s.matches ?? []);
  });
  if (stale.length) await api.unregister(stale.map((s) => s.id));
  const kept = new Set(current.filter((s) => !stale.includes(s)).map((s) => s.id));
  const missing = desired.filter((s) => !kept.has(s.id));
  if (missing.length) await api.register(missing);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
