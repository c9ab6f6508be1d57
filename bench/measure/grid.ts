import { median, medianPairRatio, pairRatioInterval } from '../stats';
import { openPage, pageUrl, pairOrder, type Side, sleep } from './browsers';

export interface GridResult {
  ratio: number;
  /** 95% interval of the median ratio (order statistics; null with too few pairs). */
  interval: [number, number] | null;
  pairs: number;
  seconds: number;
  meanFrameWithMs: number;
  meanFrameWithoutMs: number;
}

interface FrameTimes {
  frames: number;
  meanMs: number;
  maxMs: number;
}

/** Mean rAF interval on the live grid page over `seconds`, per pair with over without. */
export async function measureGrid(
  pair: { with: Side; without: Side },
  path: string,
  pairs: number,
  seconds: number,
): Promise<GridResult> {
  const results: { with: number; without: number }[] = [];
  for (let i = 0; i < pairs; i++) {
    const run: Partial<Record<'with' | 'without', number>> = {};
    for (const side of pairOrder(pair, i)) {
      const { page } = await openPage(side);
      try {
        await page.goto(pageUrl(side, path), { waitUntil: 'load' });
        await sleep(1_000); // the extension's first read of the grid is load cost, not frame cost
        const times = (await page.evaluate(`window.__cgBench.frameTimes(${seconds * 1000})`)) as FrameTimes;
        run[side.name] = times.meanMs;
      } finally {
        await page.close();
      }
    }
    results.push(run as { with: number; without: number });
  }
  return {
    ratio: medianPairRatio(results),
    interval: pairRatioInterval(results),
    pairs,
    seconds,
    meanFrameWithMs: median(results.map((r) => r.with)),
    meanFrameWithoutMs: median(results.map((r) => r.without)),
  };
}
