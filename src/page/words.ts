/**
 * Turns label text, names and ids into one padded lower-case word string, so phrase tests are
 * whole-word tests: "dxPtr1" -> " dx ptr 1 ", "bill[3][units]" -> " bill 3 units ",
 * "Date of Service (From)" -> " date of service from ". `has(words, 'dx ptr')` then never
 * matches "admin" for "min".
 */
export function toWords(text: string): string {
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return spaced ? ` ${spaced} ` : '';
}

export function hasWord(words: string, phrase: string): boolean {
  return words.includes(` ${phrase} `);
}

/** Collapses whitespace and trims; long text is cut (labels and headers are short). */
export function cleanText(text: string | null | undefined, max = 120): string {
  if (!text) return '';
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) : t;
}
