import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanText, toWords } from './words';

/** The definition toWords' one-pass ASCII path must keep: four regex passes, as first written. */
function byRegex(text: string): string {
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return spaced ? ` ${spaced} ` : '';
}

describe('toWords', () => {
  test('names, ids and labels become padded lower-case words', () => {
    expect(toWords('dxPtr1')).toBe(' dx ptr 1 ');
    expect(toWords('bill[3][units]')).toBe(' bill 3 units ');
    expect(toWords('Date of Service (From)')).toBe(' date of service from ');
    expect(toWords(' -- ')).toBe('');
  });

  test('the one-pass path gives what the regex definition gives, on any text', () => {
    const chars = fc.constantFrom(...'aAzZ09 -_[].bB1xY\t', 'é', 'K', 'İ', 'ß');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 16 }), (cs) => {
        const text = cs.join('');
        expect(toWords(text)).toBe(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cleanText', () => {
  test('long texts are cut the same as by collapsing the whole text first', () => {
    const whole = (text: string, max: number) => {
      const t = text.replace(/\s+/g, ' ').trim();
      return t.length > max ? t.slice(0, max) : t;
    };
    const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n\t', 'Units', ' '.repeat(300));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (parts, max) => {
        const text = parts.join('');
        expect(cleanText(text, max)).toBe(whole(text, max));
      }),
      { numRuns: 2000 },
    );
  });
});
