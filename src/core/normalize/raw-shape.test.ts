import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RawClaimSchema } from '../claim';
import { isCertainlyRawClaim } from './raw-shape';

const leaf = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant({}),
);
const list = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }));
const line = fc.oneof(
  fc.record(
    {
      code: leaf,
      modifiers: list,
      units: leaf,
      minutes: leaf,
      dxPointers: list,
      charge: leaf,
      dateOfService: leaf,
    },
    { requiredKeys: [] },
  ),
  leaf,
);
const nearClaim = fc.record(
  {
    payer: leaf,
    dateOfService: leaf,
    discipline: leaf,
    diagnoses: list,
    ytdTherapyCharges: fc.oneof(leaf, fc.record({ PT_SLP: leaf, OT: leaf }, { requiredKeys: [] })),
    lines: fc.oneof(fc.array(line, { maxLength: 3 }), leaf),
  },
  { requiredKeys: [] },
);

describe('isCertainlyRawClaim', () => {
  // Property tests get room: the machine running them is shared and often loaded.
  test('never says yes where RawClaimSchema says no', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(nearClaim, fc.anything()), (input) => {
        if (isCertainlyRawClaim(input)) expect(RawClaimSchema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('says yes to the claims portals and the CLI send (the point of the fast path)', () => {
    expect(
      isCertainlyRawClaim({
        payer: 'medicare',
        dateOfService: '2026-03-04',
        ytdTherapyCharges: { PT_SLP: 1800, OT: null },
        diagnoses: ['I69.351', null],
        lines: [
          { code: '97535-GO', modifiers: 'KX', units: '2', minutes: 30, dxPointers: ['A'], charge: 64.04 },
        ],
      }),
    ).toBe(true);
    expect(isCertainlyRawClaim({ lines: [], extra: { anything: true } })).toBe(true);
  });

  // Leaves are normalizeClaim's to read (and report): only structure is doubted.
  test.each([
    { lines: [{ units: Number.NaN }] },
    { lines: [], diagnoses: 5 },
    { lines: [{ modifiers: [['GP']] }] },
  ])('takes %j as a claim (the leaves are reported, not rejected)', (input) => {
    expect(isCertainlyRawClaim(input)).toBe(true);
  });

  test.each([{ lines: [[]] }, { lines: {} }, { lines: [null] }, {}])('doubts %j', (input) => {
    expect(isCertainlyRawClaim(input)).toBe(false);
  });
});
