import { describe, expect, test } from 'vitest';
import { mean, median, medianPairRatio, percentile } from './stats';

describe('bench statistics', () => {
  test('nearest-rank percentiles', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i); // 200..1, unsorted order
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 100)).toBe(200);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  test('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('pair ratio is the median of per-pair ratios, not the ratio of medians', () => {
    const pairs = [
      { with: 110, without: 100 },
      { with: 90, without: 100 },
      { with: 150, without: 200 },
    ];
    // per-pair ratios 1.1, 0.9, 0.75; the medians alone would say 110 / 100 = 1.1
    expect(medianPairRatio(pairs)).toBeCloseTo(0.9);
  });

  test('mean', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});
