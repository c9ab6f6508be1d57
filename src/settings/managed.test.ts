import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../core/finding';
import { BUILT_IN_PROFILES, findProfile } from '../core/profile';
import { applyPolicy, EMPTY_POLICY, parsePolicy } from './managed';
import { type CustomProfile, defaultSettings, type Settings } from './schema';

const profile = (id: string, over: Partial<CustomProfile> = {}): CustomProfile => ({
  id,
  name: id,
  builtIn: false,
  basedOn: 'commercial',
  unitMethod: 'ama',
  severity: {},
  requiredModifiers: { discipline: true, telehealth95: false },
  kxApplies: false,
  ...over,
});

function user(): Settings {
  return {
    ...defaultSettings(),
    sites: {
      'portal.x.com': { enabled: false, profile: null },
      'mine.example': { enabled: true, profile: 'commercial' },
    },
    customProfiles: [profile('shared', { name: 'user copy' }), profile('mine')],
    taught: [
      { host: 'portal.x.com', pathPattern: '/c/*', fields: [{ role: 'units', selector: '#mine' }] },
      { host: 'other.example', pathPattern: '/*', fields: [{ role: 'code', selector: '#c' }] },
    ],
    unitMethod: 'ama',
  };
}

describe('parsePolicy', () => {
  test('no policy is the empty policy', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: EMPTY_POLICY, issues: [] });
    expect(parsePolicy({})).toEqual({ policy: EMPTY_POLICY, issues: [] });
  });

  test('bad policy values are dropped and reported under policy.*', () => {
    const { policy, issues } = parsePolicy({
      sites: { 'portal.x.com': { enabled: true, profile: 'nope' } },
      rules: {
        'units/invalid': { enabled: 'no', severity: 'error' },
        'made/up': { enabled: true, severity: 'info' },
      },
      unitMethod: 'x',
      allowUserSites: 'false',
    });
    expect(policy.sites['portal.x.com']).toEqual({ enabled: true, profile: null });
    expect(policy.rules).toEqual({});
    expect(policy.unitMethod).toBeNull();
    expect(policy.allowUserSites).toBe(true);
    expect(issues.map((i) => i.path)).toEqual([
      'policy.rules["units/invalid"]',
      'policy.rules["made/up"]',
      'policy.unitMethod',
      'policy.allowUserSites',
      'policy.sites["portal.x.com"].profile',
    ]);
  });
});

describe('applyPolicy', () => {
  const { policy } = parsePolicy({
    sites: { 'portal.x.com': { enabled: true, profile: 'shared' } },
    customProfiles: [profile('shared', { name: 'clinic' })],
    taught: [{ host: 'portal.x.com', pathPattern: '/c/*', fields: [{ role: 'units', selector: '#admin' }] }],
    rules: { 'modifier/kx-required': 'error', 'dx/avoid': 'off' },
    unitMethod: 'cms',
  });

  test('managed values win and are reported as locked', () => {
    const { settings, locked } = applyPolicy(user(), policy);
    expect(settings.sites['portal.x.com']).toEqual({ enabled: true, profile: 'shared' });
    expect(settings.sites['mine.example']).toEqual({ enabled: true, profile: 'commercial' });
    expect(settings.customProfiles.slice(0, 2).map((p) => [p.id, p.name])).toEqual([
      ['shared', 'clinic'],
      ['mine', 'mine'],
    ]);
    expect(settings.unitMethod).toBe('cms');
    expect(locked).toEqual(
      expect.arrayContaining([
        'sites["portal.x.com"]',
        'customProfiles["shared"]',
        'taught["portal.x.com/c/*"]',
        'rules["modifier/kx-required"]',
        'unitMethod',
      ]),
    );
    expect(locked).not.toContain('sites["mine.example"]');
  });

  test('locked rules apply to every profile; built-ins get a shadow copy the core finds first', () => {
    const { settings } = applyPolicy(user(), policy);
    for (const p of settings.customProfiles) {
      expect(p.severity['modifier/kx-required']).toBe('error');
      expect(p.severity['dx/avoid']).toBe('off');
    }
    const ids = settings.customProfiles.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['shared', 'mine', ...BUILT_IN_PROFILES.map((p) => p.id)]));
    const medicare = findProfile('medicare', settings.customProfiles);
    expect(medicare?.severity['modifier/kx-required']).toBe('error');
    expect(medicare?.unitMethod).toBe('cms');
  });

  test("the administrator's taught fields come before the user's on the same page", () => {
    const { settings } = applyPolicy(user(), policy);
    const page = settings.taught.find((m) => m.host === 'portal.x.com');
    expect(page?.fields.map((f) => f.selector)).toEqual(['#admin', '#mine']);
    expect(settings.taught.some((m) => m.host === 'other.example')).toBe(true);
  });

  test('allowUserSites false keeps only the policy sites', () => {
    const strict = { ...policy, allowUserSites: false };
    const { settings, locked } = applyPolicy(user(), strict);
    expect(Object.keys(settings.sites)).toEqual(['portal.x.com']);
    expect(locked).toContain('sites');
  });

  test('the empty policy changes nothing and locks nothing', () => {
    expect(applyPolicy(user(), EMPTY_POLICY)).toEqual({ settings: user(), locked: [] });
  });
});

describe('public/managed-schema.json', () => {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../public/managed-schema.json'), 'utf8'),
  );

  test('declares exactly the keys parsePolicy reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(EMPTY_POLICY).sort());
  });

  test('names every rule id, and its example policy parses without issues', () => {
    for (const id of RULE_IDS) expect(schema.properties.rules.description).toContain(id);
    const example = {
      sites: { 'ehr.clinic.example': { enabled: true, profile: 'medicare' } },
      rules: { 'modifier/kx-required': 'error' },
      allowUserSites: false,
    };
    expect(parsePolicy(example).issues).toEqual([]);
  });
});
