/**
 * Paths and problems in the words a person can act on: `sites["portal.x.com"].profile:
 * unknown profile "foo"`. zod/mini carries no messages (bundle size), so they are built here.
 */

export interface SettingsIssue {
  /** e.g. `sites["portal.x.com"].profile`, `customProfiles[1].rules["units/invalid"]` */
  path: string;
  problem: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  values?: unknown[];
  format?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
}

function describe(issue: ZodIssueLike, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : String(issue.expected)}, got ${kindOf(value)}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}, got ${shortJson(value)}`;
    case 'invalid_format':
      return `not a valid ${issue.format === 'regex' ? 'value' : (issue.format ?? 'value')}: ${shortJson(value)}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `too short (at least ${String(issue.minimum)})`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `too long (at most ${String(issue.maximum)})`
        : `must be at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return `not an allowed key: ${shortJson(issue.path.at(-1))}`;
    case 'invalid_union':
      return `not an allowed value: ${shortJson(value)}`;
    default:
      return `invalid value ${shortJson(value)}`;
  }
}

/** Turns a zod/mini error into issues under `base`, with the offending value described (never echoed at length). */
export function issuesFromZod(
  error: { issues: readonly unknown[] },
  input: unknown,
  base: readonly PropertyKey[],
): SettingsIssue[] {
  return error.issues.map((raw) => {
    const issue = raw as ZodIssueLike;
    return {
      path: formatPath([...base, ...issue.path]),
      problem: describe(issue, valueAt(input, issue.path)),
    };
  });
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${shortJson(value)}`;
}

export function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
