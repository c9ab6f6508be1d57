import { browser } from 'wxt/browser';
import type { SettingsIssue } from './issues';
import { applyPolicy, type ManagedPolicy, parsePolicy } from './managed';
import { migrate } from './migrations';
import { repairSettings } from './repair';
import { defaultSettings, OVERRIDE_LOG_MAX, OVERRIDE_REASON_MAX, type Settings } from './schema';

/**
 * Settings live in `browser.storage.local` under one key: the content script reads them (an
 * IndexedDB opened there would belong to the page's origin). Loading never writes: repairs
 * are applied in memory and reported, and stored data is only replaced when the user saves.
 */
export const STORAGE_KEY = 'settings';

export interface LoadedSettings {
  /** User settings with the administrator's policy applied. */
  settings: Settings;
  /** What was wrong and fell back to its default, e.g. `unitMethod: expected one of "cms", "ama", got "x"`. */
  repairs: string[];
  /** Paths the administrator's policy sets (see applyPolicy). */
  locked: string[];
}

export interface UserSettings {
  /** The user's own settings, repaired, without the policy (what the options page edits). */
  user: Settings;
  policy: ManagedPolicy;
  repairs: string[];
  /** Stored data is from a newer version: saving would drop what this version cannot read. */
  newer: boolean;
}

function issueText(issues: readonly SettingsIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.problem}`);
}

/**
 * The policy as last read from `storage.managed`, copied to `storage.local` by the background
 * (policyCache.ts): the first `storage.managed.get()` of a browser session can take seconds
 * while the browser loads its policies, and every page load would wait for it. Validated on
 * every read like the rest; without a copy yet, the managed area is read directly.
 */
export const POLICY_CACHE_KEY = 'managedPolicy';

async function readManagedArea(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy installed (Firefox throws when there is no managed manifest): nothing is managed.
    return {};
  }
}

export async function readPolicy(
  cached?: unknown,
): Promise<{ policy: ManagedPolicy; issues: SettingsIssue[] }> {
  const raw = cached !== undefined ? cached : await readManagedArea();
  return parsePolicy(raw);
}

/**
 * `cachedPolicyOnly`: the content script never waits on the managed area (seconds, on a
 * browser's first read); until the background has cached the policy it loads without one, and
 * the cache write is itself a settings change that makes it load again.
 */
export async function loadUserSettings(options: { cachedPolicyOnly?: boolean } = {}): Promise<UserSettings> {
  let stored: unknown;
  let cachedPolicy: unknown;
  try {
    const items = await browser.storage.local.get([STORAGE_KEY, POLICY_CACHE_KEY]);
    stored = items[STORAGE_KEY];
    cachedPolicy = items[POLICY_CACHE_KEY];
  } catch {
    stored = undefined;
  }
  const migrated = migrate(stored);
  const repaired = repairSettings(migrated.data);
  const { policy, issues } = await readPolicy(
    cachedPolicy === undefined && options.cachedPolicyOnly ? {} : cachedPolicy,
  );
  return {
    user: repaired.settings,
    policy,
    repairs: [...migrated.notes, ...issueText(repaired.issues), ...issueText(issues)],
    newer: migrated.newer,
  };
}

/** Copies the managed area into the local cache when it differs (called by the background). */
export async function refreshPolicyCache(): Promise<void> {
  const raw = await readManagedArea();
  const current = (await browser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY];
  if (JSON.stringify(current) !== JSON.stringify(raw))
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: raw });
}

export async function loadSettings(options: { cachedPolicyOnly?: boolean } = {}): Promise<LoadedSettings> {
  try {
    const { user, policy, repairs } = await loadUserSettings(options);
    const { settings, locked } = applyPolicy(user, policy);
    return { settings, repairs, locked };
  } catch (error) {
    // Fail open: a broken storage area must not stop the page or the popup.
    return {
      settings: defaultSettings(),
      repairs: [`(settings): could not be read (${(error as Error).name})`],
      locked: [],
    };
  }
}

export async function writeUserSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: settings });
}

/** Read-modify-write of the user's own settings (the policy is applied on load, never stored). */
/** Updates made in one extension page, in the order they were asked for (see updateSettings). */
let updates: Promise<unknown> = Promise.resolve();

/**
 * Read, change, write the user's settings. Updates from one page run one after another: two
 * quick edits (a severity, then the site's profile) would otherwise both read the old settings
 * and the second write would undo the first.
 */
export function updateSettings(change: (user: Settings) => void): Promise<Settings> {
  const update = updates.then(() => readChangeWrite(change));
  updates = update.catch(() => {});
  return update;
}

async function readChangeWrite(change: (user: Settings) => void): Promise<Settings> {
  // Only the user's own settings are read: a write never waits on the (sometimes slow) policy.
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  } catch {
    stored = undefined;
  }
  const copy = repairSettings(migrate(stored).data).settings;
  change(copy);
  // Whatever the change did, store only what validates.
  const checked = repairSettings(copy).settings;
  await writeUserSettings(checked);
  return checked;
}

export function onSettingsChanged(callback: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && (STORAGE_KEY in changes || POLICY_CACHE_KEY in changes)))
      callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** Site is reduced to its hostname: the log never holds a path or query (which can carry patient ids). */
export function siteOf(site: string): string {
  try {
    return new URL(site).hostname;
  } catch {
    return site.trim().toLowerCase().slice(0, 253);
  }
}

export async function recordOverride(entry: { rule: string; site: string; reason: string }): Promise<void> {
  await updateSettings((user) => {
    user.overrides.push({
      rule: entry.rule.slice(0, 60),
      site: siteOf(entry.site),
      time: new Date().toISOString(),
      reason: entry.reason.trim().slice(0, OVERRIDE_REASON_MAX),
    });
    user.overrides = user.overrides.slice(-OVERRIDE_LOG_MAX);
  });
}
