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
  // Plain loops: this runs for every treatment day of every check, on every keystroke.
  const n = minutes.length;
  const full: number[] = new Array(n);
  const leftover: number[] = new Array(n);
  const extra: number[] = new Array(n);
  const order: number[] = new Array(n);
  let totalMinutes = 0;
  let fullTotal = 0;
  for (let i = 0; i < n; i++) {
    const m = minutes[i]!;
    totalMinutes += m;
    const f = Math.floor(m / 15);
    full[i] = f;
    fullTotal += f;
    leftover[i] = m - 15 * f;
    extra[i] = 0;
    // Insertion into `order` by most leftover first, then typed first: a day holds a few codes.
    let j = i;
    while (j > 0 && leftover[order[j - 1]!]! < leftover[i]!) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  const totalUnits = unitsForMinutes(totalMinutes);
  // Never more remaining units than items: each leftover is under 15 minutes (see §20.2 arithmetic).
  const remaining = Math.max(0, Math.min(n, totalUnits - fullTotal));
  for (let k = 0; k < remaining; k++) extra[order[k]!] = 1;

  const ties: CmsAllocation['ties'] = [];
  if (remaining > 0 && remaining < n) {
    const cut = leftover[order[remaining - 1]!]!;
    if (leftover[order[remaining]!] === cut) {
      const items: number[] = [];
      let units = 0;
      for (let i = 0; i < n; i++) {
        if (leftover[i] !== cut) continue;
        items.push(i);
        units += extra[i]!;
      }
      ties.push({ items, units });
    }
  }
  return { totalMinutes, totalUnits, full, leftover, extra, ties };
}
