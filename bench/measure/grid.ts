import { median, medianPairRatio, pairRatioInterval } from '../stats';
import { mark, openPage, pageUrl, pairOrder, type Side, sleep, traced } from './browsers';
import { extensionMs } from './trace';

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

/** The extension's first read of the grid is load cost, not frame cost: both grid figures start this long after load. */
const SETTLE_MS = 1_000;

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
        await sleep(SETTLE_MS);
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

export interface GridShareResult {
  /** The extension's sampled script time as a share of the window (0.03 = 3%), median of the runs. */
  share: number;
  runs: number;
  seconds: number;
  /** Each run's extension script time over the window (ms). */
  perRunMs: number[];
}

/**
 * The extension's own script time on the live grid, traced from where the frame ratio starts
 * (1 s after load) for `seconds`, as a share of that window. Unlike the frame ratio it does not
 * depend on how busy the page and the machine leave the main thread: it is the figure that moves
 * with the extension's code (a change that took its forced layouts out of this window moved it
 * from 7.1% to 5.3% of 3 s, median of 6 loads, unminified builds).
 */
export async function measureGridShare(
  side: Side,
  path: string,
  runs: number,
  seconds: number,
): Promise<GridShareResult> {
  const perRunMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { page, cdp } = await openPage(side);
    try {
      await page.goto(pageUrl(side, path), { waitUntil: 'load' });
      await sleep(SETTLE_MS);
      const trace = await traced(cdp, async () => {
        await mark(page, 'grid-start');
        await sleep(seconds * 1000);
        await mark(page, 'grid-end');
      });
      perRunMs.push(extensionMs(trace, trace.marks.get('grid-start'), trace.marks.get('grid-end')));
    } finally {
      await page.close();
    }
  }
  return { share: median(perRunMs) / (seconds * 1000), runs, seconds, perRunMs };
}
