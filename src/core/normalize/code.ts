import { MODIFIER_SEPARATORS, splitRun } from './modifiers';
import { type Read, readFail, readOk, startRead } from './read';

export interface CodeField {
  /** Upper case CPT/HCPCS. */
  code: string;
  /** Modifiers typed in the same box after the code, upper case, in order. */
  modifiers: string[];
}

const NOT_A_CODE = 'expected a CPT or HCPCS code such as 97110 or G0283';
/** CPT (five digits, or four and F/T/U) or HCPCS Level II (a letter and four digits), as in isCodeShape. */
/** Four or more letters: no modifier is that long, so a description has begun. */
const DESCRIPTION_WORD = /^[A-Z]{4,}$/;
/** The common case, a bare upper-case code, skips the splitting. */
const CLEAN_CODE = /^(\d{4}[\dFTU]|[A-Z]\d{4})$/;
const CODE_AT_START = /^(\d{4}[\dFTU]|[A-Z]\d{4})(.*)$/;

/**
 * A procedure-code box as billers fill it: `97535`, `97535-GO 59`, `97535 go`, `97535-GP:KX`,
 * `97535GO`. Modifiers glued to the code are split off only when they are modifiers we know,
 * so a mistyped `975350` is reported as a bad code rather than silently read as 97535 + "0".
 */
/** A bare upper-case CPT/HCPCS code, as most code boxes hold: read as it is. */
export function isCleanCode(text: string): boolean {
  // CLEAN_CODE by character codes: every line of every check asks, and a regex call costs more.
  if (text.length !== 5) return false;
  const first = text.charCodeAt(0);
  if (first >= 65 && first <= 90) return isDigits(text, 1, 5);
  if (!isDigits(text, 0, 4)) return false;
  const last = text.charCodeAt(4);
  return (last >= 48 && last <= 57) || last === 70 || last === 84 || last === 85;
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function normalizeCodeField(input: unknown): Read<CodeField> {
  if (typeof input === 'string' && CLEAN_CODE.test(input)) return readOk({ code: input, modifiers: [] });
  const start = startRead<CodeField>(input, 'procedure code');
  if (!('text' in start)) return start;
  const text = start.text.toUpperCase();
  const match = CODE_AT_START.exec(text);
  if (!match) return readFail(NOT_A_CODE);
  const code = match[1]!;
  const rest = match[2]!;
  // "97110.00": a code box a spreadsheet formatted as a number, not the code with modifier "00".
  if (rest === '' || /^\.0+$/.test(rest)) return readOk({ code, modifiers: [] });

  const glued = /^[A-Z0-9]+/.exec(rest)?.[0] ?? '';
  if (glued !== '') {
    const pairs = splitRun(glued);
    // Glued to the code, a run must read as known modifiers, or the whole box is not a code.
    if (pairs.length === 1 && (glued.length !== 2 || !/[A-Z]/.test(glued))) {
      return readFail(NOT_A_CODE);
    }
  }
  const modifiers: string[] = [];
  for (const token of rest.split(MODIFIER_SEPARATORS)) {
    if (token === '') continue;
    const pairs = splitRun(token);
    // Select boxes and pick lists show "97110 - Therapeutic exercise": a word is where the
    // description starts, not a modifier. Short unknown tokens ("GOO") stay for modifier/unknown.
    if (pairs.length === 1 && DESCRIPTION_WORD.test(token)) break;
    modifiers.push(...pairs);
  }
  return readOk({ code, modifiers });
}
