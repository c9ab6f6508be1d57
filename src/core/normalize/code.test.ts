import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCleanCode, normalizeCodeField } from './code';

describe('normalizeCodeField', () => {
  test.each([
    ['97535', '97535', []],
    [' 97535 ', '97535', []],
    [97110, '97110', []],
    ['97535-GO 59', '97535', ['GO', '59']],
    ['97535 go', '97535', ['GO']],
    ['97535-GP:KX', '97535', ['GP', 'KX']],
    ['97535GO', '97535', ['GO']],
    ['97535GOKX', '97535', ['GO', 'KX']],
    ['97535 (GO)', '97535', ['GO']],
    ['g0283 gp', 'G0283', ['GP']],
    ['0591T', '0591T', []],
    ['97535-GO-ZZ', '97535', ['GO', 'ZZ']],
    ['97535 GOO', '97535', ['GOO']],
    ['97110 - Therapeutic exercise', '97110', []],
    ['97535-GO Self-care/home management training', '97535', ['GO']],
    ['97535 GP KX (Self-care)', '97535', ['GP', 'KX']],
    // A spreadsheet's number format: not modifier "00".
    ['97110.00', '97110', []],
    ['97110.0', '97110', []],
  ])('%j → %s %j', (typed, code, modifiers) => {
    expect(normalizeCodeField(typed)).toEqual({ ok: true, value: { code, modifiers } });
  });

  test.each(['975350', '9753559', '97535ABCD', 'therapy', '9753', 'GG283', '97.535'])(
    '%j is not a code',
    (typed) => {
      expect(normalizeCodeField(typed)).toMatchObject({ ok: false, empty: false });
    },
  );

  test.each([null, undefined, '', '   '])('%j is empty', (typed) => {
    expect(normalizeCodeField(typed)).toMatchObject({ ok: false, empty: true });
  });

  test('objects are not codes', () => {
    expect(normalizeCodeField({ code: '97110' })).toMatchObject({ ok: false, empty: false });
  });
});

test('isCleanCode reads characters exactly as the CPT/HCPCS pattern does', () => {
  const pattern = /^(\d{4}[\dFTU]|[A-Z]\d{4})$/;
  const char = fc.constantFrom(...'0123456789AFGTUZaftu /-.\n@[`:'.split(''));
  fc.assert(
    fc.property(fc.array(char, { minLength: 0, maxLength: 7 }), (chars) => {
      const text = chars.join('');
      expect(isCleanCode(text)).toBe(pattern.test(text));
    }),
    { numRuns: 20_000 },
  );
  for (const text of ['97110', '0591T', 'G0283', '9711F', '9711U', '9711X', 'g0283', '97110\n'])
    expect(isCleanCode(text)).toBe(pattern.test(text));
});
