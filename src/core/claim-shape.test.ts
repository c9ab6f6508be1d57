import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { claimShapeError, isClaimShape } from './claim-shape';
import { parseClaim, parseClaimAt } from './parse-claim';

const leaf = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
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
      placeOfService: leaf,
    },
    { requiredKeys: [] },
  ),
  leaf,
);
const nearClaim = fc.record(
  {
    payer: leaf,
    dateOfService: leaf,
    placeOfService: leaf,
    discipline: leaf,
    renderedBy: leaf,
    diagnoses: list,
    ytdTherapyCharges: fc.oneof(leaf, fc.record({ PT_SLP: leaf, OT: leaf }, { requiredKeys: [] })),
    lines: fc.oneof(fc.array(line, { maxLength: 3 }), leaf),
  },
  { requiredKeys: ['lines'] },
);

/** What the zod schema says (parseClaim), as the hand-written check says it. */
function viaSchema(input: unknown, root = ''): string | null {
  const parsed = root === '' ? parseClaim(input) : parseClaimAt(input, root);
  return parsed.ok ? null : parsed.error;
}

describe('claimShapeError (zod-free, for the content script)', () => {
  // Property tests get room: the machine running them is shared and often loaded.
  test('accepts exactly what RawClaimSchema accepts, and names the same field the same way', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(fc.oneof(nearClaim, nearClaim, fc.anything()), (input) => {
        expect(claimShapeError(input)).toBe(viaSchema(input));
        expect(claimShapeError(input, '[2]')).toBe(viaSchema(input, '[2]'));
        expect(isClaimShape(input)).toBe(viaSchema(input) === null);
      }),
      { numRuns: 1000 },
    );
  });

  // Only structure makes an input "not a claim" (design.md): a bad leaf is a finding, not a rejection.
  test.each([
    [{ lines: [{ units: Number.POSITIVE_INFINITY }] }, null],
    [{ lines: [undefined] }, 'lines[0]: required'],
    [{ lines: [5] }, 'lines[0]: expected an object'],
    [{ lines: [], ytdTherapyCharges: { PT_SLP: {}, OT: [] } }, null],
    [{ lines: [], ytdTherapyCharges: 5 }, null],
    [{ lines: [], diagnoses: [undefined, { code: 'M54.5' }] }, null],
    [{ lines: new Map() }, 'lines: expected a list'],
    [{ payer: {}, lines: 5 }, 'lines: expected a list'],
    [{ payer: { x: 1 } }, 'lines: required'],
  ])('%j → %s, as the schema words it', (input, error) => {
    expect(claimShapeError(input)).toBe(error);
    expect(viaSchema(input)).toBe(error);
  });

  test('class instances pass as objects, as in the schema', () => {
    expect(claimShapeError({ lines: [new Date()] })).toBeNull();
    expect(viaSchema({ lines: [new Date()] })).toBeNull();
  });

  test('says yes to the claims portals and the CLI send (the point of the fast path)', () => {
    expect(
      isClaimShape({
        payer: 'medicare',
        dateOfService: '2026-03-04',
        ytdTherapyCharges: { PT_SLP: 1800, OT: null },
        diagnoses: ['I69.351', null],
        lines: [
          { code: '97535-GO', modifiers: 'KX', units: '2', minutes: 30, dxPointers: ['A'], charge: 64.04 },
        ],
      }),
    ).toBe(true);
    expect(isClaimShape({ lines: [], extra: { anything: true } })).toBe(true);
  });

  // Leaves are normalizeClaim's to read (and report): only structure is doubted.
  test.each([
    { lines: [{ units: Number.NaN }] },
    { lines: [], diagnoses: 5 },
    { lines: [{ modifiers: [['GP']] }] },
  ])('takes %j as a claim (the leaves are reported, not rejected)', (input) => {
    expect(isClaimShape(input)).toBe(true);
  });

  test.each([{ lines: [[]] }, { lines: {} }, { lines: [null] }, {}])('doubts %j', (input) => {
    expect(isClaimShape(input)).toBe(false);
  });
});
