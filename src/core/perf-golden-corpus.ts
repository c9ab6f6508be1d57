/**
 * The corpus perf-golden.test.ts pins checkClaim's output on: the bench claims, the example
 * files, the rule-table cases and a few thousand seeded-random claims mixing payers, modifiers,
 * diagnoses, minutes, units, dates and junk. Seeded by hand (not fast-check), so the corpus
 * stays the same whichever library versions are installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { weekOfVisits } from '../../bench/core';
import { CASE_TABLES } from '../../test/unit/core/cases';
import type { CheckOptions } from './check';
import { THERAPY_CODES } from './data/codes';
import { DX_BILLABLE_PERIODS } from './data/dx';
import { NCCI_PAIRS } from './data/ncci';
import { BUILT_IN_PROFILES, type PayerProfile } from './profile';

export interface GoldenCase {
  claim: unknown;
  options?: CheckOptions;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES: unknown[] = [
  ...THERAPY_CODES.map((e) => e.code),
  '97110',
  '97112',
  '97140',
  '97530',
  '97535',
  '99213',
  ' 97110 ',
  '97110-GP',
  '97110 GP 59',
  '97140-59',
  'g0283',
  '9711',
  'abc',
  '',
  null,
  97110,
  97140,
  { code: '97110' },
];
const MODIFIERS = [
  'GP',
  'GP',
  'GO',
  'GN',
  'KX',
  '59',
  'XU',
  'XE',
  'XS',
  'XP',
  'CQ',
  'CO',
  '95',
  '93',
  'GA',
  'GZ',
  'GY',
  '76',
  'LT',
  'ZZ',
  'gp',
  'G P',
  '1',
  '',
];
const DATES: unknown[] = [
  '2025-06-02',
  '2025-09-30',
  '2025-10-01',
  '2026-03-02',
  '2026-03-04',
  '2026-12-31',
  '2021-09-30',
  '2020-01-01',
  '2019-06-01',
  '03/04/2026',
  '3/4/26',
  '2026-02-30',
  '20260302',
  'yesterday',
  '',
  null,
  20260302,
];
const PLACES: unknown[] = ['11', '11', '10', '02', '22', '2', 11, 10, 'home', '99', '', null];
const PAYERS: unknown[] = [
  'medicare',
  'commercial',
  'medicaid',
  'medicare-advantage',
  'Medicare Part B',
  'Aetna',
  'BCBS Medicare Advantage',
  'Humana Gold Plus HMO',
  'United Healthcare',
  'Medi-Cal',
  'Acme Health Plan',
  'my-plan',
  '',
  null,
  42,
];
const DISCIPLINES: unknown[] = ['PT', 'OT', 'SLP', 'pt', 'Physical therapy', 'PTA', 'COTA', 'xyz', null, 7];
const RENDERERS: unknown[] = ['therapist', 'assistant', 'PTA', 'COTA', 'OTR', 'student', '', null, true];
const DIAGNOSES: unknown[] = [
  ...new Set(DX_BILLABLE_PERIODS.map((p) => p.code)),
  'M17.11',
  'M17.12',
  'R26.89',
  'Z74.09',
  'I69.351',
  'M54.5',
  'M54.50',
  'M5450',
  'm17.11',
  'M25.561',
  'R26.2',
  'Z96.651',
  'F80.0',
  'R13.12',
  'xyz',
  '',
  null,
  { code: 'M17.11' },
];
const POINTERS: unknown[] = [
  ['A'],
  ['A', 'B'],
  ['A', 'B', 'C', 'D'],
  ['B', 'A'],
  ['A', 'A'],
  'AB',
  'A,B',
  'A B',
  '1,2',
  [1, 2],
  ['M'],
  ['a'],
  ['Z'],
  [],
  '',
  null,
  { a: 1 },
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function randomModifiers(next: () => number): unknown {
  const r = next();
  const list = Array.from({ length: Math.floor(next() * 4) }, () => pick(next, MODIFIERS));
  if (r < 0.75) return list.length ? list : ['GP'];
  if (r < 0.85) return list.join(r < 0.8 ? ', ' : ' ');
  return pick(next, [null, undefined, 5, {}, [], ['GP', 7]]);
}

function randomUnits(next: () => number): unknown {
  const r = next();
  if (r < 0.75) return Math.floor(next() * 6);
  return pick(next, ['2', '2.0', ' 3 ', 'two', -1, 1.5, null, '', Number.NaN, Number.POSITIVE_INFINITY, 40]);
}

function randomMinutes(next: () => number): unknown {
  const r = next();
  if (r < 0.75) return Math.floor(next() * 75);
  return pick(next, ['30 min', '30', '0:45', -5, 2000, null, '', 'abc', 7.5, undefined]);
}

function randomCharge(next: () => number): unknown {
  const r = next();
  if (r < 0.8) return Math.round(next() * 30000) / 100;
  return pick(next, ['$40.00', '1,200.50', -3, 'free', null, undefined, 0]);
}

function randomDiagnoses(next: () => number): unknown {
  const list = Array.from({ length: Math.floor(next() * 5) }, () => pick(next, DIAGNOSES));
  const r = next();
  if (r < 0.8) return list;
  if (r < 0.9) return list.filter((d) => typeof d === 'string').join(r < 0.85 ? ', ' : ' ');
  return pick(next, [null, undefined, 12, {}]);
}

function randomYtd(next: () => number): unknown {
  const r = next();
  if (r < 0.75) return { PT_SLP: Math.floor(next() * 5000), OT: Math.floor(next() * 5000) };
  return pick(next, [null, undefined, 'x', { PT_SLP: '$2,400.00', OT: 'none' }, { PT_SLP: 2410 }]);
}

function randomLine(next: () => number, dates: unknown[]): unknown {
  if (next() < 0.04) return {};
  const line: Record<string, unknown> = {
    code: next() < 0.7 ? pick(next, ['97110', '97112', '97140', '97530', '97116']) : pick(next, CODES),
    modifiers: randomModifiers(next),
    units: randomUnits(next),
    minutes: randomMinutes(next),
    dxPointers: next() < 0.7 ? ['A'] : pick(next, POINTERS),
    charge: randomCharge(next),
  };
  const r = next();
  if (r < 0.5) line.dateOfService = pick(next, dates);
  else if (r < 0.6) line.dateOfService = pick(next, DATES);
  if (next() < 0.1) line.placeOfService = pick(next, PLACES);
  return line;
}

function customProfile(next: () => number): PayerProfile {
  const base = pick(next, BUILT_IN_PROFILES);
  return {
    ...base,
    id: 'my-plan',
    name: 'My Plan',
    builtIn: false,
    unitMethod: next() < 0.5 ? 'cms' : 'ama',
    kxApplies: next() < 0.5,
    requiredModifiers: { discipline: next() < 0.7, telehealth95: next() < 0.5 },
    severity: {
      ...base.severity,
      [pick(next, [
        'units/exceeds-minutes',
        'modifier/discipline-missing',
        'dx/nonspecific',
        'ncci/pair-needs-modifier',
      ])]: pick(next, ['off', 'info', 'error', 'warning']),
    },
    basedOn: base.id,
  } as PayerProfile;
}

function randomOptions(next: () => number): CheckOptions | undefined {
  const r = next();
  if (r < 0.6) return undefined;
  if (r < 0.7)
    return { profile: pick(next, ['medicare', 'commercial', 'Medicaid', 'Aetna PPO', 'nobody', '']) };
  if (r < 0.8) return { profile: customProfile(next) };
  if (r < 0.88) return { customProfiles: [customProfile(next)] };
  return {
    tables: {
      ncci: {
        version: 'test-2026Q1',
        pairs: NCCI_PAIRS.filter(() => next() < 0.7).map((p) => ({ ...p })),
      },
      ...(next() < 0.5 && {
        mue: {
          version: 'mue-test',
          entries: [
            { code: '97110', maxUnits: 3, source: 'test' },
            { code: '97140', maxUnits: 2, source: 'test' },
          ],
        },
      }),
    },
  };
}

function randomClaim(next: () => number): unknown {
  if (next() < 0.02)
    return pick(next, [null, 5, 'claim', [], { lines: 5 }, { lines: [null] }, { lines: [1] }]);
  const claimDate = pick(next, DATES);
  const dates = [claimDate, pick(next, DATES.slice(0, 7)), pick(next, DATES.slice(0, 7))];
  const claim: Record<string, unknown> = {
    payer: pick(next, PAYERS),
    dateOfService: claimDate,
    placeOfService: pick(next, PLACES),
    diagnoses: randomDiagnoses(next),
    ytdTherapyCharges: randomYtd(next),
    lines: Array.from({ length: Math.floor(next() * 15) }, () => randomLine(next, dates)),
  };
  if (next() < 0.7) claim.discipline = pick(next, DISCIPLINES);
  if (next() < 0.5) claim.renderedBy = pick(next, RENDERERS);
  return claim;
}

export function benchCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (let i = 0; i < 64; i++) cases.push({ claim: weekOfVisits(i) });
  for (const p of BUILT_IN_PROFILES)
    for (let i = 0; i < 8; i++) cases.push({ claim: weekOfVisits(i), options: { profile: p.id } });
  return cases;
}

export function exampleCases(): GoldenCase[] {
  const dir = join(import.meta.dirname, '../../examples/claims');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ claim: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }));
}

export function ruleTableCases(): GoldenCase[] {
  return Object.keys(CASE_TABLES)
    .sort()
    .flatMap((family) => CASE_TABLES[family]!.map((c) => ({ claim: c.claim, options: c.options })));
}

export function randomCases(count: number, seed: number): GoldenCase[] {
  const next = rng(seed);
  return Array.from({ length: count }, () => ({ claim: randomClaim(next), options: randomOptions(next) }));
}
