import { describe, expect, test } from 'vitest';
import { PayerProfileSchema } from '../core';
import { BUILT_IN_PROFILES } from '../core/profile';
import { repairSettings } from './repair';
import { defaultSettings, OVERRIDE_LOG_MAX } from './schema';

const paths = (input: unknown) => repairSettings(input).issues.map((i) => i.path);

describe('repairSettings', () => {
  test('defaults validate with no issues, and a missing store is the defaults silently', () => {
    expect(repairSettings(defaultSettings())).toEqual({ settings: defaultSettings(), issues: [] });
    expect(repairSettings(undefined)).toEqual({ settings: defaultSettings(), issues: [] });
  });

  test('a non-object store falls back to defaults and says so', () => {
    const { settings, issues } = repairSettings('garbage');
    expect(settings).toEqual(defaultSettings());
    expect(issues).toHaveLength(1);
  });

  test('one bad field is repaired alone; the rest is kept', () => {
    const input = {
      ...defaultSettings(),
      unitMethod: 'midpoint',
      sites: { 'portal.x.com': { enabled: true, profile: 'commercial' } },
    };
    const { settings, issues } = repairSettings(input);
    expect(settings.unitMethod).toBe('cms');
    expect(settings.sites['portal.x.com']).toEqual({ enabled: true, profile: 'commercial' });
    expect(issues.map((i) => i.path)).toEqual(['unitMethod']);
  });

  test('an unknown profile on a site resets that site to auto-detect, with the path named', () => {
    const { settings, issues } = repairSettings({
      sites: { 'portal.x.com': { enabled: true, profile: 'foo' } },
    });
    expect(settings.sites['portal.x.com']).toEqual({ enabled: true, profile: null });
    expect(issues).toEqual([{ path: 'sites["portal.x.com"].profile', problem: 'unknown profile "foo"' }]);
  });

  test('a site naming a custom profile is kept', () => {
    const { settings, issues } = repairSettings({
      customProfiles: [{ id: 'bcbs', name: 'BCBS', basedOn: 'commercial' }],
      sites: { 'Portal.X.com': { enabled: true, profile: 'bcbs' } },
    });
    expect(issues).toEqual([]);
    expect(settings.sites['portal.x.com']?.profile).toBe('bcbs');
  });

  test('a custom profile fills what it lacks from the built-in it was cloned from', () => {
    const { settings } = repairSettings({
      customProfiles: [{ id: 'bcbs', name: 'BCBS', basedOn: 'commercial' }],
    });
    const commercial = BUILT_IN_PROFILES.find((p) => p.id === 'commercial')!;
    const [bcbs] = settings.customProfiles;
    expect(bcbs?.builtIn).toBe(false);
    expect(bcbs?.unitMethod).toBe(commercial.unitMethod);
    expect(bcbs?.requiredModifiers).toEqual(commercial.requiredModifiers);
    expect(bcbs?.kxApplies).toBe(commercial.kxApplies);
    // What the core's own schema accepts, so checkClaim can take it as is.
    expect(PayerProfileSchema.safeParse(bcbs).success).toBe(true);
  });

  test('custom profiles are repaired rule by rule; a profile without identity is dropped', () => {
    const { settings, issues } = repairSettings({
      customProfiles: [
        {
          id: 'clinic',
          name: 'Clinic',
          basedOn: 'medicare',
          unitMethod: 'weird',
          severity: { 'units/invalid': 'warning', 'no/such-rule': 'off', 'dx/avoid': 'fatal' },
          requiredModifiers: { discipline: 'yes', telehealth95: true },
        },
        { id: 'Bad Id!', name: 'x', basedOn: 'medicare' },
        { id: 'other', basedOn: 'nowhere' },
        { id: 'medicare', basedOn: 'medicare' },
      ],
    });
    expect(settings.customProfiles).toHaveLength(1);
    expect(settings.customProfiles[0]).toMatchObject({
      id: 'clinic',
      unitMethod: 'cms',
      severity: { 'units/invalid': 'warning' },
      requiredModifiers: { discipline: true, telehealth95: true },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'customProfiles[0].severity["no/such-rule"]',
      'customProfiles[0].severity["dx/avoid"]',
      'customProfiles[0].requiredModifiers.discipline',
      'customProfiles[0].unitMethod',
      'customProfiles[1].id',
      'customProfiles[2].basedOn',
      'customProfiles[3].id',
    ]);
  });

  test('taught mappings keep their good fields and drop bad ones', () => {
    const { settings, issues } = repairSettings({
      taught: [
        {
          host: 'portal.x.com',
          pathPattern: '/charges/*',
          fields: [
            { role: 'units', selector: '#u1', line: 0 },
            { role: 'flavour', selector: '#x' },
          ],
        },
        { host: 'portal.x.com', pathPattern: 'no-slash', fields: [] },
      ],
    });
    expect(settings.taught).toEqual([
      {
        host: 'portal.x.com',
        pathPattern: '/charges/*',
        fields: [{ role: 'units', selector: '#u1', line: 0 }],
      },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['taught[0].fields[1].role', 'taught[1].pathPattern']);
  });

  test('edit tables drop bad rows, counted in one issue', () => {
    const table = {
      version: '2026 Q1',
      fileName: 'ptp.txt',
      loadedAt: '2026-01-05T10:00:00.000Z',
      rowsRead: 3,
      pairs: [
        { column1: '97140', column2: '97530', modifierIndicator: 1, effective: '2020-01-01', deleted: null },
        { column1: '97140', column2: '97530', modifierIndicator: 7, effective: '2020-01-01', deleted: null },
      ],
    };
    const { settings, issues } = repairSettings({ tables: { ncci: table, mue: 'x' } });
    expect(settings.tables.ncci?.pairs).toHaveLength(1);
    expect(settings.tables.mue).toBeNull();
    expect(issues.map((i) => i.path)).toEqual(['tables.ncci.pairs', 'tables.mue']);
  });

  test('the override log drops bad entries and keeps the newest', () => {
    const entry = (n: number) => ({ rule: 'units/excessive', site: 'a.com', time: `t${n}`, reason: 'ok' });
    const many = Array.from({ length: OVERRIDE_LOG_MAX + 5 }, (_, n) => entry(n));
    const { settings } = repairSettings({ overrides: [...many, { rule: 5 }] });
    expect(settings.overrides).toHaveLength(OVERRIDE_LOG_MAX);
    expect(settings.overrides.at(-1)?.time).toBe(`t${OVERRIDE_LOG_MAX + 4}`);
    expect(paths({ overrides: [{ rule: 5 }] })).toEqual(['overrides']);
  });
});
