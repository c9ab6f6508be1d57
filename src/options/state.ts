import { useCallback, useEffect, useState } from 'preact/hooks';
import { applyPolicy, type ManagedPolicy } from '../settings/managed';
import type { Settings } from '../settings/schema';
import { loadUserSettings, onSettingsChanged, updateSettings } from '../settings/store';

export interface OptionsState {
  /** The user's own settings (what the page edits). */
  user: Settings;
  /** With the policy applied (what the extension uses). */
  merged: Settings;
  policy: ManagedPolicy;
  locked: string[];
  repairs: string[];
  newer: boolean;
}

/** Settings for the options page, kept fresh when another page (popup, teaching) changes them. */
export function useOptionsState(): {
  state: OptionsState | null;
  save(change: (user: Settings) => void): Promise<void>;
  reload(): void;
} {
  const [state, setState] = useState<OptionsState | null>(null);
  const reload = useCallback(() => {
    loadUserSettings().then(
      ({ user, policy, repairs, newer }) => {
        const { settings, locked } = applyPolicy(user, policy);
        setState({ user, merged: settings, policy, locked, repairs, newer });
      },
      () => {},
    );
  }, []);
  useEffect(() => {
    reload();
    const controller = new AbortController();
    onSettingsChanged(reload, controller.signal);
    return () => controller.abort();
  }, [reload]);
  const save = useCallback(
    async (change: (user: Settings) => void) => {
      await updateSettings(change);
      reload();
    },
    [reload],
  );
  return { state, save, reload };
}

export const siteLockKey = (host: string) => `sites[${JSON.stringify(host)}]`;
export const profileLockKey = (id: string) => `customProfiles[${JSON.stringify(id)}]`;
