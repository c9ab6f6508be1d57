import { isPlainObject } from './issues';
import { SCHEMA_VERSION } from './schema';

/**
 * Storage versioning. Every stored or exported settings object carries `schemaVersion`; a
 * migration turns version N into N + 1. Version 1 is the first release's shape, so the list
 * is empty today; the runner and its tests are in place so the first change of shape ships
 * with its migration instead of a reset.
 */
export interface Migration {
  /** The version this migration reads; it produces `from + 1`. */
  from: number;
  /** Why the shape changed, for the changelog and the tests. */
  why: string;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export interface MigrationResult {
  data: unknown;
  /** The version read from storage (settings stored without one count as version 1). */
  from: number;
  /** Set when the stored data is newer than this build understands (an older extension after a downgrade). */
  newer: boolean;
  notes: string[];
}

export function migrate(
  input: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = SCHEMA_VERSION,
): MigrationResult {
  if (!isPlainObject(input)) return { data: input, from: current, newer: false, notes: [] };
  const raw = input.schemaVersion;
  const from = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const notes: string[] = [];
  if (raw !== undefined && from !== raw)
    notes.push(`schemaVersion: not a version (${String(raw)}), read as 1`);
  if (from > current) {
    // Keep what this build understands; repair() drops the rest in memory only, and nothing
    // is written back unless the user saves.
    notes.push(`schemaVersion: ${from} is newer than this version of Charge Guard (${current})`);
    return { data: input, from, newer: true, notes };
  }
  let data: Record<string, unknown> = { ...input };
  for (let version = from; version < current; version++) {
    const step = migrations.find((m) => m.from === version);
    try {
      if (!step) throw new Error('missing');
      data = step.up(structuredClone(data));
    } catch (error) {
      // A migration that cannot read the data leaves it to field-by-field repair.
      notes.push(`migration from version ${version} failed: ${(error as Error).message}`);
    }
    data.schemaVersion = version + 1;
  }
  return { data: { ...data, schemaVersion: current }, from, newer: false, notes };
}
