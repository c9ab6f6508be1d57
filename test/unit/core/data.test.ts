import { describe, expect, test } from 'vitest';
import type { Sourced } from '../../../src/core/data/dated';
import { DX_BILLABLE_PERIODS, DX_POLICIES, isIcd10Shape } from '../../../src/core/data/dx';
import { KX_THRESHOLDS, kxThresholdFor, REVIEW_THRESHOLD } from '../../../src/core/data/kx';
import { isModifierShape, MODIFIER_CONFLICTS } from '../../../src/core/data/modifiers';
import { MUE } from '../../../src/core/data/mue';
import { NCCI_NON_PAIRS, NCCI_PAIRS } from '../../../src/core/data/ncci';
import { MEDICARE_THERAPY_TELEHEALTH, TELEHEALTH_POS } from '../../../src/core/data/telehealth';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const dated: [string, Sourced][] = [
  ...KX_THRESHOLDS.map((t) => [`KX ${t.year}`, t] as [string, Sourced]),
  ['review threshold', REVIEW_THRESHOLD],
  ...DX_BILLABLE_PERIODS.map((p) => [`dx period ${p.code}`, p] as [string, Sourced]),
  ...DX_POLICIES.map((p) => [`dx policy ${p.code}`, p] as [string, Sourced]),
  ...TELEHEALTH_POS.map((p) => [`POS ${p.pos}`, p] as [string, Sourced]),
  ...MODIFIER_CONFLICTS.map((c) => [`conflict ${c.a}+${c.b}`, c] as [string, Sourced]),
  ['Medicare therapy telehealth', MEDICARE_THERAPY_TELEHEALTH],
];

describe('every dated fact has a source, a confidence and ISO dates in order', () => {
  test.each(dated)('%s', (_name, fact) => {
    expect(fact.source.length).toBeGreaterThan(8);
    expect(['H', 'M-H', 'M', 'M-L', 'U']).toContain(fact.confidence);
    expect(fact.validFrom).toMatch(ISO);
    if (fact.validTo !== null) {
      expect(fact.validTo).toMatch(ISO);
      expect(fact.validTo > fact.validFrom).toBe(true);
    }
  });
});

test('KX thresholds by year (facts §5), one per calendar year', () => {
  expect(KX_THRESHOLDS.map((t) => [t.year, t.amount])).toEqual([
    [2022, 2150],
    [2023, 2230],
    [2024, 2330],
    [2025, 2410],
    [2026, 2480],
  ]);
  expect(kxThresholdFor('2025-12-31')?.amount).toBe(2410);
  expect(kxThresholdFor('2026-01-01')?.amount).toBe(2480);
  expect(kxThresholdFor('2021-06-01')).toBeNull();
  expect(REVIEW_THRESHOLD.amount).toBe(3000);
});

test('NCCI: documented pairs and non-pairs, each with a source; pairs never appear as non-pairs', () => {
  expect(NCCI_PAIRS.find((p) => p.column1 === '97140' && p.column2 === '97530')).toMatchObject({
    modifierIndicator: 1,
    confidence: 'H',
  });
  for (const p of NCCI_PAIRS) expect(p.source.length).toBeGreaterThan(8);
  const nonPairs = new Set(NCCI_NON_PAIRS.flatMap(({ codes: [a, b] }) => [`${a}|${b}`, `${b}|${a}`]));
  for (const p of NCCI_PAIRS) expect(nonPairs.has(`${p.column1}|${p.column2}`)).toBe(false);
});

test('MUE: 97535 is 8 a day (facts §7)', () => {
  expect(MUE.find((m) => m.code === '97535')?.maxUnits).toBe(8);
  for (const m of MUE) expect(m.source.length).toBeGreaterThan(8);
});

test.each([
  ['I69.351', true],
  ['M54.50', true],
  ['G35', true],
  ['G35.B0', true],
  ['S72.001D', true],
  ['M5450', false],
  ['1234', false],
  ['I69.35123', false],
  ['', false],
])('ICD-10-CM shape %j → %s', (code, ok) => {
  expect(isIcd10Shape(code)).toBe(ok);
});

test.each([
  ['GP', true],
  ['59', true],
  ['XU', true],
  ['G', false],
  ['GOO', false],
  ['G-', false],
])('modifier shape %j → %s', (token, ok) => {
  expect(isModifierShape(token)).toBe(ok);
});
