import type { Sourced } from './dated';

/**
 * Telehealth places of service and modifiers (facts §9). Medicare professional claims rely on
 * POS; many commercial payers still want 95 on each telehealth line; 93 marks audio-only.
 */
export interface TelehealthPos extends Sourced {
  pos: string;
  name: string;
}

const POS_SOURCE = 'CMS Place of Service Code Set';

export const TELEHEALTH_POS: readonly TelehealthPos[] = [
  {
    pos: '02',
    name: 'telehealth provided other than in the patient’s home',
    validFrom: '2017-01-01',
    validTo: null,
    confidence: 'H',
    source: POS_SOURCE,
  },
  {
    pos: '10',
    name: 'telehealth provided in the patient’s home',
    validFrom: '2022-01-01',
    validTo: null,
    confidence: 'H',
    source: POS_SOURCE,
  },
];

export const TELEHEALTH_POS_CODES: ReadonlySet<string> = new Set(TELEHEALTH_POS.map((p) => p.pos));

export const MODIFIER_95_SOURCE =
  'CPT modifier 95 (synchronous telemedicine); payer telehealth policies; CMS telehealth FAQ';
export const MODIFIER_93_SOURCE = 'CPT modifier 93 (audio-only)';

/**
 * Medicare pays therapists for telehealth only while Congress extends it: the Consolidated
 * Appropriations Act, 2026 extends it through 2027-12-31 (validTo is the first day after).
 */
export const MEDICARE_THERAPY_TELEHEALTH: Sourced = {
  validFrom: '2020-03-01',
  validTo: '2028-01-01',
  confidence: 'H',
  source: 'Consolidated Appropriations Act, 2026 (therapy telehealth through 2027-12-31); CMS telehealth FAQ',
};
