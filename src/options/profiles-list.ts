import { BUILT_IN_PROFILES, type PayerProfile } from '../core/profile';
import type { Settings } from '../settings/schema';

/** Every profile a site can use: the built-ins, then custom ones (policy shadows of built-ins excluded). */
export function profileChoices(merged: Settings): { id: string; name: string; builtIn: boolean }[] {
  const builtInIds = new Set(BUILT_IN_PROFILES.map((p) => p.id));
  return [
    ...BUILT_IN_PROFILES.map((p) => ({ id: p.id, name: p.name, builtIn: true })),
    ...merged.customProfiles
      .filter((p) => !builtInIds.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, builtIn: false })),
  ];
}

export function builtIn(id: string): PayerProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}
