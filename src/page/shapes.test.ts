import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leadingCode, mayHoldLeadingCode } from './shapes';

/** The character loop mayHoldLeadingCode replaced: the reference it must agree with. */
function byCharacters(text: string): boolean {
  const tail = /[0-9A-Za-z]?\s*(?:[-–—:]\s*)?[A-Za-z]{3}/y;
  const tailAt = (at: number) => {
    tail.lastIndex = at;
    return tail.test(text);
  };
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) {
      run++;
      continue;
    }
    if (run >= 4 && (tailAt(i) || (run >= 5 && tailAt(i - 1)))) return true;
    run = 0;
  }
  return false;
}

/** Table text: codes, dates, words and separators run together, as a table's textContent reads. */
const tableText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z]?\d{3,6}[0-9A-Za-z]?$/),
      fc.constantFrom('2026-03-02', '97110', 'G0283', 'THER EX', 'Ther ex', ' - ', ': ', '—', ' ', '\n\t'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('mayHoldLeadingCode (decides, for a whole table, that no cell can start with a code)', () => {
  test.each([
    ['97110 Therapeutic exercise', true],
    ['Visit 2026-03-02 signed', false],
    ['row 12 G0283 - Estim unattended', true],
    ['1234567 abc', true], // a piece of it, "4567 abc", starts with a code
    ['MRN 00012345 67', false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(mayHoldLeadingCode(text)).toBe(expected);
  });

  test('agrees with the character loop it replaced', () => {
    fc.assert(
      fc.property(tableText, (text) => mayHoldLeadingCode(text) === byCharacters(text)),
      {
        numRuns: 3000,
      },
    );
  });

  test('is never false where some piece of the text starts with a code leadingCode reads', () => {
    fc.assert(
      fc.property(tableText, (text) => {
        const somewhere = [...text].some((_, i) => leadingCode(text.slice(i)) !== null);
        return !somewhere || mayHoldLeadingCode(text);
      }),
      { numRuns: 3000 },
    );
  });
});
