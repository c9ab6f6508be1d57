import type { Confidence } from './dated';
import type { MueEntry } from './edit-tables';

/**
 * Daily unit maximums we can source (facts §7). CMS publishes the full MUE table quarterly;
 * a loaded file replaces this list. Findings word these as "above the usual maximum" because
 * most values here are secondary sources.
 */
export const MUE_BUILT_IN_VERSION = 'built-in, documented maximums';

export const MUE: readonly (MueEntry & { confidence: Confidence })[] = [
  {
    code: '97535',
    maxUnits: 8,
    confidence: 'M',
    source: 'State Medicaid bulletin (MUE 97535: 8 units per day)',
  },
  // "First 15 minutes" in the descriptor: it can only be billed once a day; 97130 adds time.
  { code: '97129', maxUnits: 1, confidence: 'M', source: 'CPT descriptor for 97129 ("initial 15 minutes")' },
  // An evaluation or re-evaluation is one service per session, billed as one unit (facts §3 lists them as untimed).
  ...['97161', '97162', '97163', '97164', '97165', '97166', '97167', '97168'].map((code) => ({
    code,
    maxUnits: 1,
    confidence: 'M' as const,
    source:
      'CPT PT/OT evaluation descriptors (one evaluation per session, untimed); CMS MUE practitioner table',
  })),
];
