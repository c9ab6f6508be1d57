import fc from 'fast-check';
import { expect, test } from 'vitest';
import { KX_THRESHOLDS, kxThresholdFor } from './kx';

/** The straightforward lookup kxThresholdFor remembers its last answer of. */
function thresholdReference(dos: string) {
  return KX_THRESHOLDS.find((t) => t.year === Number(dos.slice(0, 4))) ?? null;
}

test('kxThresholdFor: the same answer as a plain lookup, for repeated and changing dates alike', () => {
  const date = fc.oneof(
    fc
      .date({ min: new Date('2019-01-01'), max: new Date('2029-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(date, { minLength: 1, maxLength: 6 }), (dates) => {
      // Each date asked twice in a row, then the next: the remembered answer must never leak across dates.
      for (const dos of dates) {
        expect(kxThresholdFor(dos)).toBe(thresholdReference(dos));
        expect(kxThresholdFor(dos)).toBe(thresholdReference(dos));
      }
    }),
  );
});
