import type { UnitMethod } from '../units';
import { allocateCms, countUnits, unitsForMinutes } from '../units';

/** What the units rules need from a count: units per code, the total, and the ties. */
export interface DayCount {
  totalTimedMinutes: number;
  totalUnits: number;
  /** Code → units the payer's method gives it, in the order the codes were first typed. */
  expected: Map<string, number>;
  ties: { codes: string[]; units: number }[];
}

const COGNITIVE = new Set(['97129', '97130']);

/**
 * The same numbers as countUnits (units/), without the plain-language working it builds for
 * the calculator: that text costs more than every rule together on a twelve-line claim. Days
 * with 97129/97130 (pooled and split, see units/cognitive.ts) go through countUnits itself;
 * a property test holds the two together.
 */
export function countDay(
  method: UnitMethod,
  entries: readonly { code: string; minutes: number }[],
): DayCount {
  const codes: string[] = [];
  const minutesByCode = new Map<string, number>();
  for (const e of entries) {
    if (COGNITIVE.has(e.code)) return viaCountUnits(method, entries);
    const whole = Math.floor(e.minutes);
    const before = minutesByCode.get(e.code);
    if (before === undefined) {
      codes.push(e.code);
      minutesByCode.set(e.code, whole);
    } else minutesByCode.set(e.code, before + whole);
  }
  const minutes = codes.map((c) => minutesByCode.get(c)!);
  const expected = new Map<string, number>();
  let totalTimedMinutes = 0;
  for (const m of minutes) totalTimedMinutes += m;
  if (method === 'ama') {
    let totalUnits = 0;
    codes.forEach((c, i) => {
      const u = unitsForMinutes(minutes[i]!);
      expected.set(c, u);
      totalUnits += u;
    });
    return { totalTimedMinutes, totalUnits, expected, ties: [] };
  }
  const alloc = allocateCms(minutes);
  codes.forEach((c, i) => {
    expected.set(c, alloc.full[i]! + alloc.extra[i]!);
  });
  const ties = alloc.ties.map((t) => ({ codes: t.items.map((i) => codes[i]!), units: t.units }));
  return { totalTimedMinutes, totalUnits: alloc.totalUnits, expected, ties };
}

function viaCountUnits(method: UnitMethod, entries: readonly { code: string; minutes: number }[]): DayCount {
  const result = countUnits(method, entries);
  const expected = new Map<string, number>();
  for (const l of result.lines) if (l.timed) expected.set(l.code, (expected.get(l.code) ?? 0) + l.units);
  return {
    totalTimedMinutes: result.totalTimedMinutes,
    totalUnits: result.totalUnits,
    expected,
    ties: result.ties,
  };
}
