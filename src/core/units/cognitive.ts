import { COGNITIVE_ADD_ON, COGNITIVE_FIRST, type PreparedLine } from './prepare';
import { plural } from './table';
import type { UnitsLine } from './types';

/**
 * How 97129/97130 enter the count (facts §3, confidence M-L): both are timed and describe one
 * cognitive intervention, so their minutes are pooled into one timed service that counts
 * toward the day's total like any other code. Its units are then split: 97129 takes the first
 * (it covers the first 15 minutes, once a day), 97130 every further unit (an add-on, only
 * with 97129). A missing partner is added to the result when it earns units.
 */
export const COGNITIVE_NOTE =
  '97129/97130: their minutes are pooled as one cognitive intervention; 97129 takes the first unit (at most 1 a day), 97130 each further unit and only with 97129 (facts §3, confidence M-L: check the payer’s guidance).';

export function splitCognitive(pool: readonly PreparedLine[], units: number): UnitsLine[] {
  const minutes = pool.reduce((sum, line) => sum + line.minutes, 0);
  const first = Math.min(units, 1);
  const addOn = units - first;
  const typed = new Set(pool.map((line) => line.code));
  const together = `97129 + 97130 together: ${minutes} min → ${plural(units, 'unit')}`;
  const result: UnitsLine[] = [];

  if (typed.has(COGNITIVE_FIRST) || first > 0) {
    result.push({
      code: COGNITIVE_FIRST,
      minutes: pool.find((line) => line.code === COGNITIVE_FIRST)?.minutes ?? 0,
      units: first,
      timed: true,
      why: typed.has(COGNITIVE_FIRST)
        ? `${together}; 97129 takes the first unit only (once a day)`
        : `added: 97130 is billed only with 97129, which takes the first unit (${together})`,
    });
  }
  if (typed.has(COGNITIVE_ADD_ON) || addOn > 0) {
    result.push({
      code: COGNITIVE_ADD_ON,
      minutes: pool.find((line) => line.code === COGNITIVE_ADD_ON)?.minutes ?? 0,
      units: addOn,
      timed: true,
      why: typed.has(COGNITIVE_ADD_ON)
        ? `${together}; 97130 takes each unit after the first`
        : `added: the units after 97129's first one are billed as 97130 (${together})`,
    });
  }
  return result;
}
