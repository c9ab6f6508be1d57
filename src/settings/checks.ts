import { RULE_IDS, type RuleId } from '../core/finding';
import { SEVERITY_SETTINGS } from '../core/profile';
import { FIELD_ROLES, type FieldRole } from '../page/types';
import { isPlainObject, shortJson } from './issues';
import {
  BUILT_IN_PROFILE_IDS,
  type BuiltInProfileId,
  ISO_DATE,
  LIMITS,
  type MueRow,
  type NcciRow,
  OVERRIDE_REASON_MAX,
  type OverrideEntry,
  PROCEDURE_CODE,
  PROFILE_ID,
  type RuleSetting,
  SITE_KEY,
  type StoredTaughtField,
  type UnitMethod,
} from './schema';

/**
 * Plain validators for stored settings, without zod (the content script's size budget). Each
 * returns the clean value (unknown keys dropped) or the problem and the path below the value
 * where it is. zod-schema.ts states the same rules; schema-equivalence.test.ts holds them equal.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; path: PropertyKey[]; problem: string };
export type Check<T> = (value: unknown) => Checked<T>;

const good = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (problem: string, path: PropertyKey[] = []): Checked<never> => ({ ok: false, path, problem });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${shortJson(value)}`;
}

export const bool: Check<boolean> = (v) =>
  typeof v === 'boolean' ? good(v) : bad(`expected boolean, got ${describe(v)}`);

export function oneOf<T extends string | number>(values: readonly T[]): Check<T> {
  return (v) =>
    (values as readonly unknown[]).includes(v)
      ? good(v as T)
      : bad(`expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${shortJson(v)}`);
}

export function text(options: { min?: number; max?: number; pattern?: RegExp } = {}): Check<string> {
  return (v) => {
    if (typeof v !== 'string') return bad(`expected string, got ${describe(v)}`);
    if (options.min !== undefined && v.length < options.min)
      return bad(`too short (at least ${options.min})`);
    if (options.max !== undefined && v.length > options.max) return bad(`too long (at most ${options.max})`);
    if (options.pattern && !options.pattern.test(v)) return bad(`not a valid value: ${shortJson(v)}`);
    return good(v);
  };
}

export function int(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (v) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      return bad(`expected a whole number, got ${describe(v)}`);
    if (v < min) return bad(`must be at least ${min}`);
    if (v > max) return bad(`must be at most ${max}`);
    return good(v);
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null ? good(null) : check(v));
}

type Fields<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object with exactly these fields (optional ones may be absent); other keys are dropped. */
export function object<T>(fields: Fields<T>, optional: readonly (keyof T)[] = []): Check<T> {
  return (v) => {
    if (!isPlainObject(v)) return bad(`expected an object, got ${describe(v)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      if (v[key] === undefined && optional.includes(key)) continue;
      const result = (fields[key] as Check<unknown>)(v[key]);
      if (!result.ok) return bad(result.problem, [key, ...result.path]);
      out[key] = result.value;
    }
    return good(out as T);
  };
}

export const unitMethod: Check<UnitMethod> = oneOf(['cms', 'ama'] as const);
export const ruleId: Check<RuleId> = oneOf(RULE_IDS);
export const ruleSetting: Check<RuleSetting> = oneOf(SEVERITY_SETTINGS);
export const builtInProfileId: Check<BuiltInProfileId> = oneOf(BUILT_IN_PROFILE_IDS);
export const profileId = text({ pattern: PROFILE_ID });
export const profileName = text({ min: 1, max: LIMITS.profileName });
export const siteKey = text({ pattern: SITE_KEY });
export const pathPattern = text({ max: LIMITS.pathPattern, pattern: /^\// });
export const fieldRole: Check<FieldRole> = oneOf(FIELD_ROLES);

export const taughtField: Check<StoredTaughtField> = object<StoredTaughtField>(
  {
    role: fieldRole,
    selector: text({ min: 1, max: LIMITS.selector }),
    line: int(0, LIMITS.maxLine) as Check<number | undefined>,
    label: text({ max: LIMITS.label }) as Check<string | undefined>,
  },
  ['line', 'label'],
);

const code = text({ pattern: PROCEDURE_CODE });
const isoDate = text({ pattern: ISO_DATE });

export const ncciRow: Check<NcciRow> = object<NcciRow>({
  column1: code,
  column2: code,
  modifierIndicator: oneOf([0, 1, 9] as const),
  effective: isoDate,
  deleted: nullable(isoDate),
});

export const mueRow: Check<MueRow> = object<MueRow>(
  { code, maxUnits: int(0), adjudication: oneOf([1, 2, 3] as const) as Check<1 | 2 | 3 | undefined> },
  ['adjudication'],
);

export const tableMeta = object({
  version: text({ min: 1, max: LIMITS.tableVersion }),
  fileName: text({ max: LIMITS.fileName }),
  loadedAt: text(),
  rowsRead: int(0),
});

export const overrideEntry: Check<OverrideEntry> = object<OverrideEntry>({
  rule: text({ min: 1, max: LIMITS.ruleId }),
  site: text({ max: LIMITS.site }),
  time: text(),
  reason: text({ max: OVERRIDE_REASON_MAX }),
});

export const rationale: Check<string[]> = (v) => {
  if (!Array.isArray(v)) return bad(`expected a list, got ${describe(v)}`);
  const i = v.findIndex((line) => typeof line !== 'string');
  return i < 0 ? good(v as string[]) : bad(`expected string, got ${describe(v[i])}`, [i]);
};
