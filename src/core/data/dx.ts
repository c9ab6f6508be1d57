import { type Confidence, SINCE_EVER, type Sourced } from './dated';

/**
 * Diagnosis facts (facts §8). Two kinds of data: when a code is billable at all (ICD-10-CM by
 * fiscal year, H), and payer policy on codes that are valid but rarely support therapy (M).
 */

const TABULAR = (fy: string) => `CMS/CDC ICD-10-CM tabular, ${fy}`;
const PAYER_POLICY = 'MAC and payer therapy policies (diagnosis must show a functional limitation)';

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A letter, two characters (digit, then digit or letter), then optionally a dot and one to four
 * more: /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, read by character rather than by the regex, as
 * every diagnosis is read several times on every check (a property test holds it to the regex).
 */
export function isIcd10Shape(code: string): boolean {
  const n = code.length;
  if (n !== 3 && (n < 5 || n > 8)) return false;
  const c2 = code.charCodeAt(2);
  if (!isUpper(code.charCodeAt(0)) || !isDigit(code.charCodeAt(1)) || !(isDigit(c2) || isUpper(c2)))
    return false;
  if (n === 3) return true;
  if (code.charCodeAt(3) !== 46) return false;
  for (let i = 4; i < n; i++) {
    const c = code.charCodeAt(i);
    if (!isDigit(c) && !isUpper(c)) return false;
  }
  return true;
}

/** A code that is billable only inside its dates: retired codes, headers, and codes new in a fiscal year. */
export interface BillablePeriod extends Sourced {
  code: string;
  /** What to use instead outside the period (the clinician picks: never an automatic fix when there are several). */
  replacements: string[];
  why: string;
}

const G35_SUCCESSORS = ['G35.A', 'G35.B0', 'G35.B1', 'G35.B2', 'G35.C0', 'G35.C1', 'G35.C2', 'G35.D'];
const M545_SUCCESSORS = ['M54.50', 'M54.51', 'M54.59'];

export const DX_BILLABLE_PERIODS: readonly BillablePeriod[] = [
  {
    code: 'G35',
    replacements: G35_SUCCESSORS,
    why: 'G35 (multiple sclerosis) became a category header on 2025-10-01 (FY2026)',
    validFrom: SINCE_EVER,
    validTo: '2025-10-01',
    confidence: 'H',
    source: TABULAR('FY2026 (effective 2025-10-01)'),
  },
  ...G35_SUCCESSORS.map((code) => ({
    code,
    replacements: ['G35'],
    why: `${code} exists only from 2025-10-01 (FY2026); before that G35 is the billable code`,
    validFrom: '2025-10-01',
    validTo: null,
    confidence: 'H' as Confidence,
    source: TABULAR('FY2026 (effective 2025-10-01)'),
  })),
  {
    code: 'M54.5',
    replacements: M545_SUCCESSORS,
    why: 'M54.5 (low back pain) was deleted on 2021-10-01 (FY2022)',
    validFrom: SINCE_EVER,
    validTo: '2021-10-01',
    confidence: 'H',
    source: TABULAR('FY2022 (effective 2021-10-01)'),
  },
  ...M545_SUCCESSORS.map((code) => ({
    code,
    replacements: ['M54.5'],
    why: `${code} exists only from 2021-10-01 (FY2022); before that M54.5 is the billable code`,
    validFrom: '2021-10-01',
    validTo: null,
    confidence: 'H' as Confidence,
    source: TABULAR('FY2022 (effective 2021-10-01)'),
  })),
];

/**
 * Valid codes payers commonly deny for therapy. `avoid`: deny on their own and add nothing
 * (R69, Z87.39), or deny unless a more specific code stands beside them (`aloneOnly`).
 * `caution`: acceptable only beside a specific diagnosis (Z74.09, M62.81).
 */
export interface DxPolicy extends Sourced {
  code: string;
  kind: 'avoid' | 'caution';
  /** True when the code is a problem only without a more specific diagnosis on the claim. */
  aloneOnly: boolean;
  why: string;
  /** What a more specific code looks like, for the message (only where a sourced example exists). */
  instead?: string;
}

/** Z74.09 and M62.81 most often stand in for stroke sequelae; the laterality is where guides go wrong. */
const STROKE_EXAMPLE =
  'e.g. after a stroke I69.351 right dominant, I69.352 left dominant, I69.353 right non-dominant or I69.354 left non-dominant side';

export const DX_POLICIES: readonly DxPolicy[] = [
  {
    code: 'R69',
    kind: 'avoid',
    aloneOnly: false,
    why: 'R69 (illness, unspecified) describes no condition or functional limitation',
    validFrom: SINCE_EVER,
    validTo: null,
    confidence: 'M',
    source: PAYER_POLICY,
  },
  {
    code: 'Z87.39',
    kind: 'avoid',
    aloneOnly: false,
    why: 'Z87.39 is a history code: it says what the patient had, not what is treated today',
    validFrom: SINCE_EVER,
    validTo: null,
    confidence: 'M',
    source: PAYER_POLICY,
  },
  {
    code: 'M54.50',
    kind: 'avoid',
    aloneOnly: true,
    why: 'M54.50 (low back pain, unspecified) on its own is commonly denied for therapy',
    instead:
      'M54.51 (vertebrogenic low back pain), M54.59 (other low back pain), or the condition causing the pain',
    validFrom: '2021-10-01',
    validTo: null,
    confidence: 'M',
    source: PAYER_POLICY,
  },
  {
    code: 'Z74.09',
    kind: 'caution',
    aloneOnly: true,
    why: 'Z74.09 (other reduced mobility) supports therapy only beside the condition that causes it',
    instead: STROKE_EXAMPLE,
    validFrom: SINCE_EVER,
    validTo: null,
    confidence: 'M',
    source: PAYER_POLICY,
  },
  {
    code: 'M62.81',
    kind: 'caution',
    aloneOnly: true,
    why: 'M62.81 (muscle weakness, generalized) supports therapy only beside a specific diagnosis',
    instead: STROKE_EXAMPLE,
    validFrom: SINCE_EVER,
    validTo: null,
    confidence: 'M',
    source: PAYER_POLICY,
  },
];

/**
 * Plain-language names used in messages. I69.35x is here because guides get its laterality
 * wrong: I69.352 is the LEFT DOMINANT side, not left non-dominant.
 */
export const DX_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
  ['I69.351', 'hemiplegia following cerebral infarction affecting right dominant side'],
  ['I69.352', 'hemiplegia following cerebral infarction affecting left dominant side'],
  ['I69.353', 'hemiplegia following cerebral infarction affecting right non-dominant side'],
  ['I69.354', 'hemiplegia following cerebral infarction affecting left non-dominant side'],
  ['G35', 'multiple sclerosis (a header from 2025-10-01)'],
  ['G35.D', 'multiple sclerosis, unspecified'],
  ['M54.5', 'low back pain (deleted 2021-10-01)'],
  ['M54.50', 'low back pain, unspecified'],
  ['R69', 'illness, unspecified'],
  ['Z74.09', 'other reduced mobility'],
  ['M62.81', 'muscle weakness (generalized)'],
]);

export const DX_LATERALITY_SOURCE = TABULAR(
  'I69.35- hemiplegia and hemiparesis following cerebral infarction',
);

/** "I69.352 (hemiplegia ... left dominant side)" when we know the code, else the code alone. */
export function describeDx(code: string): string {
  const name = DX_DESCRIPTIONS.get(code);
  return name ? `${code} (${name})` : code;
}

export const DX_PERIODS_BY_CODE: ReadonlyMap<string, BillablePeriod> = new Map(
  DX_BILLABLE_PERIODS.map((p) => [p.code, p]),
);
export const DX_POLICY_BY_CODE: ReadonlyMap<string, DxPolicy> = new Map(DX_POLICIES.map((p) => [p.code, p]));

/** The diagnosis data as one table (src/core/api.md `DX_RULES`), and the version quoted in findings. */
export const DX_DATA_VERSION = 'built-in ICD-10-CM facts FY2022–FY2026';
export const DX_RULES = {
  billablePeriods: DX_BILLABLE_PERIODS,
  policies: DX_POLICIES,
  version: DX_DATA_VERSION,
} as const;
