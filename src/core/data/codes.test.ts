import { describe, expect, test } from 'vitest';
import { isCodeShape, isTimedCode, lookupCode, THERAPY_CODES } from './codes';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

// Facts §3, list by list.
const ALWAYS_TIMED = [
  '97110',
  '97112',
  '97113',
  '97116',
  '97124',
  '97140',
  '97530',
  '97533',
  '97535',
  '97537',
  '97542',
  '97750',
  '97755',
  '97760',
  '97761',
  '97763',
  ...range(97032, 97036),
];
const SUPERVISED = ['97010', '97012', '97014', '97016', '97018', '97022', '97024', '97026', '97028'];
const UNTIMED = [...SUPERVISED, 'G0283', '97150', ...range(97161, 97168), '92507', '92508', '92526'].concat(
  range(92521, 92524),
);

describe('THERAPY_CODES', () => {
  test('holds every code of facts §3 exactly once', () => {
    const codes = THERAPY_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...ALWAYS_TIMED, ...UNTIMED, '97129', '97130'].sort());
  });

  test.each(ALWAYS_TIMED)('%s is a timed always-therapy code', (code) => {
    expect(lookupCode(code)).toMatchObject({ timed: true, therapy: 'always' });
    expect(isTimedCode(code)).toBe(true);
  });

  test.each(UNTIMED)('%s is untimed', (code) => {
    expect(lookupCode(code)?.timed).toBe(false);
    expect(isTimedCode(code)).toBe(false);
  });

  test.each([
    ...range(97161, 97164).map((c) => [c, 'PT'] as const),
    ...range(97165, 97168).map((c) => [c, 'OT'] as const),
    ...[...range(92521, 92524), '92507', '92508', '92526'].map((c) => [c, 'SLP'] as const),
  ])('%s fixes the discipline %s', (code, discipline) => {
    expect(lookupCode(code)?.discipline).toBe(discipline);
  });

  test('treatment codes any discipline may bill fix none', () => {
    expect(lookupCode('97535')?.discipline).toBeNull();
    expect(lookupCode('97110')?.discipline).toBeNull();
  });

  test('97129 is once a day and 97130 is its add-on; both timed, sometimes therapy, M-L', () => {
    expect(lookupCode('97129')).toMatchObject({ oncePerDay: true, addOnTo: null, timed: true });
    expect(lookupCode('97130')).toMatchObject({ oncePerDay: false, addOnTo: '97129', timed: true });
    for (const code of ['97129', '97130']) {
      expect(lookupCode(code)).toMatchObject({ therapy: 'sometimes', confidence: 'M-L' });
    }
  });

  test('every entry has a name, a source, a confidence and ISO validity dates', () => {
    for (const entry of THERAPY_CODES) {
      expect(entry.name.length).toBeGreaterThan(3);
      expect(entry.source).toMatch(/\S/);
      expect(['H', 'M-H', 'M', 'M-L', 'U']).toContain(entry.confidence);
      expect(entry.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (entry.validTo !== null) expect(entry.validTo > entry.validFrom).toBe(true);
    }
  });

  test('biller-facing names of the common codes', () => {
    expect(lookupCode('97110')?.name).toBe('Therapeutic exercise');
    expect(lookupCode('97535')?.name).toBe('Self-care/home management training');
  });
});

describe('lookupCode', () => {
  test('reads what people type: case and spaces', () => {
    expect(lookupCode(' g0283 ')?.code).toBe('G0283');
  });

  test('unknown codes and non-strings give null', () => {
    expect(lookupCode('99213')).toBeNull();
    expect(lookupCode('')).toBeNull();
    expect(lookupCode(97110)).toBeNull();
    expect(lookupCode(undefined)).toBeNull();
  });

  test('applies validity dates when a date of service is given', () => {
    expect(lookupCode('97129', '2019-12-31')).toBeNull();
    expect(lookupCode('97129', '2020-01-01')?.code).toBe('97129');
    expect(lookupCode('97161', '2016-12-31')).toBeNull();
    expect(lookupCode('97161', '2026-03-04')?.code).toBe('97161');
    expect(lookupCode('97110', '2001-01-01')?.code).toBe('97110');
  });

  test('an unreadable date does not hide the code', () => {
    expect(lookupCode('97129', 'yesterday')?.code).toBe('97129');
    expect(lookupCode('97129', null)?.code).toBe('97129');
  });
});

describe('isCodeShape', () => {
  test.each(['97110', '0001U', '1234F', '0591T', 'G0283', 'g0283', ' 97535 '])(
    '%s is code-shaped',
    (code) => {
      expect(isCodeShape(code)).toBe(true);
    },
  );

  test.each(['9711', '971100', '9711X', 'GG283', '97535-GO', 'I69.351', '', 97110, null])(
    '%s is not code-shaped',
    (code) => {
      expect(isCodeShape(code)).toBe(false);
    },
  );
});
