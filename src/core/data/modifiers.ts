import type { Discipline } from '../claim';
import { type Confidence, SINCE_EVER, type Sourced } from './dated';

/**
 * Modifier facts (facts §3, §4, §10). A modifier is two alphanumeric characters; the list of
 * known ones is what a therapy biller meets, so anything else of the right shape is only "not
 * one we know", never an error.
 */
const MODIFIER_SHAPE = /^[A-Z0-9]{2}$/;

export function isModifierShape(token: string): boolean {
  return MODIFIER_SHAPE.test(token);
}

export const DISCIPLINE_MODIFIER: Readonly<Record<Discipline, string>> = { PT: 'GP', OT: 'GO', SLP: 'GN' };
export const DISCIPLINE_OF_MODIFIER: ReadonlyMap<string, Discipline> = new Map([
  ['GP', 'PT'],
  ['GO', 'OT'],
  ['GN', 'SLP'],
]);
export const DISCIPLINE_SOURCE = 'CMS Pub. 100-04, ch. 5, §20; CMS annual therapy code list';

/** Assistant modifiers and the one discipline modifier each may go with (none goes with GN). */
export const ASSISTANT_MODIFIERS: ReadonlyMap<string, { discipline: Discipline; name: string }> = new Map([
  ['CQ', { discipline: 'PT', name: 'a physical therapist assistant' }],
  ['CO', { discipline: 'OT', name: 'an occupational therapy assistant' }],
]);
export const ASSISTANT_SOURCE =
  'CMS "Billing Examples Using CQ/CO Modifiers"; Pub. 100-04, ch. 5, §20.1; Pub. 100-02, ch. 15, §230.3';

/** Distinct-service modifiers: 59 or one of the more specific X{E,S,P,U}, never both on a line. */
export const DISTINCT_SERVICE_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);
export const X_MODIFIERS: ReadonlySet<string> = new Set(['XE', 'XS', 'XP', 'XU']);
export const MODIFIER_59_SOURCE = 'CMS MLN fact sheet "Proper Use of Modifier 59"; NCCI Policy Manual, ch. 1';

export interface ModifierConflict extends Sourced {
  a: string;
  b: string;
  why: string;
}

const LIABILITY = 'CMS Pub. 100-04, ch. 30, §40.3 (liability modifiers GA, GZ, GY)';
const LIABILITY_WHY =
  'GA (ABN on file), GZ (no ABN, denial expected) and GY (statutorily excluded) each state a different liability';

function conflict(
  a: string,
  b: string,
  why: string,
  source: string,
  confidence: Confidence,
): ModifierConflict {
  return { a, b, why, source, confidence, validFrom: SINCE_EVER, validTo: null };
}

/** Pairs that must never share a line (facts §10). */
export const MODIFIER_CONFLICTS: readonly ModifierConflict[] = [
  conflict('GA', 'GZ', LIABILITY_WHY, LIABILITY, 'H'),
  conflict('GA', 'GY', LIABILITY_WHY, LIABILITY, 'H'),
  conflict('GZ', 'GY', LIABILITY_WHY, LIABILITY, 'H'),
  ...[...X_MODIFIERS].map((x) =>
    conflict(
      '59',
      x,
      `59 and ${x} both say "distinct service": use the more specific ${x} alone`,
      MODIFIER_59_SOURCE,
      'H',
    ),
  ),
];

/** Modifiers a therapy biller meets; tokens of the right shape outside this list are "not one we know". */
export const KNOWN_MODIFIERS: ReadonlySet<string> = new Set([
  // discipline and assistant
  'GP',
  'GO',
  'GN',
  'CQ',
  'CO',
  // thresholds and liability
  'KX',
  'GA',
  'GZ',
  'GY',
  'GX',
  // distinct service and repeat
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  '76',
  '77',
  // telehealth
  '95',
  '93',
  'GT',
  'FQ',
  'FR',
  // others seen on therapy and E/M lines
  '25',
  '52',
  '22',
  'KF',
  'LT',
  'RT',
  '50',
  'CR',
  'AT',
  'GW',
  'Q5',
  'Q6',
  'JW',
  'JZ',
]);

/** Why 25 and 52 do not belong on therapy lines (facts §10). */
export const MODIFIER_25_SOURCE =
  'CPT modifier 25 (significant, separately identifiable E/M service); NCCI Policy Manual, ch. 11';
export const MODIFIER_52_SOURCE = 'CMS Pub. 100-04, ch. 5, §20.2 (minutes set units); CPT modifier 52';
