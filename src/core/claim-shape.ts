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

const OBJECT = 'expected an object';

interface Problem {
  path: PropertyKey[];
  text: string;
}

/** What zod's object schemas accept: anything typeof object but null and arrays (class instances too). */
function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Only the structure can make an input "not a claim": an object, a `lines` list, each line an
 * object. Leaves are normalizeClaim's to read and report (RawClaimSchema takes them as they come).
 */
function firstProblem(input: unknown): Problem | null {
  if (!isObjectLike(input)) return { path: [], text: OBJECT };
  const lines = input.lines;
  if (!Array.isArray(lines))
    return { path: ['lines'], text: lines === undefined ? 'required' : 'expected a list' };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!isObjectLike(line)) return { path: ['lines', i], text: line === undefined ? 'required' : OBJECT };
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
