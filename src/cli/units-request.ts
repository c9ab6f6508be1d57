import { isCodeShape, lookupCode } from '../core/data/codes';
import { normalizeMinutes } from '../core/normalize/minutes';
import type { UnitMethod, UnitsEntry } from '../core/units/types';

export interface UnitsRequest {
  method: UnitMethod;
  codes: UnitsEntry[];
}

export type ParsedUnitsRequest = { ok: true; request: UnitsRequest } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `{"method":"cms"|"ama","codes":[{"code":"97110","minutes":33}, ...]}` (design.md). Method
 * defaults to CMS when absent; minutes may be text such as "0:30"; untimed codes may omit
 * minutes and give `units`. The error is one line naming the field under `root` (`[2]` in an array).
 */
export function parseUnitsRequest(input: unknown, root = ''): ParsedUnitsRequest {
  const at = (path: string) =>
    root === '' ? path || 'input' : `${root}${path && (path.startsWith('[') ? '' : '.')}${path}`;
  const fail = (path: string, text: string): ParsedUnitsRequest => ({
    ok: false,
    error: `${at(path)}: ${text}`,
  });

  if (!isRecord(input)) return fail('', 'expected an object');
  const method = input.method ?? 'cms';
  if (method !== 'cms' && method !== 'ama') return fail('method', 'expected "cms" or "ama"');
  if (input.codes === undefined) return fail('codes', 'required');
  if (!Array.isArray(input.codes)) return fail('codes', 'expected a list');

  const codes: UnitsEntry[] = [];
  for (const [i, entry] of input.codes.entries()) {
    const path = `codes[${i}]`;
    if (!isRecord(entry)) return fail(path, 'expected an object');
    if (entry.code === undefined) return fail(`${path}.code`, 'required');
    const code =
      typeof entry.code === 'string' || typeof entry.code === 'number' ? String(entry.code).trim() : '';
    if (!isCodeShape(code)) return fail(`${path}.code`, 'expected a CPT or HCPCS code such as 97110');
    const timed = lookupCode(code)?.timed ?? true;
    let minutes = 0;
    if (entry.minutes !== undefined || timed) {
      if (entry.minutes === undefined) return fail(`${path}.minutes`, 'required');
      const read = normalizeMinutes(entry.minutes);
      if (!read.ok) return fail(`${path}.minutes`, read.reason);
      minutes = read.value;
    }
    const out: UnitsEntry = { code: code.toUpperCase(), minutes };
    if (entry.units !== undefined) {
      if (typeof entry.units !== 'number' || !Number.isInteger(entry.units) || entry.units < 1) {
        return fail(`${path}.units`, 'expected a whole number of units, 1 or more');
      }
      out.units = entry.units;
    }
    codes.push(out);
  }
  return { ok: true, request: { method, codes } };
}
