/** Entries a memo holds before it forgets them all: enough for every code and date a portal shows, never a leak. */
export const MEMO_LIMIT = 10_000;

/**
 * Remembers a pure function of short typed text (a date, a place of service, a code) so the same
 * box typed on every line and every keystroke is read once. Only for functions whose answer is
 * never mutated by callers. Bounded: cleared whole at MEMO_LIMIT entries.
 */
export function memoizeText<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = read(text);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}
