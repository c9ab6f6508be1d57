import type { DayCount } from './units-count';

/** What the payer's method gives each code once the day's tie is settled the way the biller billed it, where it can be. */
export interface SettledDay {
  /** Code → units, the tie resolved to the resolution closest to what was billed. */
  expected: Map<string, number>;
  /** Tied codes whose units still depend on the clinician's choice: no single resolution is closest. */
  open: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** More ways than this to place the tied units is no real day (a day holds a handful of codes): leave the tie open. */
const MAX_RESOLUTIONS = 256;

/**
 * Steps `chosen` (indexes in increasing order) to the next way to choose as many of the first `n`
 * indexes, in lexicographic order; false after the last. A loop, not a recursive walk: this runs
 * for every tied day of every check.
 */
function nextChoice(chosen: number[], n: number): boolean {
  const take = chosen.length;
  let i = take - 1;
  while (i >= 0 && chosen[i] === n - take + i) i--;
  if (i < 0) return false;
  chosen[i]!++;
  for (let j = i + 1; j < take; j++) chosen[j] = chosen[j - 1]! + 1;
  return true;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** Whether settleTies tries every placement of `units` tied units over `codes` tied codes (else the tie stays open). */
export function everyPlacementTried(codes: number, units: number): boolean {
  return binomial(codes, units) <= MAX_RESOLUTIONS;
}

/**
 * CMS §20.2 leaves a tie to the clinician: tied codes share the leftover units, one each, in any
 * combination. The count places them on the codes typed first; a biller may have placed them
 * elsewhere. Every placement is tried and the one closest to the billed units (fewest units
 * moved) is the one the day is judged by: a code is then short or over only against a placement
 * the biller could have meant. When two placements are equally close, the codes on which they
 * differ stay open (no automatic fix can know which the clinician wants).
 */
export function settleTies(count: DayCount, billed: (code: string) => number): SettledDay {
  if (count.ties.length === 0) return { expected: count.expected, open: NONE };
  // Copied entry by entry: the Map constructor's iterator protocol costs twice as much on a small day.
  const expected = new Map<string, number>();
  for (const [code, units] of count.expected) expected.set(code, units);
  const open = new Set<string>();
  for (const tie of count.ties) {
    const codes = tie.codes;
    // The count gave the tied units to the first `units` tied codes; take them back to place them.
    for (let i = 0; i < tie.units; i++) expected.set(codes[i]!, (expected.get(codes[i]!) ?? 0) - 1);
    if (!everyPlacementTried(codes.length, tie.units)) {
      for (let i = 0; i < tie.units; i++) expected.set(codes[i]!, expected.get(codes[i]!)! + 1);
      for (const code of codes) open.add(code);
      continue;
    }
    let best = Number.POSITIVE_INFINITY;
    let closest: number[][] = [];
    // Each placement in lexicographic order (the count's own choice first): the first closest wins.
    const chosen: number[] = [];
    for (let i = 0; i < tie.units; i++) chosen.push(i);
    do {
      let distance = 0;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i]!;
        const want = expected.get(code)! + (chosen.includes(i) ? 1 : 0);
        distance += Math.abs(billed(code) - want);
      }
      if (distance < best) {
        best = distance;
        closest = [chosen.slice()];
      } else if (distance === best) closest.push(chosen.slice());
    } while (nextChoice(chosen, codes.length));
    const pick = closest[0]!;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      const gets = pick.includes(i);
      if (gets) expected.set(code, expected.get(code)! + 1);
      for (const other of closest) {
        if (other.includes(i) === gets) continue;
        open.add(code);
        break;
      }
    }
  }
  return { expected, open: open.size === 0 ? NONE : open };
}
