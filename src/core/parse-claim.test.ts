import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatPath, parseClaim, parseClaimAt } from './parse-claim';

describe('parseClaim', () => {
  test('accepts the design.md example and what portals hold (text, numbers, null)', () => {
    const claim = {
      payer: 'medicare',
      dateOfService: '2026-03-04',
      placeOfService: '11',
      discipline: 'OT',
      renderedBy: 'therapist',
      ytdTherapyCharges: { PT_SLP: 1800, OT: 2400 },
      diagnoses: ['I69.351', 'Z74.09'],
      lines: [{ code: '97535', modifiers: ['GO'], units: 2, minutes: 30, dxPointers: ['A'], charge: 64.04 }],
    };
    expect(parseClaim(claim)).toEqual({ ok: true, claim });
    expect(
      parseClaim({ lines: [{ code: '97535-GO 59', units: '2.0', modifiers: 'GP KX', minutes: null }] }).ok,
    ).toBe(true);
    expect(parseClaim({ lines: [], extra: 'kept' })).toMatchObject({ ok: true, claim: { extra: 'kept' } });
  });

  // Every field but `lines` is optional and read by normalizeClaim, which reports what it cannot
  // read as input/unreadable: one bad box never makes the whole claim "not a claim" (design.md).
  test.each([
    [{ lines: [{}, {}, { units: {} }] }],
    [{ lines: [{ units: true }] }],
    [{ lines: [{ modifiers: {} }] }],
    [{ lines: [], diagnoses: ['A', {}] }],
    [{ lines: [], ytdTherapyCharges: 5 }],
    [{ lines: [], ytdTherapyCharges: { OT: [] } }],
    [{ payer: { x: 1 }, lines: [] }],
    [{ diagnoses: [{ code: 'M54.5' }], lines: [{ code: '97110' }] }],
  ])('a claim with a leaf no one could have typed is still a claim: %j', (input) => {
    expect(parseClaim(input)).toEqual({ ok: true, claim: input });
  });

  test.each([
    [{}, 'lines: required'],
    [{ lines: 'x' }, 'lines: expected a list'],
    [{ lines: [1] }, 'lines[0]: expected an object'],
    [{ lines: [{}, null] }, 'lines[1]: expected an object'],
    [5, 'claim: expected an object'],
    [null, 'claim: expected an object'],
    [[], 'claim: expected an object'],
    ['{"lines":[]}', 'claim: expected an object'],
  ])('%j → %s', (input, error) => {
    expect(parseClaim(input)).toEqual({ ok: false, error });
  });

  test('names the claim inside a larger input', () => {
    expect(parseClaimAt({}, '[3]')).toEqual({ ok: false, error: '[3].lines: required' });
    expect(parseClaimAt(7, '[3]')).toEqual({ ok: false, error: '[3]: expected an object' });
  });

  test('errors are always one line, and it never throws', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseClaim(input);
        if (!result.ok) expect(result.error).toMatch(/^[^\n]+: [^\n]+$/);
      }),
    );
  });
});

describe('formatPath', () => {
  test('keys with dots, indexes in brackets', () => {
    expect(formatPath(['lines', 2, 'units'])).toBe('lines[2].units');
    expect(formatPath(['lines'], '[3]')).toBe('[3].lines');
    expect(formatPath([], '[3]')).toBe('[3]');
  });
});
