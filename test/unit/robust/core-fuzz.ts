import fc from 'fast-check';
import {
  BUILT_IN_PROFILES,
  type CheckOptions,
  checkClaim,
  type Finding,
  META_RULE_IDS,
  RULE_IDS,
  THERAPY_CODES,
} from '../../../src/core';

/**
 * What people, pages and hostile inputs hand the core, as fast-check arbitraries. Shared by
 * the CI property test (test/unit/robust/core-never-throws.test.ts) and the million-run fuzz
 * (`npm run fuzz`, scripts/fuzz-core.ts).
 */

const KNOWN_RULES: ReadonlySet<string> = new Set([...RULE_IDS, ...META_RULE_IDS]);
const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** Values no JSON holds but a content script or a caller might: they must not crash the core either. */
const exotic = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  1e308,
  undefined,
  10n,
  Symbol('cg'),
  () => 1,
  new Date(Number.NaN),
  Object.create(null),
  [],
  {},
  { toString: () => '97110' },
  { valueOf: () => 2 },
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
);

/** What portals actually hold in text boxes. */
const typed = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '2.0',
    '2,5',
    '１２',
    '٢',
    '30 min',
    '1:05',
    '-1',
    '0',
    '1e3',
    '0x1F',
    'NaN',
    'Infinity',
    'null',
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    '\u0000',
    '\u202e97110',
    'é',
    '💥',
    'A'.repeat(5000),
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
);

const number = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double(),
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: typed },
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: exotic },
);

const CODE_SAMPLE = THERAPY_CODES.map((c) => c.code);
const code = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CODE_SAMPLE) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...CODE_SAMPLE), fc.constantFrom('-', ' ', '', '-GP ', ' 59', 'x', '\t'))
      .map(([c, tail]) => `${c}${tail}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('99213', 'G0283', 'A1234', '0001U', '9711', 'g0283', '97110.0') },
  { weight: 2, arbitrary: scalar },
);

const MODIFIERS = [
  'GP',
  'GO',
  'GN',
  'KX',
  'CQ',
  'CO',
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  '95',
  '93',
  '25',
  'GA',
  'GZ',
  'GY',
  '52',
  'KX',
];
const modifier = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...MODIFIERS) },
  { weight: 1, arbitrary: fc.constantFrom('gp', ' go ', 'G', 'GPGO', '5 9', '') },
  { weight: 1, arbitrary: scalar },
);
const modifiers = fc.oneof(
  fc.array(modifier, { maxLength: 6 }),
  fc
    .tuple(
      fc.array(fc.oneof(fc.constantFrom(...MODIFIERS), typed), { maxLength: 4 }),
      fc.constantFrom(' ', ',', '-', ''),
    )
    .map(([list, separator]) => list.join(separator)),
  scalar,
);

const DX = [
  'I69.351',
  'Z74.09',
  'M62.81',
  'R69',
  'Z87.39',
  'M54.50',
  'M54.5',
  'G35',
  'S83.512A',
  'M25.661',
  'F80.0',
];
const diagnosis = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...DX, ...DX.map((d) => d.replace('.', '').toLowerCase())) },
  { weight: 1, arbitrary: scalar },
);
const pointer = fc.oneof(
  fc.constantFrom('A', 'B', 'C', 'L', 'M', 'Z', 'a', '1', '12', '13', '0', '-1', 'AB', 'A,B', 'A B'),
  fc.integer({ min: -2, max: 14 }),
  scalar,
);
const date = fc.oneof(
  fc.constantFrom(
    '2026-03-04',
    '2025-10-01',
    '2021-09-30',
    '2026-02-30',
    '03/04/2026',
    '3/4/26',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
  ),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10))),
  scalar,
);
const pos = fc.oneof(fc.constantFrom('11', '02', '10', '22', '2', '99', 'office'), scalar);

const line = fc.record(
  {
    code,
    modifiers,
    units: fc.oneof(number, typed, scalar),
    minutes: fc.oneof(number, typed, scalar),
    dxPointers: fc.oneof(fc.array(pointer, { maxLength: 5 }), pointer),
    charge: fc.oneof(number, typed, scalar),
    dateOfService: date,
    placeOfService: pos,
  },
  { requiredKeys: [] },
);

export const claimArbitrary = fc.record(
  {
    payer: fc.oneof(
      fc.constantFrom(
        'medicare',
        'Medicare Part B',
        'medicare-advantage',
        'medicaid',
        'commercial',
        'Humana Medicare Advantage',
        'unknown-payer',
      ),
      scalar,
    ),
    dateOfService: date,
    placeOfService: pos,
    discipline: fc.oneof(fc.constantFrom('PT', 'OT', 'SLP', 'pt', 'Speech', 'physical therapy'), scalar),
    renderedBy: fc.oneof(fc.constantFrom('therapist', 'assistant', 'PTA', 'COTA'), scalar),
    ytdTherapyCharges: fc.oneof(
      fc.record({ PT_SLP: fc.oneof(number, scalar), OT: fc.oneof(number, scalar) }, { requiredKeys: [] }),
      scalar,
    ),
    diagnoses: fc.oneof(fc.array(diagnosis, { maxLength: 13 }), diagnosis),
    lines: fc.oneof(
      { weight: 16, arbitrary: fc.array(line, { maxLength: 14 }) },
      // Portals with long grids (the budget's 50 service lines).
      { weight: 1, arbitrary: fc.array(line, { minLength: 40, maxLength: 60 }) },
      { weight: 1, arbitrary: scalar },
    ),
  },
  { requiredKeys: ['lines'] },
);

const profileObject = fc.oneof(
  fc.constantFrom(...BUILT_IN_PROFILES),
  fc
    .constantFrom(...BUILT_IN_PROFILES)
    .map((p) => ({ ...p, id: 'mine', builtIn: false, unitMethod: 'ama' as const })),
  fc.anything({ maxDepth: 2, maxKeys: 5 }),
);
export const optionsArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        profile: fc.oneof(fc.constantFrom('medicare', 'commercial', 'mine', 'nope'), profileObject),
        customProfiles: fc.oneof(fc.array(profileObject, { maxLength: 3 }), scalar),
        tables: fc.oneof(
          fc.record(
            {
              ncci: fc.record({
                version: fc.string(),
                pairs: fc.array(
                  fc.record({
                    column1: code,
                    column2: code,
                    modifierIndicator: fc.constantFrom(0, 1, 9, 7 as number),
                    effective: date,
                    deleted: fc.oneof(fc.constant(null), date),
                    source: fc.string(),
                  }),
                  { maxLength: 5 },
                ),
              }),
              mue: fc.record({
                version: fc.string(),
                entries: fc.array(fc.record({ code, maxUnits: number, source: fc.string() }), {
                  maxLength: 5,
                }),
              }),
            },
            { requiredKeys: [] },
          ),
          scalar,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 5 }) },
);

/** A claim as the core may meet it: mostly claim-shaped, sometimes anything at all. */
export const inputArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: claimArbitrary },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 1, arbitrary: fc.array(claimArbitrary, { maxLength: 3 }) },
);

/**
 * What `checkClaim` returns when it swallowed an exception of its own, found by making the
 * options throw inside its guard. A result equal to this on ordinary input means a rule threw:
 * "never throws" must not be bought by hiding crashes.
 */
export function internalProblemShape(): string {
  const throwing = {
    get profile(): never {
      throw new Error('probe');
    },
    get tables(): never {
      throw new Error('probe');
    },
  } as unknown as CheckOptions;
  return JSON.stringify(checkClaim({ lines: [] }, throwing));
}

/** Returns a description of what is wrong with one run, or null when the core behaved. */
export function judgeCheck(input: unknown, options: unknown, internalProblem: string): string | null {
  let findings: Finding[];
  try {
    findings = checkClaim(input, options as CheckOptions);
  } catch (error) {
    return `checkClaim threw: ${error instanceof Error ? error.stack : String(error)}`;
  }
  if (!Array.isArray(findings)) return 'checkClaim returned something other than an array';
  if (JSON.stringify(findings) === internalProblem)
    return 'checkClaim hid an internal exception (returned its internal-problem finding)';
  for (const f of findings) {
    if (!KNOWN_RULES.has(f.rule)) return `unknown rule id ${String(f.rule)}`;
    if (!SEVERITIES.has(f.severity)) return `${f.rule}: bad severity ${String(f.severity)}`;
    if (typeof f.message !== 'string' || f.message.trim() === '') return `${f.rule}: empty message`;
    if (typeof f.source !== 'string' || f.source.trim() === '') return `${f.rule}: no source`;
    if (f.line !== undefined && !(Number.isInteger(f.line) && f.line >= 0))
      return `${f.rule}: bad line ${f.line}`;
  }
  return null;
}

/** The property both the CI test and the fuzz script run. */
export function coreProperty(internalProblem: string) {
  return fc.property(inputArbitrary, optionsArbitrary, (input, options) => {
    const problem = judgeCheck(input, options, internalProblem);
    if (problem) throw new Error(problem);
  });
}
