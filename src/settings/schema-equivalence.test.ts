import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../core/finding';
import { FIELD_ROLES } from '../page/types';
import {
  type Check,
  mueRow,
  ncciRow,
  overrideEntry,
  pathPattern,
  profileId,
  ruleId,
  ruleSetting,
  siteKey,
  taughtField,
  unitMethod,
} from './checks';
import {
  CustomProfileSchema,
  MueRowSchema,
  NcciRowSchema,
  OverrideEntrySchema,
  RuleIdSchema,
  RuleSettingSchema,
  TaughtFieldSchema,
  TaughtMappingSchema,
  UnitMethodSchema,
} from './zod-schema';

/** Values near the edges: valid ones, almost-valid ones, and junk. */
const word = fc.oneof(
  fc.constantFrom(
    '',
    'cms',
    'ama',
    'error',
    'off',
    'warning',
    'x',
    '97140',
    '9714',
    'G0283',
    'g0283',
    '0001U',
  ),
  fc.constantFrom(
    '2026-01-01',
    '20260101',
    '/c/*',
    'c/*',
    'portal.x.com',
    '*.x.com',
    'Bad Host',
    'a-b',
    '-a',
  ),
  fc.constantFrom(...RULE_IDS, ...FIELD_ROLES, 'made/up'),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 195, maxLength: 260 }),
);
const scalar = fc.oneof(
  word,
  fc.integer({ min: -3, max: 300 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const field = (keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, scalar])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, unknown>
  >;

function same<T>(
  name: string,
  check: Check<T>,
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
  values: fc.Arbitrary<unknown>,
) {
  test(`${name}: the plain check and the zod schema accept the same values`, () => {
    fc.assert(
      fc.property(values, (value) => {
        const plain = check(value);
        const zod = schema.safeParse(value);
        expect(plain.ok).toBe(zod.success);
        if (plain.ok) expect(plain.value).toEqual(zod.data);
      }),
      { numRuns: 400 },
    );
  });
}

describe('checks.ts and zod-schema.ts agree', () => {
  same('unitMethod', unitMethod, UnitMethodSchema, scalar);
  same('ruleId', ruleId, RuleIdSchema, scalar);
  same('ruleSetting', ruleSetting, RuleSettingSchema, scalar);
  same('profileId', profileId, CustomProfileSchema.shape.id, scalar);
  same('siteKey', siteKey, TaughtMappingSchema.shape.host, scalar);
  same('pathPattern', pathPattern, TaughtMappingSchema.shape.pathPattern, scalar);
  same(
    'taughtField',
    taughtField,
    TaughtFieldSchema,
    fc.oneof(scalar, field(['role', 'selector', 'line', 'label', 'extra'])),
  );
  same(
    'ncciRow',
    ncciRow,
    NcciRowSchema,
    fc.oneof(
      field(['column1', 'column2', 'modifierIndicator', 'effective', 'deleted']),
      fc.record({
        column1: fc.constantFrom('97140', '9714x'),
        column2: fc.constantFrom('97530', 'G0283'),
        modifierIndicator: fc.constantFrom(0, 1, 2, 9, '1'),
        effective: fc.constantFrom('2020-01-01', '20200101'),
        deleted: fc.constantFrom(null, '2021-01-01', '*'),
      }),
    ),
  );
  same(
    'mueRow',
    mueRow,
    MueRowSchema,
    fc.oneof(
      field(['code', 'maxUnits', 'adjudication']),
      fc.record(
        {
          code: fc.constantFrom('97535', 'x'),
          maxUnits: fc.constantFrom(0, 8, -1, 2.5, '8'),
          adjudication: fc.constantFrom(1, 2, 3, 4, undefined),
        },
        { requiredKeys: ['code', 'maxUnits'] },
      ),
    ),
  );
  same(
    'overrideEntry',
    overrideEntry,
    OverrideEntrySchema,
    fc.oneof(scalar, field(['rule', 'site', 'time', 'reason'])),
  );
});
