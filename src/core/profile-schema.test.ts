import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from './finding';
import { BUILT_IN_PROFILES, isPayerProfile, SEVERITY_SETTINGS } from './profile';
import { PayerProfileSchema } from './profile-schema';

const anyOf = <T>(...values: T[]) => fc.constantFrom(...values);
const text = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 60, maxLength: 130 }),
  fc.constant(''),
);
const nearProfile = fc.record(
  {
    id: fc.oneof(text, fc.integer()),
    name: fc.oneof(text, fc.constant(null)),
    builtIn: fc.oneof(fc.boolean(), fc.constant('true')),
    unitMethod: anyOf('cms', 'ama', 'CMS', undefined),
    severity: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('check/skipped', 'bogus', '__proto__')),
        fc.oneof(fc.constantFrom(...SEVERITY_SETTINGS), fc.constant('loud'), fc.constant(undefined)),
        { maxKeys: 3 },
      ),
      fc.constant([]),
      fc.constant(null),
    ),
    requiredModifiers: fc.oneof(
      fc.record(
        { discipline: fc.boolean(), telehealth95: fc.oneof(fc.boolean(), fc.constant(1)) },
        {
          requiredKeys: ['discipline'],
        },
      ),
      fc.constant(null),
    ),
    kxApplies: fc.oneof(fc.boolean(), fc.constant(0)),
    rationale: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }), fc.constant(null)),
    extra: fc.anything(),
  },
  { requiredKeys: ['id', 'name', 'builtIn', 'unitMethod', 'severity', 'requiredModifiers', 'kxApplies'] },
);

describe('isPayerProfile (zod-free, for the content script)', () => {
  test('accepts exactly what PayerProfileSchema accepts', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(nearProfile, nearProfile, nearProfile, fc.anything()), (input) => {
        expect(isPayerProfile(input)).toBe(PayerProfileSchema.safeParse(input).success);
      }),
      { numRuns: 1000 },
    );
  });

  test('accepts the built-ins and a user copy; refuses a misspelt rule id', () => {
    for (const p of BUILT_IN_PROFILES) expect(isPayerProfile(p)).toBe(true);
    const copy = { ...BUILT_IN_PROFILES[0]!, id: 'bcbs', builtIn: false, severity: { 'dx/avoid': 'off' } };
    expect(isPayerProfile(copy)).toBe(true);
    expect(isPayerProfile({ ...copy, severity: { 'dx/avoids': 'off' } })).toBe(false);
    expect(isPayerProfile({ ...copy, rationale: null })).toBe(false);
    // A severity left undefined is no severity to zod's partialRecord (fast-check found it once in 1,000 runs).
    const unset = { ...copy, severity: { 'units/invalid': undefined } };
    expect(PayerProfileSchema.safeParse(unset).success).toBe(false);
    expect(isPayerProfile(unset)).toBe(false);
  });
});
