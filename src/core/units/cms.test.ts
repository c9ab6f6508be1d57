import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateCms } from './cms';
import { unitsForMinutes } from './table';

describe('allocateCms', () => {
  test('full units first, then remaining units by most leftover minutes', () => {
    const alloc = allocateCms([33, 7]);
    expect(alloc.full).toEqual([2, 0]);
    expect(alloc.leftover).toEqual([3, 7]);
    expect(alloc.extra).toEqual([0, 1]);
    expect(alloc.ties).toEqual([]);
  });

  test('equal leftovers at the cut are a tie; the default goes to the first typed', () => {
    const alloc = allocateCms([20, 20]);
    expect(alloc.extra).toEqual([1, 0]);
    expect(alloc.ties).toEqual([{ items: [0, 1], units: 1 }]);
  });

  test('equal leftovers that all get a unit are not a tie', () => {
    // 10 + 10 + 25 = 45 min → 3 units: 25 has 1 full unit; 10, 10 and 10 left over, 2 units owed.
    const alloc = allocateCms([10, 10, 25]);
    expect(alloc.totalUnits).toBe(3);
    expect(alloc.ties).toEqual([{ items: [0, 1, 2], units: 2 }]);
    const none = allocateCms([10, 10]);
    expect(none.extra).toEqual([1, 0]);
    const both = allocateCms([12, 12]);
    expect(both.totalUnits).toBe(2);
    expect(both.extra).toEqual([1, 1]);
    expect(both.ties).toEqual([]);
  });

  test('no minutes, no units', () => {
    expect(allocateCms([])).toMatchObject({ totalMinutes: 0, totalUnits: 0, ties: [] });
  });
});

/** The straightforward version this file replaced (maps, reduce and a sort), kept as the reference. */
function allocateCmsReference(minutes: readonly number[]) {
  const totalMinutes = minutes.reduce((sum, m) => sum + m, 0);
  const totalUnits = unitsForMinutes(totalMinutes);
  const full = minutes.map((m) => Math.floor(m / 15));
  const leftover = minutes.map((m, i) => m - 15 * full[i]!);
  const extra = minutes.map(() => 0);
  const remaining = Math.max(0, Math.min(minutes.length, totalUnits - full.reduce((s, f) => s + f, 0)));
  const order = minutes.map((_, i) => i).sort((a, b) => leftover[b]! - leftover[a]! || a - b);
  for (const i of order.slice(0, remaining)) extra[i] = 1;
  const ties: { items: number[]; units: number }[] = [];
  if (remaining > 0 && remaining < order.length) {
    const cut = leftover[order[remaining - 1]!]!;
    if (leftover[order[remaining]!] === cut) {
      const items = order.filter((i) => leftover[i] === cut).sort((a, b) => a - b);
      ties.push({ items, units: items.filter((i) => extra[i] === 1).length });
    }
  }
  return { totalMinutes, totalUnits, full, leftover, extra, ties };
}

test('the loop version allocates exactly as the straightforward one', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }), (minutes) => {
      expect(allocateCms(minutes)).toEqual(allocateCmsReference(minutes));
    }),
    { numRuns: 2000 },
  );
});
