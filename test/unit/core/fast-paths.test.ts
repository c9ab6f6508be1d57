import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Claim } from '../../../src/core/claim';
import { isClaimShape as isRawClaimShape } from '../../../src/core/claim-shape';
import { parseClaim } from '../../../src/core/parse-claim';
import { countDay } from '../../../src/core/rules/units-count';
import { countUnits } from '../../../src/core/units';

/** The hot-path twins must never disagree with the code they stand in for. */

const timedCodes = fc.constantFrom('97110', '97112', '97140', '97530', '97535', '97116', '97129', '97130');
const entries = fc.array(fc.record({ code: timedCodes, minutes: fc.integer({ min: 0, max: 90 }) }), {
  minLength: 1,
  maxLength: 8,
});

test.each(['cms', 'ama'] as const)(
  'countDay gives countUnits’ numbers (%s)',
  (method) => {
    fc.assert(
      fc.property(entries, (list) => {
        const fast = countDay(method, list);
        const full = countUnits(method, list);
        expect(fast.totalUnits).toBe(full.totalUnits);
        expect(fast.totalTimedMinutes).toBe(full.totalTimedMinutes);
        expect(fast.ties).toEqual(full.ties);
        const fullByCode = new Map<string, number>();
        for (const l of full.lines)
          if (l.timed) fullByCode.set(l.code, (fullByCode.get(l.code) ?? 0) + l.units);
        expect(fast.expected).toEqual(fullByCode);
      }),
      { numRuns: 400 },
    );
  },
  60_000,
);

const leaf = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.object({ maxDepth: 1 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.boolean()), {
    maxLength: 3,
  }),
);
const lineLike = fc.record(
  { code: leaf, modifiers: leaf, units: leaf, minutes: leaf, dxPointers: leaf, charge: leaf, extra: leaf },
  { requiredKeys: [] },
);
const claimLike = fc.record(
  {
    payer: leaf,
    dateOfService: leaf,
    discipline: leaf,
    diagnoses: leaf,
    ytdTherapyCharges: fc.oneof(leaf, fc.record({ PT_SLP: leaf, OT: leaf }, { requiredKeys: [] })),
    lines: fc.oneof(fc.array(fc.oneof(lineLike, leaf), { maxLength: 4 }), leaf),
  },
  { requiredKeys: [] },
);

test('the fast shape check accepts only what RawClaimSchema accepts', () => {
  fc.assert(
    fc.property(fc.oneof(claimLike, fc.anything()), (input) => {
      if (isRawClaimShape(input)) expect(parseClaim(input).ok).toBe(true);
    }),
    { numRuns: 1000 },
  );
}, 60_000);

test('the fast shape check accepts ordinary claims, so the hot path really skips the schema', () => {
  expect(
    isRawClaimShape({
      payer: 'medicare',
      ytdTherapyCharges: { PT_SLP: 1, OT: null },
      diagnoses: ['M17.11'],
      lines: [{ code: '97110', modifiers: 'GP KX', units: '2', minutes: 30, dxPointers: ['A'], charge: 60 }],
    }),
  ).toBe(true);
  // A leaf no one could have typed is reported by normalizeClaim, not rejected here (design.md).
  expect(isRawClaimShape({ lines: [{ code: { x: 1 } }] })).toBe(true);
  expect(isRawClaimShape({ lines: [{ code: '97110' }, 5] })).toBe(false);
});

test('the rules read the code table exactly as lookupCode does, on every date that matters', async () => {
  const { lookupCode, THERAPY_CODES } = await import('../../../src/core/data/codes');
  const { buildContext, BUILT_IN_LOOKUP } = await import('../../../src/core/rules/context');
  const { resolveProfile } = await import('../../../src/core/profile');
  const dates = ['2013-06-01', '2016-12-31', '2017-01-01', '2019-12-31', '2020-01-01', '2026-03-04', null];
  for (const dos of dates) {
    for (const code of [...THERAPY_CODES.map((c) => c.code), '99213', 'G0283']) {
      const line = {
        index: 0,
        code,
        modifiers: [],
        units: 1,
        minutes: 15,
        dxPointers: [],
        dxPointerErrors: [],
        charge: null,
        dateOfService: dos,
        placeOfService: null,
        raw: { code },
      };
      const claim: Claim = {
        payer: null,
        dateOfService: dos,
        placeOfService: null,
        discipline: null,
        renderedBy: null,
        ytdTherapyCharges: null,
        diagnoses: [],
        lines: [line],
      };
      const ctx = buildContext(claim, resolveProfile('medicare'), BUILT_IN_LOOKUP);
      expect(ctx.lines[0]?.entry ?? null).toBe(lookupCode(code, dos));
    }
  }
});
