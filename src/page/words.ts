/**
 * Turns label text, names and ids into one padded lower-case word string, so phrase tests are
 * whole-word tests: "dxPtr1" -> " dx ptr 1 ", "bill[3][units]" -> " bill 3 units ",
 * "Date of Service (From)" -> " date of service from ". `has(words, 'dx ptr')` then never
 * matches "admin" for "min".
 */
export function toWords(text: string): string {
  if (!NON_ASCII.test(text)) return asciiWords(text);
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return spaced ? ` ${spaced} ` : '';
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * toWords for ASCII text in one pass (no regex replaces): a space where lower case meets
 * upper case or letters meet digits, every run of other characters one space.
 */
function asciiWords(text: string): string {
  let out = '';
  let prev = 0; // 0 none or separator, 1 lower, 2 upper, 3 digit
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (kind === 0) {
      space = true;
      prev = 0;
      continue;
    }
    if ((prev === 1 && kind === 2) || (prev !== 0 && prev !== 3 && kind === 3) || (prev === 3 && kind !== 3))
      space = true;
    if (space && out) out += ' ';
    space = false;
    out += kind === 2 ? String.fromCharCode(c + 32) : text[i];
    prev = kind;
  }
  return out ? ` ${out} ` : '';
}

export function hasWord(words: string, phrase: string): boolean {
  return words.includes(` ${phrase} `);
}

/** Collapses whitespace and trims; long text is cut (labels and headers are short). */
export function cleanText(text: string | null | undefined, max = 120): string {
  if (!text) return '';
  // A long text (a container's whole textContent): collapsing a prefix gives a prefix of the
  // collapsed whole, so when it already holds more than max + 1 characters it is the answer.
  if (text.length > 2 * max + 64) {
    const head = text
      .slice(0, 2 * max + 64)
      .replace(/\s+/g, ' ')
      .trimStart();
    if (head.length >= max + 2) return head.slice(0, max);
  }
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) : t;
}
