import { type Confidence, SINCE_EVER } from './dated';
import type { NcciPair } from './edit-tables';

/**
 * The pairs we can document without the quarterly CMS file (facts §6). Deliberately short: a
 * user who loads the current CMS practitioner PTP file gets the full table (with exact
 * effective dates), and its version then appears in findings instead of this one. Our sources
 * do not give effective dates for these rows, so they apply to any date of service.
 */
export const NCCI_BUILT_IN_VERSION = 'built-in, documented pairs';

type DocumentedPair = NcciPair & { confidence: Confidence };

const MLN_59 = 'CMS MLN fact sheet "Proper Use of Modifier 59", example 9; NCCI practitioner PTP edits';
const PTP = 'CMS NCCI practitioner PTP edits (therapy evaluation rows), per payer and APTA summaries';

function pair(column1: string, column2: string, confidence: Confidence, source: string): DocumentedPair {
  return { column1, column2, modifierIndicator: 1, effective: SINCE_EVER, deleted: null, confidence, source };
}

export const NCCI_PAIRS: readonly DocumentedPair[] = [
  // Modifier on 97530, and only when the two were done in separate 15-minute blocks.
  pair('97140', '97530', 'H', MLN_59),
  // Re-evaluations bundle into therapeutic activities and group therapy; modifier on the re-evaluation.
  pair('97530', '97164', 'M', PTP),
  pair('97150', '97164', 'M', PTP),
  pair('97530', '97168', 'M', PTP),
  pair('97150', '97168', 'M', PTP),
  // PT initial evaluations with manual therapy; modifier on 97140.
  pair('97161', '97140', 'M', PTP),
  pair('97162', '97140', 'M', PTP),
  pair('97163', '97140', 'M', PTP),
];

/**
 * Combinations guides wrongly say need 59. No edit pairs them (97530+97110: H) or none is
 * documented (the others: U). Kept as data so the "59 without a pair" check and the tests can
 * name them: demanding 59 here would itself be an audit risk.
 */
export const NCCI_NON_PAIRS: readonly { codes: [string, string]; confidence: Confidence; source: string }[] =
  [
    {
      codes: ['97530', '97110'],
      confidence: 'H',
      source: 'CMS NCCI practitioner PTP table: no edit for 97530 with 97110',
    },
    { codes: ['97530', '97535'], confidence: 'U', source: 'No documented NCCI edit (facts §6)' },
    ...['97165', '97166', '97167', '97168'].map((evaluation) => ({
      codes: ['97535', evaluation] as [string, string],
      confidence: 'U' as const,
      source: 'No documented NCCI edit (facts §6)',
    })),
  ];
