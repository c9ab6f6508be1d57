import { KNOWN_MODIFIERS } from '../data/modifiers';
import { fieldText, type Read, readEmpty, readFail, readOk } from './read';

/** What people put between modifiers in one box: space, comma, colon, semicolon, hyphen, dot, slash, pipe, plus, brackets. */
export const MODIFIER_SEPARATORS = /[\s,:;.\-/|+()[\]]+/;

/**
 * A run typed without separators ("GPKX") is split into pairs only when every pair is a
 * modifier we know: "GPKX" → GP, KX and "59XU" → 59, XU, but "GOO" or "ABCD" stay whole so
 * `modifier/unknown` can show the biller exactly what they typed.
 */
export function splitRun(run: string): string[] {
  if (run.length <= 2 || run.length % 2 !== 0) return [run];
  const pairs = run.match(/.{2}/g) ?? [run];
  return pairs.every((pair) => KNOWN_MODIFIERS.has(pair)) ? pairs : [run];
}

/** The common case, one clean modifier per box, skips the splitting. */
const CLEAN_MODIFIER = /^[A-Z0-9]{2}$/;

function tokensOf(text: string): string[] {
  return text
    .toUpperCase()
    .split(MODIFIER_SEPARATORS)
    .filter((token) => token !== '')
    .flatMap(splitRun);
}

/**
 * Modifiers from one box or several: `GP KX`, `gp,kx`, `GP:KX`, `GP-59`, `GPKX`, or an array
 * of boxes. Upper case, in the order typed, duplicates kept (rules report them). Tokens that
 * are not modifiers are kept too, upper-cased, for `modifier/unknown`.
 */
export function normalizeModifiers(input: unknown): Read<string[]> {
  const boxes = Array.isArray(input) ? input : [input];
  const modifiers: string[] = [];
  for (const box of boxes) {
    if (typeof box === 'string' && CLEAN_MODIFIER.test(box)) {
      modifiers.push(box);
      continue;
    }
    const text = fieldText(box);
    if (text === null) continue;
    if (text === undefined) return readFail('expected modifiers as text, such as "GP KX"');
    modifiers.push(...tokensOf(text));
  }
  return modifiers.length === 0 ? readEmpty('modifiers') : readOk(modifiers);
}
