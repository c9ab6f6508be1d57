import { allocateCms } from '../units/cms';
import { unitsForMinutes } from '../units/table';
import type { UnitMethod } from '../units/types';

/** What the units rules need from a count: units per code, the total, and the ties. */
export interface DayCount {
  totalTimedMinutes: number;
  totalUnits: number;
  /** Code → units the payer's method gives it, in the order the codes were first typed. */
  expected: Map<string, number>;
  ties: { codes: string[]; units: number }[];
}

const FIRST = '97129';
const ADD_ON = '97130';

/** One timed service: a code, or 97129 + 97130 pooled as one cognitive intervention (units/cognitive.ts). */
interface Item {
  code: string;
  minutes: number;
  cognitive: boolean;
  typedFirst: boolean;
  typedAddOn: boolean;
}

function items(entries: readonly { code: string; minutes: number }[]): Item[] {
  const list: Item[] = [];
  let pool: Item | null = null;
  for (const e of entries) {
    const whole = Math.floor(e.minutes);
    if (e.code === FIRST || e.code === ADD_ON) {
      if (!pool) {
        pool = { code: FIRST, minutes: 0, cognitive: true, typedFirst: false, typedAddOn: false };
        list.push(pool);
      }
      pool.minutes += whole;
      if (e.code === FIRST) pool.typedFirst = true;
      else pool.typedAddOn = true;
      continue;
    }
    // A day holds a handful of codes: a linear search allocates nothing.
    let item: Item | undefined;
    for (const i of list) {
      if (i.code !== e.code || i.cognitive) continue;
      item = i;
      break;
    }
    if (item) item.minutes += whole;
    else list.push({ code: e.code, minutes: whole, cognitive: false, typedFirst: false, typedAddOn: false });
  }
  return list;
}

function setUnits(expected: Map<string, number>, item: Item, units: number): void {
  if (!item.cognitive) {
    expected.set(item.code, units);
    return;
  }
  // 97129 takes the first unit (once a day), 97130 each further one; a partner appears when it earns units.
  const first = Math.min(units, 1);
  if (item.typedFirst || first > 0) expected.set(FIRST, first);
  if (item.typedAddOn || units - first > 0) expected.set(ADD_ON, units - first);
}

/**
 * The same numbers as countUnits (units/count.ts), without the plain-language working it
 * builds for the calculator: that text costs more time than every rule together on a
 * twelve-line claim, and its code would add kilobytes to the content script. A property test
 * holds the two together.
 */
export function countDay(
  method: UnitMethod,
  entries: readonly { code: string; minutes: number }[],
): DayCount {
  const list = items(entries);
  const expected = new Map<string, number>();
  let totalTimedMinutes = 0;
  for (const item of list) totalTimedMinutes += item.minutes;
  if (method === 'ama') {
    let totalUnits = 0;
    for (const item of list) {
      const units = unitsForMinutes(item.minutes);
      setUnits(expected, item, units);
      totalUnits += units;
    }
    return { totalTimedMinutes, totalUnits, expected, ties: [] };
  }
  if (list.length === 1) {
    // One timed service: the 8-minute table alone, no allocation and no tie (the common day).
    const units = unitsForMinutes(list[0]!.minutes);
    setUnits(expected, list[0]!, units);
    return { totalTimedMinutes, totalUnits: units, expected, ties: [] };
  }
  const minutes: number[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) minutes[i] = list[i]!.minutes;
  const alloc = allocateCms(minutes);
  for (let i = 0; i < list.length; i++) setUnits(expected, list[i]!, alloc.full[i]! + alloc.extra[i]!);
  const ties = alloc.ties.map((t) => ({
    codes: t.items.map((i) => {
      const item = list[i]!;
      // A tied unit of the cognitive pool is billed as 97129 when it would be its first unit.
      return item.cognitive ? (alloc.full[i] === 0 ? FIRST : ADD_ON) : item.code;
    }),
    units: t.units,
  }));
  return { totalTimedMinutes, totalUnits: alloc.totalUnits, expected, ties };
}
