import { type Read, readFail, readOk, startRead } from './read';

/** `11`, `2` (→ `02`), `POS 11`, `11 - Office`, `02: Telehealth`: the two-digit code leads. */
const POS = /^(?:pos\s*[:#-]?\s*)?(\d{1,2})(?:\s*(?:[-:–—]|\s)\s*\D.*)?$/i;

/** Exactly two digits 0-9, by character codes rather than a regex: read for the claim and for every line that has its own. */
function isTwoDigits(text: string): boolean {
  if (text.length !== 2) return false;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/** Place of service (CMS-1500 box 24B) as the two-digit code CMS publishes. */
export function normalizePlaceOfService(input: unknown): Read<string> {
  if (typeof input === 'string' && isTwoDigits(input) && input !== '00') return readOk(input);
  const start = startRead<string>(input, 'place of service');
  if (!('text' in start)) return start;
  const match = POS.exec(start.text);
  if (!match || Number(match[1]) === 0)
    return readFail('expected a two-digit place of service code such as 11 or 02');
  return readOk(match[1]!.padStart(2, '0'));
}
