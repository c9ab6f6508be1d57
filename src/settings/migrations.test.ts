import { describe, expect, test } from 'vitest';
import { MIGRATIONS, type Migration, migrate } from './migrations';
import { repairSettings } from './repair';
import { SCHEMA_VERSION } from './schema';
import v1 from './testdata/settings-v1.json';

describe('migrate', () => {
  test('every version before the current one has exactly one migration', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS.filter((m) => m.from === v)).toHaveLength(1);
    expect(MIGRATIONS.every((m) => m.from >= 1 && m.from < SCHEMA_VERSION)).toBe(true);
  });

  test('the frozen v1 shape (first release) loads with nothing repaired', () => {
    const { data, from } = migrate(v1);
    expect(from).toBe(1);
    const { settings, issues } = repairSettings(data);
    expect(issues).toEqual([]);
    expect(settings.sites['portal.example-ehr.com']).toEqual({ enabled: true, profile: 'clinic-bcbs' });
    expect(settings.taught[0]?.fields).toHaveLength(2);
    expect(settings.tables.ncci?.pairs[0]?.column2).toBe('97530');
  });

  test('settings stored without a version are read as version 1', () => {
    const { data, from } = migrate({ unitMethod: 'ama' });
    expect(from).toBe(1);
    expect(data).toEqual({ unitMethod: 'ama', schemaVersion: SCHEMA_VERSION });
  });

  test('migrations run in order, each on the previous one output', () => {
    const steps: Migration[] = [
      { from: 1, why: 'rename', up: (d) => ({ ...d, method: d.unitMethod, unitMethod: undefined }) },
      { from: 2, why: 'upper', up: (d) => ({ ...d, method: String(d.method).toUpperCase() }) },
    ];
    const { data, from } = migrate({ schemaVersion: 1, unitMethod: 'ama' }, steps, 3);
    expect(from).toBe(1);
    expect(data).toMatchObject({ schemaVersion: 3, method: 'AMA' });
    expect(migrate({ schemaVersion: 2, method: 'cms' }, steps, 3).data).toMatchObject({ method: 'CMS' });
  });

  test('a migration that throws leaves the data to repair and says so', () => {
    const steps: Migration[] = [
      {
        from: 1,
        why: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    const result = migrate({ schemaVersion: 1, unitMethod: 'ama' }, steps, 2);
    expect(result.data).toMatchObject({ schemaVersion: 2, unitMethod: 'ama' });
    expect(result.notes).toHaveLength(1);
  });

  test('data from a newer version is flagged and not migrated', () => {
    const result = migrate({ schemaVersion: SCHEMA_VERSION + 1, unitMethod: 'ama' });
    expect(result.newer).toBe(true);
    expect(result.data).toMatchObject({ unitMethod: 'ama' });
  });
});
