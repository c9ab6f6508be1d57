import { isPlainObject } from './issues';
import { migrate } from './migrations';
import { repairSettings } from './repair';
import type { Settings } from './schema';
import { writeUserSettings } from './store';

/**
 * Import/export of all the user's settings as one JSON file. Import is strict: the file is
 * migrated and checked with the same field-by-field pass as a load, and any issue rejects
 * the whole file with every problem named, so a rejected import changes nothing.
 */
export const EXPORT_FORMAT = 'charge-guard-settings';

export function exportSettings(user: Settings, now = new Date()): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now.toISOString(), ...user }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`file: not JSON (${(error as Error).message})`] };
  }
  if (!isPlainObject(data)) return { ok: false, errors: ['file: expected a settings object'] };
  const { format, exportedAt: _exportedAt, ...rest } = data;
  if (format !== undefined && format !== EXPORT_FORMAT)
    return { ok: false, errors: [`format: expected "${EXPORT_FORMAT}", got ${JSON.stringify(format)}`] };
  const migrated = migrate(rest);
  if (migrated.newer)
    return { ok: false, errors: ['schemaVersion: made by a newer version of Charge Guard; update it first'] };
  const { settings, issues } = repairSettings(migrated.data);
  const errors = [...migrated.notes, ...issues.map((i) => `${i.path}: ${i.problem}`)];
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}

/** Replaces the user's settings with the file's, or changes nothing and says why. */
export async function importSettings(text: string): Promise<ImportResult> {
  const result = parseImport(text);
  if (result.ok) await writeUserSettings(result.settings);
  return result;
}
