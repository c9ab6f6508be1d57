import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OVERRIDE_LOG_MAX } from './schema';
import {
  loadSettings,
  loadUserSettings,
  onSettingsChanged,
  POLICY_CACHE_KEY,
  recordOverride,
  refreshPolicyCache,
  STORAGE_KEY,
  updateSettings,
} from './store';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  test('empty storage gives the defaults with no repairs', async () => {
    const { settings, repairs, locked } = await loadSettings();
    expect(settings.sites).toEqual({});
    expect(repairs).toEqual([]);
    expect(locked).toEqual([]);
  });

  test('repairs are reported, applied in memory, and never written back by a load', async () => {
    const stored = {
      schemaVersion: 1,
      unitMethod: 'nope',
      sites: { 'a.com': { enabled: true, profile: null } },
    };
    await fakeBrowser.storage.local.set({ [STORAGE_KEY]: stored });
    const { settings, repairs } = await loadSettings();
    expect(settings.unitMethod).toBe('cms');
    expect(settings.sites['a.com']?.enabled).toBe(true);
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatch(/^unitMethod: /);
    expect((await fakeBrowser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]).toEqual(stored);
  });

  test('the managed policy is merged and locked', async () => {
    await fakeBrowser.storage.managed.set({
      sites: { 'portal.x.com': { enabled: true, profile: 'medicaid' } },
    });
    const { settings, locked } = await loadSettings();
    expect(settings.sites['portal.x.com']).toEqual({ enabled: true, profile: 'medicaid' });
    expect(locked).toEqual(['sites["portal.x.com"]']);
    // The policy is not copied into the user's own settings.
    expect((await loadUserSettings()).user.sites).toEqual({});
  });

  test('a managed area that throws (Firefox without a policy) means no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(
      new Error('Managed storage manifest not found'),
    );
    const { locked, repairs } = await loadSettings();
    expect(locked).toEqual([]);
    expect(repairs).toEqual([]);
  });

  test('a local area that throws falls back to defaults (fail open)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('broken'));
    const { settings } = await loadSettings();
    expect(settings.sites).toEqual({});
  });
});

describe('updateSettings', () => {
  test('writes the change and only what validates', async () => {
    await updateSettings((s) => {
      s.sites['portal.x.com'] = { enabled: true, profile: 'ghost' };
      s.unitMethod = 'ama';
    });
    const { user, repairs } = await loadUserSettings();
    expect(user.sites['portal.x.com']).toEqual({ enabled: true, profile: null });
    expect(user.unitMethod).toBe('ama');
    expect(repairs).toEqual([]);
  });

  test('two quick updates both land: the second does not write over the first', async () => {
    await Promise.all([
      updateSettings((s) => {
        s.unitMethod = 'ama';
      }),
      updateSettings((s) => {
        s.sites['portal.x.com'] = { enabled: true, profile: null };
      }),
      updateSettings(() => {
        throw new Error('a change that fails');
      }).catch(() => null),
      updateSettings((s) => {
        s.sites['portal.y.com'] = { enabled: false, profile: null };
      }),
    ]);
    const { user } = await loadUserSettings();
    expect(user.unitMethod).toBe('ama');
    expect(Object.keys(user.sites).sort()).toEqual(['portal.x.com', 'portal.y.com']);
  });
});

describe('recordOverride', () => {
  test('stores rule, hostname only, time and reason', async () => {
    await recordOverride({
      rule: 'ncci/pair-needs-modifier',
      site: 'https://portal.x.com/charges/1?mrn=123',
      reason: '  separate time blocks  ',
    });
    const { settings } = await loadSettings();
    expect(settings.overrides).toHaveLength(1);
    const [entry] = settings.overrides;
    expect(entry?.rule).toBe('ncci/pair-needs-modifier');
    expect(entry?.site).toBe('portal.x.com');
    expect(entry?.reason).toBe('separate time blocks');
    expect(Number.isNaN(Date.parse(entry?.time ?? ''))).toBe(false);
  });

  test('the log is capped, oldest dropped', async () => {
    await updateSettings((s) => {
      s.overrides = Array.from({ length: OVERRIDE_LOG_MAX }, (_, n) => ({
        rule: 'units/excessive',
        site: 'a.com',
        time: `old-${n}`,
        reason: '',
      }));
    });
    await recordOverride({ rule: 'dx/avoid', site: 'a.com', reason: 'x' });
    const { settings } = await loadSettings();
    expect(settings.overrides).toHaveLength(OVERRIDE_LOG_MAX);
    expect(settings.overrides[0]?.time).toBe('old-1');
    expect(settings.overrides.at(-1)?.rule).toBe('dx/avoid');
  });
});

describe('onSettingsChanged', () => {
  test('fires on a settings write and stops after abort', async () => {
    const controller = new AbortController();
    const callback = vi.fn();
    onSettingsChanged(callback, controller.signal);
    await updateSettings((s) => {
      s.unitMethod = 'ama';
    });
    expect(callback).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(callback).toHaveBeenCalledTimes(1);
    controller.abort();
    await updateSettings((s) => {
      s.unitMethod = 'cms';
    });
    expect(callback).toHaveBeenCalledTimes(1);
  });
});

describe('policy cache', () => {
  test('the local copy of the policy is used without waiting on the managed area', async () => {
    const managedGet = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await fakeBrowser.storage.local.set({
      [POLICY_CACHE_KEY]: { sites: { 'portal.x.com': { enabled: true, profile: 'medicaid' } } },
    });
    const { settings, locked } = await loadSettings();
    expect(settings.sites['portal.x.com']?.profile).toBe('medicaid');
    expect(locked).toEqual(['sites["portal.x.com"]']);
    expect(managedGet).not.toHaveBeenCalled();
  });

  test('refreshPolicyCache copies the managed area, and the copy changing counts as a settings change', async () => {
    const callback = vi.fn();
    onSettingsChanged(callback, new AbortController().signal);
    await fakeBrowser.storage.managed.set({ unitMethod: 'ama' });
    callback.mockClear();
    await refreshPolicyCache();
    expect((await fakeBrowser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toEqual({
      unitMethod: 'ama',
    });
    expect(callback).toHaveBeenCalled();
    callback.mockClear();
    await refreshPolicyCache();
    expect(callback).not.toHaveBeenCalled();
  });
});

test('a write never reads the managed area', async () => {
  const managedGet = vi.spyOn(fakeBrowser.storage.managed, 'get');
  await updateSettings((s) => {
    s.unitMethod = 'ama';
  });
  expect(managedGet).not.toHaveBeenCalled();
  expect((await loadUserSettings()).user.unitMethod).toBe('ama');
});

test('the content script load never waits on the managed area; without a cached policy it loads without one', async () => {
  fakeBrowser.reset();
  const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
  await loadSettings({ cachedPolicyOnly: true });
  expect(managed).not.toHaveBeenCalled();
  managed.mockRestore();
});
