import { unitsForMinutes } from './table';

export interface CmsAllocation {
  totalMinutes: number;
  totalUnits: number;
  /** Per item: one unit per full 15 minutes. */
  full: number[];
  /** Per item: minutes left after the full units. */
  leftover: number[];
  /** Per item: 1 when it received one of the remaining units, else 0. */
  extra: number[];
  /** Groups of items with equal leftover minutes straddling the cut: the clinician chooses. */
  ties: { items: number[]; units: number }[];
}

/**
 * CMS Pub. 100-04, ch. 5, §20.2 (facts §1): the day's total timed minutes decide the total
 * units; each code first gets one unit per full 15 minutes; the units still owed go to the
 * codes with the most leftover minutes (a code under 8 minutes can get one that way).
 * Equal leftovers at the cut are a tie: by default the unit goes to the code typed first,
 * and the tie is returned so the caller can say the clinician may choose.
 */
export function allocateCms(minutes: readonly number[]): CmsAllocation {
  const totalMinutes = minutes.reduce((sum, m) => sum + m, 0);
  const totalUnits = unitsForMinutes(totalMinutes);
  const full = minutes.map((m) => Math.floor(m / 15));
  const leftover = minutes.map((m, i) => m - 15 * full[i]!);
  const extra = minutes.map(() => 0);
  // Never more remaining units than items: each leftover is under 15 minutes (see §20.2 arithmetic).
  const remaining = Math.max(0, Math.min(minutes.length, totalUnits - full.reduce((s, f) => s + f, 0)));

  const order = minutes.map((_, i) => i).sort((a, b) => leftover[b]! - leftover[a]! || a - b);
  for (const i of order.slice(0, remaining)) extra[i] = 1;

  const ties: CmsAllocation['ties'] = [];
  if (remaining > 0 && remaining < order.length) {
    const cut = leftover[order[remaining - 1]!]!;
    if (leftover[order[remaining]!] === cut) {
      const items = order.filter((i) => leftover[i] === cut).sort((a, b) => a - b);
      ties.push({ items, units: items.filter((i) => extra[i] === 1).length });
    }
  }
  return { totalMinutes, totalUnits, full, leftover, extra, ties };
}
