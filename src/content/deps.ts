import { checkClaim } from '../core';
import { E2E } from '../env';
import { applyFix, markForE2E, readPage, readPageSteps, updateReading, watchPage } from '../page';
import { loadSettings, onSettingsChanged, recordOverride, siteConfigFor, siteSettingFor } from '../settings';
import type { Ports } from './ports';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The real page, core and settings layers behind the content script's ports. */
export const realPorts: Ports = {
  readPage,
  readPageSteps,
  updateReading,
  watchPage,
  applyFix,
  markForE2E,
  checkClaim: (input, options) =>
    checkClaim(input, {
      profile: options.profile,
      customProfiles: options.customProfiles,
      ...(options.tables && { tables: options.tables }),
    }),
  async loadSettings(url) {
    const { settings } = await loadSettings({ cachedPolicyOnly: true });
    const site = siteConfigFor(settings, url);
    return {
      // The e2e build treats loopback pages as switched on; the release build runs only where
      // the background registered it, unless the site was switched off since.
      run: E2E ? site.enabled : siteSettingFor(settings.sites, hostOf(url))?.enabled !== false,
      profileId: site.profileId,
      customProfiles: site.customProfiles,
      page: { taught: site.taught },
      tables: site.tables,
    };
  },
  onSettingsChanged,
  recordOverride,
};
