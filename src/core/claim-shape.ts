import type { RawClaim } from './claim';

/**
 * The structure RawClaimSchema (claim.ts) describes, checked by hand: the content script checks
 * a claim on every keystroke, and zod would cost 28 KB of its 25 KB budget and more time than
 * all the rules. The first problem is named exactly as parseClaim words it from zod's first
 * issue (same order: the schema's keys, then lines in order); a property test holds the two equal.
 */

/** `["lines", 2, "units"]` → `lines[2].units`, under a root such as `[3]` (an array item) or nothing. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let text = root;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text;
}

const SCALAR = 'expected a string or number';
const LIST = 'expected a list or string';
const OBJECT = 'expected an object';

/** Line keys in the schema's order (zod reports the first failing key in this order). */
const LINE_KEYS = [
  'code',
  'modifiers',
  'units',
  'minutes',
  'dxPointers',
  'charge',
  'dateOfService',
  'placeOfService',
] as const;
const CLAIM_SCALARS = ['payer', 'dateOfService', 'placeOfService', 'discipline', 'renderedBy'] as const;

interface Problem {
  path: PropertyKey[];
  text: string;
}

/** What zod's object schemas accept: anything typeof object but null and arrays (class instances too). */
function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

const LIST_OK = -2;
const NOT_A_LIST = -1;

/** An optional list field (undefined, null, a string, or an array of scalars): LIST_OK, NOT_A_LIST, or the first bad item's index. */
function listCheck(v: unknown): number {
  if (v === undefined || v === null || typeof v === 'string') return LIST_OK;
  if (!Array.isArray(v)) return NOT_A_LIST;
  for (let i = 0; i < v.length; i++) if (!isScalar(v[i])) return i;
  return LIST_OK;
}

/** Paths are built only once something is wrong: the valid claim, checked on every keystroke, allocates nothing. */
function listProblem(v: unknown, path: PropertyKey[]): Problem | null {
  const at = listCheck(v);
  if (at === LIST_OK) return null;
  return at === NOT_A_LIST ? { path, text: LIST } : { path: [...path, at], text: SCALAR };
}

/** Optional scalar: absent, or text, a finite number or null. */
function badScalar(v: unknown): boolean {
  return v !== undefined && !isScalar(v);
}

function lineProblem(line: unknown, i: number): Problem | null {
  if (!isObjectLike(line)) return { path: ['lines', i], text: line === undefined ? 'required' : OBJECT };
  // One quick pass over the keys; only a line with a problem is walked again, in the schema's order.
  if (
    !badScalar(line.code) &&
    listCheck(line.modifiers) === LIST_OK &&
    !badScalar(line.units) &&
    !badScalar(line.minutes) &&
    listCheck(line.dxPointers) === LIST_OK &&
    !badScalar(line.charge) &&
    !badScalar(line.dateOfService) &&
    !badScalar(line.placeOfService)
  )
    return null;
  for (const key of LINE_KEYS) {
    const value = line[key];
    if (key === 'modifiers' || key === 'dxPointers') {
      if (listCheck(value) !== LIST_OK) return listProblem(value, ['lines', i, key]);
    } else if (badScalar(value)) return { path: ['lines', i, key], text: SCALAR };
  }
  return null;
}

function firstProblem(input: unknown): Problem | null {
  if (!isObjectLike(input)) return { path: [], text: OBJECT };
  for (const key of CLAIM_SCALARS) {
    const value = input[key];
    if (value !== undefined && !isScalar(value)) return { path: [key], text: SCALAR };
  }
  const ytd = input.ytdTherapyCharges;
  if (ytd !== undefined && ytd !== null) {
    if (!isObjectLike(ytd)) return { path: ['ytdTherapyCharges'], text: OBJECT };
    for (const key of ['PT_SLP', 'OT']) {
      const value = ytd[key];
      if (value !== undefined && !isScalar(value)) return { path: ['ytdTherapyCharges', key], text: SCALAR };
    }
  }
  if (listCheck(input.diagnoses) !== LIST_OK) return listProblem(input.diagnoses, ['diagnoses']);
  const lines = input.lines;
  if (!Array.isArray(lines))
    return { path: ['lines'], text: lines === undefined ? 'required' : 'expected a list' };
  for (let i = 0; i < lines.length; i++) {
    const problem = lineProblem(lines[i], i);
    if (problem) return problem;
  }
  return null;
}

/** Null for a claim RawClaimSchema accepts; else one line naming the first bad field, e.g. `lines[2].units: expected a string or number`. */
export function claimShapeError(input: unknown, root = ''): string | null {
  const problem = firstProblem(input);
  return problem ? `${formatPath(problem.path, root) || 'claim'}: ${problem.text}` : null;
}

export function isClaimShape(input: unknown): input is RawClaim {
  return firstProblem(input) === null;
}
