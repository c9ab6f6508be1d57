import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isIcd10Shape } from './dx';

/** The pattern isIcd10Shape reads by character. */
const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

test('isIcd10Shape: the same answer as the ICD-10-CM shape regex, for near-codes and any text', () => {
  for (const code of [
    'M54.50',
    'I69.351',
    'Z74.09',
    'M62',
    'M54.',
    'm54.50',
    'M5A.1',
    'MM4.1',
    'M54.12345',
    'M54\n',
  ])
    expect(isIcd10Shape(code)).toBe(ICD10_SHAPE.test(code));
  // Near-codes: characters drawn from the ones the shape cares about, so both answers occur often.
  const near = fc
    .array(fc.constantFrom('A', 'M', 'Z', 'a', '0', '5', '9', '.', ' ', '-', '\n', 'É'), { maxLength: 10 })
    .map((chars) => chars.join(''));
  // Codes built the way the shape reads them, one part at times out of place or too long.
  const part = (chars: string, min: number, max: number) =>
    fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((c) => c.join(''));
  const shaped = fc
    .tuple(
      part('AMZa5', 1, 1),
      part('05M', 1, 1),
      part('09AZ.', 1, 1),
      fc.constantFrom('', '.', '-'),
      part('09AZa.', 0, 5),
    )
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(shaped, near, fc.string({ maxLength: 10 })), (code) => {
      expect(isIcd10Shape(code)).toBe(ICD10_SHAPE.test(code));
    }),
    { numRuns: 5000 },
  );
});
