/**
 * Paths and problems in the words a person can act on: `sites["portal.x.com"].profile:
 * unknown profile "foo"`.
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

export function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
