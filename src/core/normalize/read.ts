/**
 * What every normaliser returns: the value it read, or why it could not. `empty` separates
 * "nothing typed" (usually just missing) from "typed something we cannot read" (a finding).
 * Normalisers never throw, whatever they are given.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; empty: boolean; reason: string };

export function readOk<T>(value: T): Read<T> {
  return { ok: true, value };
}

export function readFail<T>(reason: string): Read<T> {
  return { ok: false, empty: false, reason };
}

export function readEmpty<T>(what: string): Read<T> {
  return { ok: false, empty: true, reason: `no ${what} given` };
}

/** What portals and people put in a box that has nothing: "N/A", "none", "--". */
const PLACEHOLDER = /^(?:n\/?a|none|nil|null|-+|—)$/i;
const MESSY_SPACE = /\s{2}|[^\S ]/;

/** Short printable ASCII without a space (a code, a date, a number) cannot hold messy whitespace: no regex run. */
function hasNoSpace(text: string): boolean {
  if (text.length > 16) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

/**
 * The text of a field: strings trimmed, finite numbers as written. `null` for nothing typed
 * (null, undefined, blank, or a placeholder such as "N/A"); `undefined` for a value no person could have typed (objects, NaN).
 */
export function fieldText(input: unknown): string | null | undefined {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isFinite(input) ? String(input) : undefined;
  if (typeof input !== 'string') return undefined;
  // Most boxes hold clean text: only rebuild the string when it has runs of odd whitespace.
  const trimmed = input.trim();
  const text = hasNoSpace(trimmed) || !MESSY_SPACE.test(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
  return text === '' || (text.length <= 4 && PLACEHOLDER.test(text)) ? null : text;
}

/** Shared start of every normaliser: empty and impossible inputs are answered the same way everywhere. */
export function startRead<T>(input: unknown, what: string): { text: string } | Read<T> {
  const text = fieldText(input);
  if (text === null) return readEmpty(what);
  if (text === undefined) return readFail(`expected text or a number for the ${what}`);
  return { text };
}

/** Quote what the user typed in a message, shortened so a pasted paragraph stays one line. */
export function quoted(input: unknown): string {
  let text: string;
  try {
    text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  } catch {
    text = String(typeof input);
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}"`;
}
