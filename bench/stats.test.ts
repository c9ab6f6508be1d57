import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mean, median, medianInterval, medianPairRatio, pairRatioInterval, percentile } from './stats';

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

  test("the median's 95% interval by order statistics: the 10th and 21st of 30, none for 5", () => {
    const values = Array.from({ length: 30 }, (_, i) => 30 - i); // 30..1
    // P(Binomial(30, 1/2) <= 9) = 0.0214 <= 0.025 < P(<= 10) = 0.0494
    expect(medianInterval(values)).toEqual([10, 21]);
    // 6 values: P(X = 0) = 1/64 = 0.0156, the smallest n with any 95% interval (min and max)
    expect(medianInterval([6, 5, 4, 3, 2, 1])).toEqual([1, 6]);
    expect(medianInterval([5, 4, 3, 2, 1])).toBeNull();
    expect(medianInterval([])).toBeNull();
    expect(
      pairRatioInterval(Array.from({ length: 30 }, (_, i) => ({ with: 100 + i, without: 100 }))),
    ).toEqual([1.09, 1.2]);
  });

  test('the interval always holds the median and is ordered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 200 }),
        (values) => {
          const interval = medianInterval(values);
          expect(interval).not.toBeNull();
          const [low, high] = interval!;
          expect(low).toBeLessThanOrEqual(median(values));
          expect(high).toBeGreaterThanOrEqual(median(values));
        },
      ),
    );
  });

  test('mean', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});
