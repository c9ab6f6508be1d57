/** Order statistics for benchmark samples. Percentiles use the nearest-rank method (no interpolation). */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Median of per-pair ratios with/without (design.md, "How to measure a ratio here"). */
export function medianPairRatio(pairs: readonly { with: number; without: number }[]): number {
  return median(pairs.filter((p) => p.without > 0).map((p) => p.with / p.without));
}

/**
 * A distribution-free confidence interval for the median of `values`: the k-th smallest and
 * k-th largest value, k the largest rank with P(Binomial(n, 1/2) < k) at most (1 - level) / 2,
 * so the interval holds the true median with probability at least `level` whatever the
 * distribution. Null when there are too few values for that level (fewer than 6 at 95%).
 */
export function medianInterval(values: readonly number[], level = 0.95): [number, number] | null {
  const n = values.length;
  const tail = (1 - level) / 2;
  // P(X <= j) for X ~ Binomial(n, 1/2), accumulated term by term: C(n, j) / 2^n.
  let term = 2 ** -n;
  let below = 0; // P(X <= k - 1)
  let k = 0;
  for (let j = 0; j < n / 2; j++) {
    if (below + term > tail) break;
    below += term;
    k = j + 1;
    term = (term * (n - j)) / (j + 1);
  }
  if (k === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[k - 1]!, sorted[n - k]!];
}

/** The interval of `medianPairRatio`: the same per-pair ratios, `medianInterval`. */
export function pairRatioInterval(
  pairs: readonly { with: number; without: number }[],
  level = 0.95,
): [number, number] | null {
  return medianInterval(
    pairs.filter((p) => p.without > 0).map((p) => p.with / p.without),
    level,
  );
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
