import { browser } from 'wxt/browser';
import { E2E } from '../env';
import { loadSettings, onSettingsChanged, refreshPolicyCache } from '../settings';
import { browserRegistrationApi } from './browser-api';
import { serveChecker } from './checker';
import { desiredScripts, type RegistrationApi, syncRegistrations } from './registration';

/** Loopback pages get the e2e build's manifest content script already; registering them too would inject twice. */
const skipHost = (siteKey: string) => E2E && (siteKey === '127.0.0.1' || siteKey === 'localhost');

/**
 * The background's whole job: keep the content script registered exactly on the sites that
 * are switched on and permitted, and inject the checker into the frames whose content script
 * asks for it. Runs on startup, on settings change and on permission change;
 * syncs are serialised so two quick changes cannot interleave their register/unregister calls.
 */
export function startBackground(api: RegistrationApi = browserRegistrationApi): {
  synced: () => Promise<void>;
} {
  let queue: Promise<void> = Promise.resolve();
  const sync = () => {
    queue = queue
      .then(async () => {
        const { settings } = await loadSettings();
        await syncRegistrations(await desiredScripts(settings, api, skipHost), api);
      })
      .catch(() => {
        // A failed sync leaves the previous registrations; the next event tries again.
      });
    return queue;
  };
  serveChecker();
  browser.runtime.onInstalled.addListener(() => void sync());
  browser.runtime.onStartup.addListener(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  onSettingsChanged(() => void sync(), new AbortController().signal);
  // Keep the local copy of the administrator's policy current (see POLICY_CACHE_KEY).
  const refresh = () => refreshPolicyCache().catch(() => {});
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refresh();
  });
  void refresh();
  void sync();
  return { synced: () => queue };
}
