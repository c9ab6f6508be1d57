import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { RawServiceLine } from './claim';
import { normalizeMoney } from './normalize/charge';
import { normalizeCodeField } from './normalize/code';
import { normalizeDate } from './normalize/date';
import { normalizeDxPointers } from './normalize/dx-pointers';
import { normalizeMinutes } from './normalize/minutes';
import { normalizeModifiers } from './normalize/modifiers';
import { normalizePlaceOfService } from './normalize/place-of-service';
import { normalizeUnits } from './normalize/units';
import { normalizeClaim } from './normalize-claim';

/** What each line field must be: the normaliser's answer, as the straightforward reader took it. */
function expectedLine(
  raw: RawServiceLine,
  claimDate: string | null,
  claimPos: string | null,
  diagnoses: (string | null)[],
) {
  const pointers = normalizeDxPointers(raw.dxPointers, diagnoses);
  const codeField = normalizeCodeField(raw.code);
  const box = normalizeModifiers(raw.modifiers);
  const value = <T>(r: { ok: true; value: T } | { ok: false }): T | null => (r.ok ? r.value : null);
  return {
    code: codeField.ok ? codeField.value.code : null,
    modifiers: [...(codeField.ok ? codeField.value.modifiers : []), ...(box.ok ? box.value : [])],
    units: value(normalizeUnits(raw.units)),
    minutes: value(normalizeMinutes(raw.minutes)),
    charge: value(normalizeMoney(raw.charge)),
    dateOfService: value(normalizeDate(raw.dateOfService)) ?? claimDate,
    placeOfService: value(normalizePlaceOfService(raw.placeOfService)) ?? claimPos,
    dxPointers: pointers.ok ? pointers.value.pointers : [],
    ...(pointers.ok && { dxPointerErrors: pointers.value.errors }),
  };
}

const num = fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: -1, max: 2000, noNaN: false }));
const leaf = (...typical: string[]) =>
  fc.oneof(
    fc.constantFrom(...typical),
    num,
    fc.string({ maxLength: 5 }),
    fc.constant(null),
    fc.constant(undefined),
  );
const line = fc.record(
  {
    code: leaf('97110', '97535-GO 59', '97110GP', 'g0283', '975350'),
    modifiers: fc.oneof(
      fc.array(leaf('GP', 'KX', 'gp kx', 'N/A', 'G1', '9'), { maxLength: 3 }),
      leaf('GP KX', '59'),
    ),
    units: leaf('2', '2.0', 'x2', 'two'),
    minutes: leaf('30', '1:05', '30 min', '2000'),
    charge: leaf('64.04', '$1,234.50', '-3'),
    dateOfService: leaf('2026-03-04', '03/04/2026', '2026-02-30', 'soon'),
    placeOfService: leaf('11', '02', '10', 'home', '99'),
    dxPointers: fc.oneof(
      fc.array(leaf('A', 'B', 'L', 'M', 'a', 'AB', '2'), { maxLength: 3 }),
      leaf('A,B', 'I69.351'),
    ),
  },
  { requiredKeys: [] },
);

test('lines read by the fast paths equal the normalisers read one field at a time', {
  timeout: 60_000,
}, () => {
  fc.assert(
    // Numbers in list boxes are beyond the schema, but normalizeClaim must still read them the same way.
    fc.property(fc.array(line, { maxLength: 6 }) as fc.Arbitrary<RawServiceLine[]>, (lines) => {
      const { claim, findings } = normalizeClaim({
        dateOfService: '2026-03-04',
        placeOfService: '11',
        diagnoses: ['I69.351', null, 'Z74.09'],
        lines,
      });
      claim.lines.forEach((read, i) => {
        expect(read).toMatchObject(expectedLine(lines[i]!, '2026-03-04', '11', claim.diagnoses));
      });
      // Each unreadable box is reported once, on its own line, however often the same text repeats
      // (a modifier box holding no text, such as NaN, included: bad leaves are findings, not rejections).
      const unreadable = (r: { ok: boolean; empty?: boolean }) => (!r.ok && !r.empty ? 1 : 0);
      let expected = 0;
      for (const raw of lines) {
        expected +=
          unreadable(normalizeModifiers(raw.modifiers)) +
          unreadable(normalizeMinutes(raw.minutes)) +
          unreadable(normalizeMoney(raw.charge)) +
          unreadable(normalizeDate(raw.dateOfService)) +
          unreadable(normalizePlaceOfService(raw.placeOfService));
      }
      expect(findings.filter((f) => f.rule === 'input/unreadable' && f.line !== undefined)).toHaveLength(
        expected,
      );
    }),
    { numRuns: 1500 },
  );
});
