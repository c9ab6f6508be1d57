import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { startBackground } from './index';
import { type DesiredScript, desiredScripts, type RegistrationApi, syncRegistrations } from './registration';

/** An in-memory browser: granted origins and registered scripts. */
function fakeApi(granted: string[] = []) {
  const scripts = new Map<string, DesiredScript>();
  const calls: string[] = [];
  const api: RegistrationApi = {
    hasPermission: async (origin) => granted.includes(origin),
    registered: async () => [...scripts.values()],
    register: async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`duplicate ${s.id}`);
        scripts.set(s.id, s);
        calls.push(`+${s.id}`);
      }
    },
    unregister: async (ids) => {
      for (const id of ids) {
        scripts.delete(id);
        calls.push(`-${id}`);
      }
    },
  };
  return { api, scripts, calls, granted };
}

function withSites(sites: Settings['sites']): Settings {
  return { ...defaultSettings(), sites };
}

describe('desiredScripts', () => {
  test('only sites that are on AND permitted, matching only the permitted schemes', async () => {
    const { api } = fakeApi(['https://on.example/*', 'https://off.example/*', 'https://*.wild.example/*']);
    const settings = withSites({
      'on.example': { enabled: true, profile: null },
      'off.example': { enabled: false, profile: null },
      'nopermission.example': { enabled: true, profile: null },
      '*.wild.example': { enabled: true, profile: null },
    });
    expect(await desiredScripts(settings, api)).toEqual([
      { id: 'cg:on.example', matches: ['https://on.example/*'] },
      { id: 'cg:*.wild.example', matches: ['https://*.wild.example/*'] },
    ]);
  });

  test('skipped hosts are left out (loopback in the e2e build)', async () => {
    const { api } = fakeApi(['http://127.0.0.1/*']);
    const settings = withSites({ '127.0.0.1': { enabled: true, profile: null } });
    expect(await desiredScripts(settings, api, (h) => h === '127.0.0.1')).toEqual([]);
  });
});

describe('syncRegistrations', () => {
  test('adds missing, removes unwanted, re-registers changed, leaves others alone', async () => {
    const { api, scripts, calls } = fakeApi();
    scripts.set('cg:gone.example', { id: 'cg:gone.example', matches: ['https://gone.example/*'] });
    scripts.set('cg:same.example', { id: 'cg:same.example', matches: ['https://same.example/*'] });
    scripts.set('cg:changed.example', { id: 'cg:changed.example', matches: ['https://changed.example/*'] });
    scripts.set('someone-else', { id: 'someone-else', matches: ['https://x/*'] });
    await syncRegistrations(
      [
        { id: 'cg:same.example', matches: ['https://same.example/*'] },
        { id: 'cg:changed.example', matches: ['https://changed.example/*', 'http://changed.example/*'] },
        { id: 'cg:new.example', matches: ['https://new.example/*'] },
      ],
      api,
    );
    expect([...scripts.keys()].sort()).toEqual([
      'cg:changed.example',
      'cg:new.example',
      'cg:same.example',
      'someone-else',
    ]);
    expect(scripts.get('cg:changed.example')?.matches).toHaveLength(2);
    expect(calls).not.toContain('+cg:same.example');
  });
});

describe('startBackground', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('syncs at start, on settings change and on permission change', async () => {
    const listeners: (() => void)[] = [];
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((l) =>
      listeners.push(l as () => void),
    );
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
    const { api, scripts, granted } = fakeApi();
    const bg = startBackground(api);
    await bg.synced();
    expect(scripts.size).toBe(0);

    // Switched on but not yet permitted: nothing registered.
    await updateSettings((s) => {
      s.sites['portal.x.com'] = { enabled: true, profile: null };
    });
    await bg.synced();
    expect(scripts.size).toBe(0);

    // The user grants the site from the popup.
    granted.push('https://portal.x.com/*');
    for (const l of listeners) l();
    await bg.synced();
    expect([...scripts.keys()]).toEqual(['cg:portal.x.com']);

    // Switched off: unregistered.
    await updateSettings((s) => {
      s.sites['portal.x.com'] = { enabled: false, profile: null };
    });
    await bg.synced();
    expect(scripts.size).toBe(0);
  });

  test('a site the policy switches on is registered when the policy grants the host', async () => {
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
    await fakeBrowser.storage.managed.set({
      sites: { 'ehr.clinic.example': { enabled: true, profile: 'medicare' } },
    });
    const { api, scripts } = fakeApi(['https://ehr.clinic.example/*']);
    await startBackground(api).synced();
    expect([...scripts.keys()]).toEqual(['cg:ehr.clinic.example']);
  });
});
