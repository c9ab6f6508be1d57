import { describe, expect, test } from 'vitest';
import { minutesRangeFor, unitsForMinutes } from './table';

// Facts §1 (CMS Pub. 100-04, ch. 5, §20.2): both edges of every range up to 8 units.
describe('unitsForMinutes', () => {
  test.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ])('%i min → %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  test.each([-5, Number.NaN, Number.POSITIVE_INFINITY, '30' as unknown as number])('%s → 0', (minutes) => {
    expect(unitsForMinutes(minutes)).toBe(0);
  });
});

describe('minutesRangeFor', () => {
  test.each([
    [0, 'under 8 min'],
    [1, '8–22 min'],
    [3, '38–52 min'],
    [8, '113–127 min'],
  ])('%i units ↔ %s', (units, range) => {
    expect(minutesRangeFor(units)).toBe(range);
  });
});
