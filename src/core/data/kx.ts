import type { Sourced } from './dated';

/**
 * Medicare therapy KX thresholds (facts §5): per beneficiary per calendar year, one amount for
 * PT and SLP combined and the same amount, accrued separately, for OT. The statute speaks of
 * expenses that *exceed* the threshold (SSA §1833(g)(7)), so a total exactly at the threshold
 * does not need KX; one cent more does.
 */
export interface KxThreshold extends Sourced {
  year: number;
  amount: number;
}

const CMS_KX = 'CMS Therapy Services (annual change request), KX threshold CY';
const STATUTE = 'SSA §1833(g)(7) (BBA 2018 §50202)';

export const KX_THRESHOLDS: readonly KxThreshold[] = [
  {
    year: 2022,
    amount: 2150,
    confidence: 'H',
    validFrom: '2022-01-01',
    validTo: '2023-01-01',
    source: `${CMS_KX}2022; ${STATUTE}`,
  },
  {
    year: 2023,
    amount: 2230,
    confidence: 'H',
    validFrom: '2023-01-01',
    validTo: '2024-01-01',
    source: `${CMS_KX}2023; ${STATUTE}`,
  },
  {
    year: 2024,
    amount: 2330,
    confidence: 'H',
    validFrom: '2024-01-01',
    validTo: '2025-01-01',
    source: `${CMS_KX}2024; ${STATUTE}`,
  },
  // Not $2,230 or $2,240 as some guides say: $2,230 is the 2023 amount, $2,240 never existed.
  {
    year: 2025,
    amount: 2410,
    confidence: 'M-H',
    validFrom: '2025-01-01',
    validTo: '2026-01-01',
    source: `${CMS_KX}2025; ${STATUTE}`,
  },
  {
    year: 2026,
    amount: 2480,
    confidence: 'M',
    validFrom: '2026-01-01',
    validTo: '2027-01-01',
    source: `${CMS_KX}2026; ${STATUTE}`,
  },
];

const BY_YEAR = new Map(KX_THRESHOLDS.map((t) => [t.year, t]));

/** The last date asked about and its answer: every KX check of a claim, keystroke after keystroke, asks for the same date. */
let lastDos: string | null = null;
let lastThreshold: KxThreshold | null = null;

/** The threshold for the calendar year of an ISO date of service, or null when we hold none for that year. */
export function kxThresholdFor(dos: string): KxThreshold | null {
  // The answer depends on the text alone: a repeated date skips the substring, the number and the Map read.
  if (dos === lastDos) return lastThreshold;
  const threshold = BY_YEAR.get(Number(dos.slice(0, 4))) ?? null;
  lastDos = dos;
  lastThreshold = threshold;
  return threshold;
}

/** Targeted medical review threshold, per group, per year, unchanged since it was set. */
export const REVIEW_THRESHOLD: Sourced & { amount: number } = {
  amount: 3000,
  confidence: 'H',
  validFrom: '2018-01-01',
  validTo: null,
  source: 'BBA 2018 §50202 (targeted medical review threshold); CMS Therapy Services',
};

/** Quoted in KX findings, so a reader knows which table judged the claim. */
export const KX_DATA_VERSION = 'built-in KX thresholds CY2022–CY2026';

/** Which threshold pot a discipline's charges accrue to. */
export type KxGroup = 'PT_SLP' | 'OT';
