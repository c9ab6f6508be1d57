import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import { META_RULE_IDS, RULE_IDS } from '../../../src/core/finding';
import { BUILT_IN_PROFILES } from '../../../src/core/profile';

/** Generous: property tests share two loaded cores with the whole team's test runs. */
const SLOW_MACHINE_MS = 60_000;

const KNOWN = new Set<string>([...RULE_IDS, ...META_RULE_IDS]);

function assertWellFormed(input: unknown, options?: Parameters<typeof checkClaim>[1]): void {
  const findings = checkClaim(input, options);
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    expect(KNOWN.has(f.rule), f.rule).toBe(true);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(typeof f.source).toBe('string');
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.constant(null),
  fc.constantFrom(
    '97110',
    '97530',
    '97140',
    '97535',
    '97166',
    'GP',
    'GO',
    'GN',
    'KX',
    '59',
    'XU',
    'CO',
    'CQ',
    '95',
  ),
  fc.constantFrom(
    '2025-10-01',
    '2021-09-30',
    '02',
    '10',
    '11',
    'G35',
    'M54.5',
    'I69.352',
    'A',
    'B',
    '2.0',
    '30 min',
  ),
);
const list = fc.oneof(fc.array(scalar, { maxLength: 5 }), scalar);
const rawLine = fc.record(
  {
    code: scalar,
    modifiers: list,
    units: scalar,
    minutes: scalar,
    dxPointers: list,
    charge: scalar,
    dateOfService: scalar,
    placeOfService: scalar,
  },
  { requiredKeys: [] },
);
const rawClaim = fc.record(
  {
    payer: fc.oneof(
      scalar,
      fc.constantFrom(...BUILT_IN_PROFILES.map((p) => p.id), 'Humana Gold Plus', 'Medi-Cal'),
    ),
    dateOfService: scalar,
    placeOfService: scalar,
    discipline: fc.oneof(scalar, fc.constantFrom('PT', 'OT', 'SLP')),
    renderedBy: fc.oneof(scalar, fc.constantFrom('therapist', 'assistant')),
    ytdTherapyCharges: fc.oneof(
      fc.constant(null),
      fc.record({ PT_SLP: scalar, OT: scalar }, { requiredKeys: [] }),
    ),
    diagnoses: list,
    lines: fc.array(rawLine, { maxLength: 14 }),
  },
  { requiredKeys: ['lines'] },
);

test(
  'never throws on anything at all',
  () => {
    fc.assert(
      fc.property(fc.anything(), (input) => assertWellFormed(input)),
      { numRuns: 300 },
    );
  },
  SLOW_MACHINE_MS,
);

test(
  'never throws on any JSON',
  () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => assertWellFormed(input)),
      { numRuns: 300 },
    );
  },
  SLOW_MACHINE_MS,
);

test(
  'never throws on claim-shaped input with mutated leaves, under every profile',
  () => {
    fc.assert(
      fc.property(
        rawClaim,
        fc.constantFrom(undefined, ...BUILT_IN_PROFILES.map((p) => p.id)),
        (input, profile) => assertWellFormed(input, profile ? { profile } : undefined),
      ),
      { numRuns: 400 },
    );
  },
  SLOW_MACHINE_MS,
);

test('never throws on hostile options', () => {
  const claim = { lines: [{ code: '97110', modifiers: ['GP'], units: 1, minutes: 15 }] };
  for (const options of [
    null,
    42,
    { profile: 42 },
    { profile: { id: 'x' } },
    { customProfiles: 'x' },
    { tables: { ncci: { version: 1, pairs: 'x' } } },
    { tables: { mue: { version: 'v', entries: [null] } } },
  ]) {
    assertWellFormed(claim, options as never);
  }
});
