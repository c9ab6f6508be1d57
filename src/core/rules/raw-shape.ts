import type { RawClaim } from '../claim';

/**
 * A hand-written twin of RawClaimSchema, for the hot path: zod parsing a twelve-line claim
 * costs more than all the rules together. It accepts only a subset of what the schema
 * accepts (plain objects, finite numbers), so when it says yes the schema would too; when it
 * says no, the caller runs the schema for its one-line error. A test holds the two together.
 */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isScalar(v: unknown): boolean {
  return (
    v === undefined || v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
  );
}

/** A list field: an array of scalars, or one string to split, or nothing (a bare number is not a list). */
function isList(v: unknown): boolean {
  if (!Array.isArray(v)) return v === undefined || v === null || typeof v === 'string';
  for (const item of v) if (item === undefined || !isScalar(item)) return false;
  return true;
}

const LINE_SCALARS = ['code', 'units', 'minutes', 'charge', 'dateOfService', 'placeOfService'] as const;
const CLAIM_SCALARS = ['payer', 'dateOfService', 'placeOfService', 'discipline', 'renderedBy'] as const;

function isRawLine(v: unknown): boolean {
  if (!isPlain(v)) return false;
  for (const key of LINE_SCALARS) if (!isScalar(v[key])) return false;
  return isList(v.modifiers) && isList(v.dxPointers);
}

export function isRawClaimShape(v: unknown): v is RawClaim {
  if (!isPlain(v) || !Array.isArray(v.lines)) return false;
  for (const key of CLAIM_SCALARS) if (!isScalar(v[key])) return false;
  if (!isList(v.diagnoses)) return false;
  const ytd = v.ytdTherapyCharges;
  if (ytd !== undefined && ytd !== null && (!isPlain(ytd) || !isScalar(ytd.PT_SLP) || !isScalar(ytd.OT)))
    return false;
  for (const line of v.lines) if (!isRawLine(line)) return false;
  return true;
}
