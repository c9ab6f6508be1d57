/**
 * The 8-minute table (CMS Pub. 100-04, ch. 5, §20.2; facts §1): 8–22 minutes = 1 unit,
 * 23–37 = 2, 38–52 = 3, ... one more unit per further 15 minutes; under 8 = nothing.
 * The AMA/CPT midpoint method reads the same table per code (facts §2).
 */
export function unitsForMinutes(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 8) return 0;
  return Math.floor((minutes - 8) / 15) + 1;
}

/** The minutes range that earns a unit count, for explanations: 2 → "23–37 min". */
export function minutesRangeFor(units: number): string {
  if (units <= 0) return 'under 8 min';
  return `${15 * units - 7}–${15 * units + 7} min`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
