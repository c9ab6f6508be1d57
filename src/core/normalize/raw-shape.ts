import type { RawClaim } from '../claim';

/**
 * A hand-written check of the RawClaimSchema structure, for the hot path: the content script
 * checks claims on every keystroke and zod's parse costs more than all normalisation. It only
 * ever says "certainly valid"; anything it doubts goes to the schema, which also words the
 * error. A property test holds it to the schema (never true where the schema says no).
 */
const LINE_SCALARS = ['code', 'units', 'minutes', 'charge', 'dateOfService', 'placeOfService'] as const;
const LINE_LISTS = ['modifiers', 'dxPointers'] as const;
const CLAIM_SCALARS = ['payer', 'dateOfService', 'placeOfService', 'discipline', 'renderedBy'] as const;

function isScalar(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isList(value: unknown): boolean {
  if (!Array.isArray(value)) return isScalar(value) && typeof value !== 'number';
  for (const item of value) if (item === undefined || !isScalar(item)) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isCertainlyRawClaim(input: unknown): input is RawClaim {
  if (!isPlainObject(input) || !Array.isArray(input.lines)) return false;
  for (const key of CLAIM_SCALARS) if (!isScalar(input[key])) return false;
  if (!isList(input.diagnoses)) return false;
  const ytd = input.ytdTherapyCharges;
  if (ytd !== undefined && ytd !== null) {
    if (!isPlainObject(ytd) || !isScalar(ytd.PT_SLP) || !isScalar(ytd.OT)) return false;
  }
  for (const line of input.lines) {
    if (!isPlainObject(line)) return false;
    for (const key of LINE_SCALARS) if (!isScalar(line[key])) return false;
    for (const key of LINE_LISTS) if (!isList(line[key])) return false;
  }
  return true;
}
