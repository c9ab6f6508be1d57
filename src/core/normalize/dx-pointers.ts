import { tidyDiagnosis } from './diagnosis';
import { fieldText, type Read, readEmpty, readFail, readOk } from './read';

/** The CMS-1500 has twelve diagnosis slots, A–L (box 21); pointers are letters or 1–12. */
const MAX_POINTERS = 12;
const SEPARATORS = /[\s,;/|+&]+|\band\b/i;

export interface DxPointers {
  /** 0-based indexes into the claim's diagnoses, in the order typed, each once. May name an empty slot. */
  pointers: number[];
  /** Tokens that point nowhere (`M`, `13` with fewer than three diagnoses, a code not on the claim), as typed. */
  errors: string[];
  /** Tokens read one way that may mean another: `12` with fewer than ten diagnoses is read as 1 and 2, but may mean L. */
  guesses?: string[];
}

function lettersToIndexes(token: string): number[] | null {
  if (!/^[A-L]+$/i.test(token)) return null;
  return [...token.toUpperCase()].map((letter) => letter.charCodeAt(0) - 65);
}

/**
 * Numbers as typed. One digit is its slot. `10`–`12` are slots J–L when the claim has ten or more
 * diagnoses; with fewer, `11`/`12` are read as digits typed without a comma (1 and 2) but kept as a
 * guess for dx/pointer to confirm, since they may still mean K/L. Longer runs (`13`, `123`) can
 * only be digits, and are read so only when every digit names a diagnosis the claim has: `13`
 * with one diagnosis is no pointer at all, not "1, and an empty 3".
 */
function digitsToIndexes(
  token: string,
  diagnosisCount: number,
): { indexes: number[]; guess: boolean } | null {
  if (!/^\d+$/.test(token)) return null;
  const whole = Number(token);
  if (token.length === 1) return whole >= 1 ? { indexes: [whole - 1], guess: false } : null;
  const slot = whole >= 10 && whole <= MAX_POINTERS;
  if (slot && diagnosisCount >= 10) return { indexes: [whole - 1], guess: false };
  if (/^[1-9]+$/.test(token) && token.length <= MAX_POINTERS) {
    const digits = [...token].map((digit) => Number(digit) - 1);
    if (digits.every((d) => d < diagnosisCount)) return { indexes: digits, guess: slot };
  }
  // "10" with fewer than ten diagnoses: slot J, which dx/pointer reports as empty.
  return slot ? { indexes: [whole - 1], guess: false } : null;
}

function codeToIndex(token: string, diagnoses: readonly (string | null)[]): number[] | null {
  const code = tidyDiagnosis(token);
  const index = diagnoses.indexOf(code);
  return index >= 0 ? [index] : null;
}

/**
 * Diagnosis pointers as typed: letters `A`, `AB`, `A,B`, `A B`; numbers `1,2` (1-based, as on
 * screen); or the diagnosis codes themselves (`I69.351`, `i69351`), found in `diagnoses`
 * (already normalised). Tokens that resolve to nothing are returned in `errors` for `dx/pointer`.
 */
export function normalizeDxPointers(
  input: unknown,
  diagnoses: readonly (string | null)[] = [],
): Read<DxPointers> {
  const boxes = Array.isArray(input) ? input : [input];
  const pointers: number[] = [];
  const errors: string[] = [];
  const guesses: string[] = [];
  let typed = false;
  for (const box of boxes) {
    if (typeof box === 'string' && box.length === 1 && box >= 'A' && box <= 'L') {
      typed = true;
      const index = box.charCodeAt(0) - 65;
      if (!pointers.includes(index)) pointers.push(index);
      continue;
    }
    const text = fieldText(box);
    if (text === null) continue;
    if (text === undefined) return readFail('expected diagnosis pointers such as A, AB or 1,2');
    for (const token of text.split(SEPARATORS)) {
      if (!token) continue;
      typed = true;
      let indexes = lettersToIndexes(token);
      if (!indexes) {
        const digits = digitsToIndexes(token, diagnoses.length);
        if (digits?.guess) guesses.push(token);
        indexes = digits ? digits.indexes : codeToIndex(token, diagnoses);
      }
      if (!indexes) errors.push(token);
      for (const index of indexes ?? []) if (!pointers.includes(index)) pointers.push(index);
    }
  }
  if (!typed) return readEmpty('diagnosis pointers');
  return readOk(guesses.length > 0 ? { pointers, errors, guesses } : { pointers, errors });
}
