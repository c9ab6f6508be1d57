import {
  ASSISTANT_MODIFIERS,
  DISCIPLINE_OF_MODIFIER,
  DISTINCT_SERVICE_MODIFIERS,
  KNOWN_MODIFIERS,
  MODIFIER_CONFLICTS,
} from '../data/modifiers';

/**
 * What the rules ask of each modifier on each line (known? GP/GO/GN? CQ/CO? 59/X?), answered by
 * one table read instead of a Set lookup per rule per modifier: nine families read every line's
 * modifiers on every keystroke. Membership is exactly that of the sets in data/modifiers.ts.
 */
export const KNOWN = 1;
export const DISCIPLINE = 2;
export const ASSISTANT = 4;
export const DISTINCT = 8;
/** 25, 52 and the distinct-service modifiers: what modifier/misplaced looks for. */
export const MISPLACEABLE = 16;
/** The first modifier of a pair in MODIFIER_CONFLICTS: without one, no pair can be on the line. */
export const CONFLICTING = 32;
/** 95 (video) and 93 (audio-only): the telehealth family looks for them on every line. */
export const VIDEO = 64;
export const AUDIO = 128;
/** KX and GA: the KX family looks for either on every line above the threshold. */
export const KX = 256;
export const GA = 512;
/** Not a table bit: set in a line's or-ed kinds (LineView.modifierKinds) when any modifier on it is not known. */
export const UNKNOWN_SEEN = 1 << 15;

/** Two ASCII characters index the table directly; anything else (never a modifier we know) goes to a Map. */
const TABLE = new Uint16Array(128 * 128);
const OTHERS = new Map<string, number>();

function slot(m: string): number {
  if (m.length !== 2) return -1;
  const a = m.charCodeAt(0);
  const b = m.charCodeAt(1);
  return a < 128 && b < 128 ? a * 128 + b : -1;
}

function mark(modifiers: Iterable<string>, kind: number): void {
  for (const m of modifiers) {
    const at = slot(m);
    if (at >= 0) TABLE[at]! |= kind;
    else OTHERS.set(m, (OTHERS.get(m) ?? 0) | kind);
  }
}

mark(KNOWN_MODIFIERS, KNOWN);
mark(DISCIPLINE_OF_MODIFIER.keys(), DISCIPLINE);
mark(ASSISTANT_MODIFIERS.keys(), ASSISTANT);
mark(DISTINCT_SERVICE_MODIFIERS, DISTINCT);
mark(['25', '52', ...DISTINCT_SERVICE_MODIFIERS], MISPLACEABLE);
mark(
  MODIFIER_CONFLICTS.map((c) => c.a),
  CONFLICTING,
);
mark(['95'], VIDEO);
mark(['93'], AUDIO);
mark(['KX'], KX);
mark(['GA'], GA);

/** The kinds of one modifier, as bits (0: none, not even known). */
export function modifierKind(m: string): number {
  const at = slot(m);
  return at >= 0 ? TABLE[at]! : (OTHERS.get(m) ?? 0);
}

/** The kinds of every modifier on a line, or-ed together, with UNKNOWN_SEEN when one is not known (as LineView.modifierKinds). */
export function modifierKinds(modifiers: readonly string[]): number {
  let kinds = 0;
  for (const m of modifiers) kinds |= withUnknown(modifierKind(m));
  return kinds;
}

/** One modifier's kinds as a line's or-ed kinds count them: UNKNOWN_SEEN added when it is not known. */
export function withUnknown(kind: number): number {
  return (kind & KNOWN) === 0 ? kind | UNKNOWN_SEEN : kind;
}
