import {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_ID,
  detectPayerFromText,
  findProfile,
  type PayerProfile,
} from '../core/profile';
import type { ProfileChoice, ProfileSource } from '../overlay/types';

export interface ChosenProfile {
  profile: PayerProfile;
  from: ProfileSource;
}

/**
 * Which payer's rules apply, most deliberate choice first: what the user picked in the panel
 * for this page, the site's setting, the payer named on the page, else Medicare.
 */
export function chooseProfile(input: {
  panel: string | null;
  site: string | null;
  pagePayer: unknown;
  custom: readonly PayerProfile[];
}): ChosenProfile {
  const picked = findProfile(input.panel, input.custom);
  if (picked) return { profile: picked, from: 'panel' };
  const site = findProfile(input.site, input.custom);
  if (site) return { profile: site, from: 'site' };
  if (typeof input.pagePayer === 'string') {
    const detected = detectPayerFromText(input.pagePayer);
    const onPage = detected ? findProfile(detected, input.custom) : null;
    if (onPage) return { profile: onPage, from: 'page' };
  }
  return { profile: findProfile(DEFAULT_PROFILE_ID)!, from: 'default' };
}

/** The switcher's options: built-ins first, then the user's own profiles (a custom one may shadow a built-in id). */
export function profileChoices(custom: readonly PayerProfile[]): ProfileChoice[] {
  const customIds = new Set(custom.map((p) => p.id));
  return [
    ...BUILT_IN_PROFILES.filter((p) => !customIds.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    ...custom.map((p) => ({ id: p.id, name: p.name })),
  ];
}
