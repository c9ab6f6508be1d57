import fc from 'fast-check';
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  exportSettings,
  importSettings,
  loadUserSettings,
  parseImport,
  type Settings,
} from '../../../src/settings';
import v1 from '../../../src/settings/testdata/settings-v1.json';

/**
 * Issue 6.5: a malformed settings import is rejected with a message that names what is wrong,
 * and loses nothing — whatever the file holds. The settings engineer's tests cover chosen bad
 * files; this throws generated ones at the real import, against the WXT fake storage.
 */
beforeEach(() => {
  fakeBrowser.reset();
});

const valid: Settings = (() => {
  const parsed = parseImport(JSON.stringify(v1));
  if (!parsed.ok) throw new Error(`the frozen v1 settings no longer import: ${parsed.errors.join('; ')}`);
  return parsed.settings;
})();
const validText = exportSettings(valid);

/** Every path into the valid export, so a mutation can hit any field at any depth. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}
const PATHS = pathsOf(JSON.parse(validText)).filter((p) => p.length > 0);

function replaceAt(path: (string | number)[], replacement: unknown): string {
  const copy = JSON.parse(validText);
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1] as string] = replacement;
  return JSON.stringify(copy);
}

const malformed = fc.oneof(
  // A file cut short (a partial download, a copy-paste that missed the end).
  fc.integer({ min: 0, max: validText.length - 2 }).map((n) => validText.slice(0, n)),
  // One field anywhere replaced by any JSON value.
  fc
    .tuple(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, value]) => replaceAt(path, value)),
  // Not settings at all.
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'undefined'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '\uFEFF',
    'null',
    '[]',
    '{"format":"something-else"}',
    `{"format":"charge-guard-settings","schemaVersion":${Number.MAX_SAFE_INTEGER}}`,
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
);

const FIELD_PATH = String.raw`[\w$-]+(?:\.[\w$-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*`;
const ERROR_LINE = new RegExp(`^${FIELD_PATH}: \\S`);

test('every malformed or foreign file is either a valid import or rejected with named problems, losing nothing', async () => {
  await fc.assert(
    fc.asyncProperty(malformed, async (text) => {
      fakeBrowser.reset();
      expect((await importSettings(validText)).ok).toBe(true);
      const before = JSON.stringify(await fakeBrowser.storage.local.get(null));

      const result = await importSettings(text);
      const after = JSON.stringify(await fakeBrowser.storage.local.get(null));
      if (result.ok) {
        // Accepted: what is stored is exactly what was validated.
        expect((await loadUserSettings()).user).toEqual(result.settings);
        return;
      }
      expect(result.errors.length).toBeGreaterThan(0);
      // Each problem names where it is ("file", or a field path: names, .key, [n], ["any key"])
      // and what is wrong. A quoted key may itself hold a colon (`sites[":"]`).
      for (const error of result.errors) expect(error).toMatch(ERROR_LINE);
      expect(after).toBe(before);
      expect((await loadUserSettings()).user).toEqual(valid);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }),
    { numRuns: 400 },
  );
});

test('a rejected import of a cut-short file says it is not JSON and keeps the user’s settings', async () => {
  await importSettings(validText);
  const result = await importSettings(validText.slice(0, validText.length / 2));
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors[0]).toMatch(/^file: /);
  expect((await loadUserSettings()).user).toEqual(valid);
});
