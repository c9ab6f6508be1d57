import { lookupCode, THERAPY_CODES } from '../core/data/codes';
import { countUnits, type UnitMethod, type UnitsResult } from '../core/units';

/**
 * The popup calculator as plain data: rows typed by the user in, both methods' results and
 * the text a biller pastes out. Minutes live only in the popup's memory, never in storage.
 */
export interface CalcRow {
  id: number;
  code: string;
  minutes: string;
}

export interface Comparison {
  cms: UnitsResult;
  ama: UnitsResult;
  /** Rows with a code, in the order typed. */
  filled: number;
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

export function compare(rows: readonly CalcRow[]): Comparison {
  const entries = rows
    .map((row) => ({ code: normalizeCode(row.code), minutes: row.minutes.trim() }))
    .filter((entry) => entry.code !== '');
  return { cms: countUnits('cms', entries), ama: countUnits('ama', entries), filled: entries.length };
}

export const METHOD_LABEL: Record<UnitMethod, string> = { cms: 'CMS', ama: 'AMA' };

/**
 * "97110 x2, 97140 x1 — 40 timed min (CMS)". Codes that get no unit are named as not billed
 * rather than written "x0"; ties are named, because the clinician chooses where that unit goes.
 */
export function copyText(result: UnitsResult): string {
  const billed = result.lines.filter((line) => line.units > 0).map((line) => `${line.code} x${line.units}`);
  const unbilled = result.lines.filter((line) => line.units === 0).map((line) => line.code);
  const extras = [METHOD_LABEL[result.method]];
  for (const tie of result.ties)
    extras.push(`tie: ${tie.units} unit${tie.units === 1 ? '' : 's'} may go on ${tie.codes.join(' or ')}`);
  if (unbilled.length) extras.push(`not billed: ${unbilled.join(', ')}`);
  return `${billed.join(', ') || 'no units'} — ${result.totalTimedMinutes} timed min (${extras.join('; ')})`;
}

export interface CodeSuggestion {
  code: string;
  name: string;
  timed: boolean;
}

/** Codes to suggest, from the therapy table (current codes only: no end date). */
export const CODE_SUGGESTIONS: readonly CodeSuggestion[] = THERAPY_CODES.filter(
  (c) => c.validTo === null,
).map((c) => ({ code: c.code, name: c.name, timed: c.timed }));

export function codeName(code: string): string | null {
  return lookupCode(normalizeCode(code))?.name ?? null;
}
