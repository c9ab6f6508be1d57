import { type RawClaim, RawClaimSchema } from './claim';
import { formatPath, isClaimShape } from './claim-shape';

export { formatPath };

export type ParseClaimResult = { ok: true; claim: RawClaim } | { ok: false; error: string };

/** The parts of a zod v4 issue this file reads (zod/mini exposes the same shape). */
interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  errors?: Issue[][];
  message: string;
}

const NAMES: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "a string or number": the first kind with its article, the rest bare, as people say it. */
function expectedText(kinds: string[]): string {
  const names = [...new Set(kinds)].filter((kind) => kind !== 'null').map((kind) => NAMES[kind] ?? kind);
  if (names.length === 0) return 'a different value';
  return names.map((name, i) => (i === 0 ? name : name.replace(/^(an?|the) /, ''))).join(' or ');
}

/**
 * One issue as one line. A union (the lenient leaves: text or number) that failed inside one of
 * its branches is followed into that branch, so `diagnoses[1]` is named rather than `diagnoses`.
 */
function explain(
  issue: Issue,
  input: unknown,
  base: readonly PropertyKey[],
): { path: PropertyKey[]; text: string } {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors) {
    const deeper = issue.errors
      .map((branch) => branch[0])
      .find((first) => first !== undefined && first.path.length > 0);
    if (deeper) return explain(deeper, input, path);
    const kinds = issue.errors
      .flat()
      .flatMap((e) => (e.code === 'invalid_type' && e.expected ? [e.expected] : []));
    return { path, text: `expected ${expectedText(kinds)}` };
  }
  if (issue.code === 'invalid_type') {
    if (path.length > 0 && valueAt(input, path) === undefined) return { path, text: 'required' };
    return { path, text: `expected ${expectedText([issue.expected ?? ''])}` };
  }
  return { path, text: issue.message };
}

/**
 * Checks that the input has the shape of a Claim (design.md): an object whose `lines` is a
 * list of objects, each leaf text or a number. What the leaves mean is `normalizeClaim`'s job.
 * The error is one line naming the field, e.g. `lines[2].units: expected a string or number`;
 * `root` names the claim inside a larger input (`[3]` → `[3].lines: required`).
 */
export function parseClaimAt(input: unknown, root: string): ParseClaimResult {
  try {
    if (isClaimShape(input)) return { ok: true, claim: input };
    const result = RawClaimSchema.safeParse(input);
    if (result.success) return { ok: true, claim: result.data };
    const first = result.error.issues[0] as Issue | undefined;
    if (!first) return { ok: false, error: `${root || 'claim'}: not a claim` };
    const { path, text } = explain(first, input, []);
    return { ok: false, error: `${formatPath(path, root) || 'claim'}: ${text}` };
  } catch {
    return { ok: false, error: `${root || 'claim'}: could not be read` };
  }
}

export function parseClaim(input: unknown): ParseClaimResult {
  return parseClaimAt(input, '');
}
