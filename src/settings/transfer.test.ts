import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from './schema';
import { loadUserSettings, updateSettings } from './store';
import v1 from './testdata/settings-v1.json';
import { exportSettings, importSettings, parseImport } from './transfer';

beforeEach(() => {
  fakeBrowser.reset();
});

function sample(): Settings {
  const { settings } = parseImport(JSON.stringify(v1)) as { settings: Settings };
  return settings;
}

describe('export and import', () => {
  test('an export imports back to the same settings', () => {
    const settings = sample();
    const text = exportSettings(settings);
    expect(JSON.parse(text).format).toBe('charge-guard-settings');
    expect(parseImport(text)).toEqual({ ok: true, settings });
  });

  test('the frozen v1 file imports', () => {
    expect(parseImport(JSON.stringify(v1)).ok).toBe(true);
  });

  test('a bad field is named with its path and the import is rejected', () => {
    const bad = { ...v1, sites: { 'portal.x.com': { enabled: true, profile: 'foo' } } };
    expect(parseImport(JSON.stringify(bad))).toEqual({
      ok: false,
      errors: ['sites["portal.x.com"].profile: unknown profile "foo"'],
    });
  });

  test('every problem is listed, not just the first', () => {
    const bad = {
      ...v1,
      unitMethod: 'x',
      overrides: 'none',
      taught: [{ host: 'a.com', pathPattern: 'x', fields: [] }],
    };
    const result = parseImport(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.split(':')[0])).toEqual([
        'taught[0].pathPattern',
        'unitMethod',
        'overrides',
      ]);
  });

  test('not JSON, not an object, another format, a newer version: rejected', () => {
    for (const text of [
      '{',
      '[1]',
      '{"format":"dark-reader"}',
      JSON.stringify({ ...v1, schemaVersion: 99 }),
    ]) {
      const result = parseImport(text);
      expect(result.ok).toBe(false);
    }
  });

  test('a rejected import changes nothing in storage', async () => {
    await updateSettings((s) => {
      s.sites['kept.example'] = { enabled: true, profile: 'medicaid' };
    });
    const before = await loadUserSettings();
    const result = await importSettings(JSON.stringify({ ...v1, unitMethod: 'x' }));
    expect(result.ok).toBe(false);
    expect((await loadUserSettings()).user).toEqual(before.user);
  });

  test('an accepted import replaces the settings', async () => {
    await updateSettings((s) => {
      s.sites['gone.example'] = { enabled: true, profile: null };
    });
    const result = await importSettings(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    const { user } = await loadUserSettings();
    expect(user.sites['gone.example']).toBeUndefined();
    expect(user.sites['portal.example-ehr.com']?.profile).toBe('clinic-bcbs');
  });

  test('an empty object is a valid (default) settings file', () => {
    expect(parseImport('{}')).toEqual({ ok: true, settings: defaultSettings() });
  });
});
