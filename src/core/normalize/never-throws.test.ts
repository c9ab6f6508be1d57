import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as normalize from './index';

// Every normaliser is called with whatever a page or a JSON file may hold, and must answer.
const NORMALISERS: [string, (input: unknown) => normalize.Read<unknown>][] = [
  ['normalizeCodeField', normalize.normalizeCodeField],
  ['normalizeModifiers', normalize.normalizeModifiers],
  ['normalizeDiagnosis', normalize.normalizeDiagnosis],
  ['normalizeDxPointers', (input) => normalize.normalizeDxPointers(input, ['I69.351', null])],
  ['normalizeUnits', normalize.normalizeUnits],
  ['normalizeMinutes', normalize.normalizeMinutes],
  ['normalizeMoney', normalize.normalizeMoney],
  ['normalizeDate', normalize.normalizeDate],
  ['normalizePlaceOfService', normalize.normalizePlaceOfService],
  ['normalizeDiscipline', normalize.normalizeDiscipline],
  ['normalizeRenderedBy', normalize.normalizeRenderedBy],
  ['normalizePayer', normalize.normalizePayer],
];

// Text that looks like what billers type, so the interesting branches are reached.
const fieldLike = fc.stringMatching(/^[ 0-9A-La-z.,:;$\-/()x]{0,14}$/);

describe.each(NORMALISERS)('%s', (_, read) => {
  // Room for a shared, often loaded machine.
  test('never throws and always answers ok with a value or a reason', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fieldLike, fc.array(fieldLike)), (input) => {
        const result = read(input);
        if (result.ok) expect(result).toHaveProperty('value');
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
