import { describe, expect, test } from 'vitest';
import { allocateCms } from './cms';

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
