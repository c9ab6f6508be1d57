import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import {
  BUILT_IN_PROFILES,
  billsLikeMedicare,
  detectPayerFromText,
  findProfile,
  type PayerProfile,
  resolveProfile,
} from '../../../src/core/profile';
import { PayerProfileSchema } from '../../../src/core/profile-schema';

describe('built-in profiles', () => {
  test.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))(
    '%s is a valid profile with reasons',
    (_id, p) => {
      expect(PayerProfileSchema.safeParse(p).success).toBe(true);
      expect(p.builtIn).toBe(true);
      expect(p.rationale?.length).toBeGreaterThanOrEqual(3);
    },
  );

  test('the choices the payers make', () => {
    const [medicare, ma, medicaid, commercial] = [
      'medicare',
      'medicare-advantage',
      'medicaid',
      'commercial',
    ].map((id) => resolveProfile(id)) as [PayerProfile, PayerProfile, PayerProfile, PayerProfile];
    expect(medicare).toMatchObject({
      unitMethod: 'cms',
      kxApplies: true,
      requiredModifiers: { discipline: true, telehealth95: false },
    });
    expect(ma).toMatchObject({ unitMethod: 'cms', severity: { 'modifier/kx-required': 'info' } });
    expect(medicaid).toMatchObject({ kxApplies: false, severity: { 'units/excessive': 'error' } });
    expect(commercial).toMatchObject({
      unitMethod: 'ama',
      kxApplies: false,
      requiredModifiers: { telehealth95: true },
    });
  });
});

describe('detectPayerFromText', () => {
  test.each([
    ['Medicare Part B', 'medicare'],
    ['MEDICARE', 'medicare'],
    ['Part B', 'medicare'],
    ['Medicare Advantage', 'medicare-advantage'],
    ['Humana Gold Plus HMO', 'medicare-advantage'],
    ['UnitedHealthcare Medicare', 'medicare-advantage'],
    ['AARP Medicare Advantage from UHC', 'medicare-advantage'],
    ['Aetna Medicare Premier', 'medicare-advantage'],
    ['WellCare Medicare Value', 'medicare-advantage'],
    ['Medicaid', 'medicaid'],
    ['Medi-Cal', 'medicaid'],
    ['MassHealth Standard', 'medicaid'],
    ['Aetna', 'commercial'],
    ['Blue Cross Blue Shield of Texas', 'commercial'],
    ['Cigna', 'commercial'],
    ['UnitedHealthcare', 'commercial'],
  ])('%s → %s', (text, id) => {
    expect(detectPayerFromText(text)).toBe(id);
  });

  test.each([[''], ['Self pay'], ['Workers comp'], ['Partbridge Clinic'], ['Humana'], ['WellCare']])(
    '%j → null',
    (text) => {
      expect(detectPayerFromText(text)).toBeNull();
    },
  );
});

describe('resolveProfile', () => {
  const mine: PayerProfile = {
    ...resolveProfile('commercial'),
    id: 'acme-ppo',
    name: 'Acme PPO',
    builtIn: false,
  };

  test('by id, by name, by payer text, custom first', () => {
    expect(resolveProfile('medicaid').id).toBe('medicaid');
    expect(resolveProfile('Medicare Part B').id).toBe('medicare');
    expect(resolveProfile('Humana Gold Plus').id).toBe('medicare-advantage');
    expect(resolveProfile('acme-ppo', [mine])).toBe(mine);
    expect(resolveProfile('ACME PPO', [mine])).toBe(mine);
  });

  test('falls back to Medicare; findProfile says null instead', () => {
    expect(resolveProfile('Self pay').id).toBe('medicare');
    expect(resolveProfile(null).id).toBe('medicare');
    expect(findProfile('Self pay')).toBeNull();
  });
});

describe('billsLikeMedicare', () => {
  test.each([
    ['medicare', true],
    ['medicare-advantage', true],
    ['medicaid', false],
    ['commercial', false],
  ])('%s → %s', (id, expected) => {
    expect(billsLikeMedicare(resolveProfile(id))).toBe(expected);
  });

  test.each([
    ['medicare', true],
    ['commercial', false],
  ])('a custom profile based on %s → %s', (basedOn, expected) => {
    const custom = { ...resolveProfile('commercial'), id: 'mine', name: 'Mine', builtIn: false, basedOn };
    expect(billsLikeMedicare(custom)).toBe(expected);
  });
});

/**
 * Facts §3: Medicare returns a therapy line without GP/GO/GN; other payers only mostly ask for
 * one. The one wording test here guards that a commercial finding does not claim Medicare's
 * consequence (audit issue 2, defect 8).
 */
describe('discipline-missing says whose rule it is', () => {
  test.each([
    ['medicare', true],
    ['medicare-advantage', true],
    ['medicaid', false],
    ['commercial', false],
  ])('%s: "returns the line unpaid" %s', (payer, saysUnpaid) => {
    const findings = checkClaim({
      payer,
      discipline: 'PT',
      dateOfService: '2025-06-02',
      diagnoses: ['M17.11'],
      lines: [{ code: '97110', units: 1, minutes: 15, dxPointers: ['A'] }],
    }).filter((f) => f.rule === 'modifier/discipline-missing');
    expect(findings).toHaveLength(1);
    expect(/returns the line unpaid/.test(findings[0]!.message)).toBe(saysUnpaid);
  });
});
