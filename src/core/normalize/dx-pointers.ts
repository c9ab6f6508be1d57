import { tidyDiagnosis } from './diagnosis';
import { fieldText, type Read, readEmpty, readFail, readOk } from './read';

/** The CMS-1500 has twelve diagnosis slots, A–L (box 21); pointers are letters or 1–12. */
const MAX_POINTERS = 12;
const SEPARATORS = /[\s,;/|+&]+|\band\b/i;

export interface DxPointers {
  /** 0-based indexes into the claim's diagnoses, in the order typed, each once. May name an empty slot. */
  pointers: number[];
  /** Tokens that point nowhere (`M`, `13`, a code not on the claim), as typed. */
  errors: string[];
}

function lettersToIndexes(token: string): number[] | null {
  if (!/^[A-L]+$/i.test(token)) return null;
  return [...token.toUpperCase()].map((letter) => letter.charCodeAt(0) - 65);
}

/** `2` → slot 2; `12` → slot 12 when the claim has twelve diagnoses, else slots 1 and 2 (typed without a comma). */
function digitsToIndexes(token: string, diagnosisCount: number): number[] | null {
  if (!/^\d+$/.test(token)) return null;
  const whole = Number(token);
  if (token.length === 1 || (whole >= 10 && whole <= MAX_POINTERS && whole <= diagnosisCount)) {
    return whole >= 1 && whole <= MAX_POINTERS ? [whole - 1] : null;
  }
  if (/^[1-9]+$/.test(token) && token.length <= MAX_POINTERS)
    return [...token].map((digit) => Number(digit) - 1);
  return null;
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
      const indexes =
        lettersToIndexes(token) ?? digitsToIndexes(token, diagnoses.length) ?? codeToIndex(token, diagnoses);
      if (!indexes) errors.push(token);
      for (const index of indexes ?? []) if (!pointers.includes(index)) pointers.push(index);
    }
  }
  return typed ? readOk({ pointers, errors }) : readEmpty('diagnosis pointers');
}
