import { isIcd10Shape } from '../data/dx';
import { type Read, readFail, readOk, startRead } from './read';

/** Letter, digit, digit-or-letter, then up to four more characters, typed without the dot. */
const UNDOTTED = /^([A-Z]\d[0-9A-Z])([0-9A-Z]{1,4})$/;

/** A pick list's "I69.351 - Hemiplegia ..." or "R69 Illness, unspecified": the code, then words. */
const WITH_DESCRIPTION =
  /^([A-Za-z]\d[0-9A-Za-z](?:\.?[0-9A-Za-z]{1,4})?)\s*(?:[-–—:]\s*|\s)(?=[A-Za-z]{3,})/;

/**
 * Upper case, spaces removed, the dot put back after the third character: `i69351` → `I69.351`,
 * `m54.50` → `M54.50`, `M54 50` → `M54.50`, `I69.351 - Hemiplegia...` → `I69.351`. Text that is not ICD-10-CM shaped comes back
 * upper-cased for `dx/invalid` to show.
 */
export function tidyDiagnosis(text: string): string {
  // The common case, already upper case and dotted (the ICD-10-CM shape itself), is returned as is.
  if (isIcd10Shape(text)) return text;
  const described = WITH_DESCRIPTION.exec(text.trim());
  // A trailing dot stays: "M54." is a header typed halfway, not M54 (facts §8: a dot, then 1–4 characters).
  const compact = (described ? described[1]! : text).toUpperCase().replace(/\s+/g, '');
  const undotted = UNDOTTED.exec(compact);
  return undotted ? `${undotted[1]}.${undotted[2]}` : compact;
}

/** One ICD-10-CM code as typed. Fails (with the tidied text kept by the caller) when not ICD-shaped. */
export function normalizeDiagnosis(input: unknown): Read<string> {
  const start = startRead<string>(input, 'diagnosis code');
  if (!('text' in start)) return start;
  const code = tidyDiagnosis(start.text);
  if (!isIcd10Shape(code)) return readFail('expected an ICD-10-CM code such as I69.351 or M54.50');
  return readOk(code);
}
