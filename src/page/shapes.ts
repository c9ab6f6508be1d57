import { isCodeShape } from '../core/data/codes';
import { isIcd10Shape } from '../core/data/dx';
import { isModifierShape } from '../core/data/modifiers';

/**
 * Value shapes that support (never decide alone) what a field holds. Code and ICD-10 shapes
 * come from the core's data tables so the page and the rules agree on what a code looks like.
 */

/** A code at the start of a description cell: "97535 SELF CARE MNGMENT TRAINING", "97110 - Ther ex". */
const LEADING_CODE = /^\s*([A-Za-z]?\d{4}[0-9A-Za-z]?)\s*(?:[-–—:]\s*)?(?=[A-Za-z]{3,})/;

/** What must follow the code's four digits for `leadingCode` to match (its optional last character first). */
const LEADING_CODE_TAIL = /[0-9A-Za-z]?\s*(?:[-–—:]\s*)?[A-Za-z]{3}/y;

/** Maximal runs of four or more digits (a run is never preceded by a digit, so each match is whole). */
const DIGIT_RUNS = /\d{4,}/g;

/**
 * Could some piece of this text (a table's text: its cells run together) start with a code
 * that `leadingCode` reads? False is certain; true may be wrong. The regex engine finds the
 * runs of four or more digits (texts full of dates stay cheap), and a sticky test runs only
 * where such a run ends.
 */
export function mayHoldLeadingCode(text: string): boolean {
  DIGIT_RUNS.lastIndex = 0;
  for (let m = DIGIT_RUNS.exec(text); m; m = DIGIT_RUNS.exec(text)) {
    const run = m[0].length;
    const end = m.index + run;
    // The code's digits end where the run ends, or one before when its optional last character is a digit.
    if (tailAt(text, end) || (run >= 5 && tailAt(text, end - 1))) return true;
  }
  return false;
}

function tailAt(text: string, at: number): boolean {
  LEADING_CODE_TAIL.lastIndex = at;
  return LEADING_CODE_TAIL.test(text);
}

export function leadingCode(text: string): string | null {
  const m = LEADING_CODE.exec(text);
  const code = m?.[1];
  return code && isCodeShape(code) ? code.toUpperCase() : null;
}

export function looksLikeCode(value: string): boolean {
  return isCodeShape(value.trim()) || leadingCode(value) !== null;
}

/** "i69351", "Z74.09", "m62.81 " — people type codes without the dot and in lower case. */
export function looksLikeIcd(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (isIcd10Shape(v)) return true;
  return /^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/.test(v) && isIcd10Shape(`${v.slice(0, 3)}.${v.slice(3)}`);
}

/** One or more ICD-10 codes separated by commas, semicolons, spaces or new lines. */
export function looksLikeIcdList(value: string): boolean {
  const parts = value.split(/[\s,;|]+/).filter(Boolean);
  return parts.length > 0 && parts.every(looksLikeIcd);
}

/** "GP", "gp:kx", "GO 59", "GP,KX,59": one or more two-character modifiers. */
export function looksLikeModifiers(value: string): boolean {
  const parts = value
    .trim()
    .toUpperCase()
    .split(/[\s:,;/|-]+/)
    .filter(Boolean);
  return parts.length > 0 && parts.length <= 4 && parts.every(isModifierShape);
}

export function looksLikeSmallCount(value: string): boolean {
  return /^\s*\d{1,3}(\.\d+)?\s*$/.test(value);
}

export function looksLikeMinutes(value: string): boolean {
  return /^\s*\d{1,3}\s*(m|min|mins|minutes)?\s*$/i.test(value);
}

/** "A", "AB", "A,B", "1 2", "A:B:C:D" (box 24E): letters A–L or numbers 1–12. */
export function looksLikePointers(value: string): boolean {
  const v = value.trim().toUpperCase();
  return /^[A-L]{1,4}$/.test(v) || /^([A-L]|1[0-2]|[1-9])([\s,;:/-]+([A-L]|1[0-2]|[1-9])){0,3}$/.test(v);
}

export function looksLikePos(value: string): boolean {
  return /^\s*\d{2}\b/.test(value);
}

export function looksLikeDate(value: string): boolean {
  return /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{6}|\d{8})\s*$/.test(value);
}

export function looksLikeMoney(value: string): boolean {
  return /^\s*\$?\s*\d{1,3}(,?\d{3})*(\.\d{1,2})?\s*$/.test(value);
}
