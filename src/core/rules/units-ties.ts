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

/** Every way to choose `take` of the first `n` indexes, in lexicographic order (the count's own choice first). */
function choices(n: number, take: number, visit: (chosen: readonly number[]) => void): void {
  const chosen: number[] = [];
  const walk = (from: number): void => {
    if (chosen.length === take) {
      visit(chosen);
      return;
    }
    for (let i = from; i <= n - (take - chosen.length); i++) {
      chosen.push(i);
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
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
  const expected = new Map(count.expected);
  const open = new Set<string>();
  for (const tie of count.ties) {
    const codes = tie.codes;
    // The count gave the tied units to the first `units` tied codes; take them back to place them.
    for (let i = 0; i < tie.units; i++) expected.set(codes[i]!, (expected.get(codes[i]!) ?? 0) - 1);
    if (binomial(codes.length, tie.units) > MAX_RESOLUTIONS) {
      for (let i = 0; i < tie.units; i++) expected.set(codes[i]!, expected.get(codes[i]!)! + 1);
      for (const code of codes) open.add(code);
      continue;
    }
    let best = Number.POSITIVE_INFINITY;
    let closest: number[][] = [];
    choices(codes.length, tie.units, (chosen) => {
      let distance = 0;
      codes.forEach((code, i) => {
        const want = expected.get(code)! + (chosen.includes(i) ? 1 : 0);
        distance += Math.abs(billed(code) - want);
      });
      if (distance < best) {
        best = distance;
        closest = [chosen.slice()];
      } else if (distance === best) closest.push(chosen.slice());
    });
    const pick = closest[0]!;
    codes.forEach((code, i) => {
      const gets = pick.includes(i);
      if (gets) expected.set(code, expected.get(code)! + 1);
      if (closest.some((other) => other.includes(i) !== gets)) open.add(code);
    });
  }
  return { expected, open: open.size === 0 ? NONE : open };
}
