import { median, medianPairRatio, pairRatioInterval } from '../stats';
import { metrics, openPage, pageUrl, pairOrder, type Side, whenIdle } from './browsers';

/** The DOM must stay unchanged this long after load (and after the extension's last write) to count as idle. */
export const QUIET_MS = 100;
/** How long to wait for the overlay host before deciding this build does not render one. */
export const HOST_WAIT_MS = 5_000;

interface LoadRun {
  idleMs: number;
  scriptMs: number;
  hostSeen: boolean;
}

export interface LoadResult {
  /** Median of per-pair ratios of load-to-idle, with over without. */
  ratio: number;
  /** 95% interval of that median (order statistics; null with too few pairs). */
  interval: [number, number] | null;
  pairs: number;
  medianIdleWithMs: number;
  medianIdleWithoutMs: number;
  /** Median of per-pair ScriptDuration differences (renderer script time per load, with − without). */
  scriptDeltaMs: number;
  /** Whether the extension's overlay host appeared on the page (part of what "idle" waits for). */
  overlaySeen: boolean;
}

async function loadOnce(side: Side, path: string, hostWaitMs: number): Promise<LoadRun> {
  const { page, cdp } = await openPage(side);
  try {
    const before = await metrics(cdp);
    await page.goto(pageUrl(side, path), { waitUntil: 'load' });
    const idle = await whenIdle(page, QUIET_MS, hostWaitMs);
    const after = await metrics(cdp);
    // Both sides share one browser (browsers.ts, launchPair): an overlay on the "without" side
    // would mean the extension ran there, and every ratio of the run would be wrong.
    if (side.name === 'without' && idle.hostSeen)
      throw new Error(`the extension ran on the "without" side (${side.origin}): its scoping failed`);
    return { idleMs: idle.idleAt, scriptMs: after.scriptMs - before.scriptMs, hostSeen: idle.hostSeen };
  } finally {
    await page.close();
  }
}

export async function measureLoads(
  pair: { with: Side; without: Side },
  path: string,
  runs: number,
  warmup: number,
  log: (line: string) => void,
): Promise<LoadResult> {
  // The first load tells whether this build renders an overlay at all; if it does not, the
  // later loads do not wait for one (idle is then load + quiet DOM alone).
  const probe = await loadOnce(pair.with, path, HOST_WAIT_MS);
  const hostWaitMs = probe.hostSeen ? HOST_WAIT_MS : 0;
  // The "without" side gets as long to show an overlay as the "with" side had (its timed loads
  // do not wait for one, so a late overlay there would go unseen): loadOnce stops the run if it does.
  if (probe.hostSeen) await loadOnce(pair.without, path, HOST_WAIT_MS);
  const results: { with: LoadRun; without: LoadRun }[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const run: Partial<Record<'with' | 'without', LoadRun>> = {};
    for (const side of pairOrder(pair, i))
      run[side.name] = await loadOnce(side, path, side.name === 'with' ? hostWaitMs : 0);
    if (i >= warmup) results.push(run as { with: LoadRun; without: LoadRun });
    if ((i + 1) % 10 === 0) log(`  load pairs ${i + 1}/${warmup + runs}`);
  }
  return {
    ratio: medianPairRatio(results.map((r) => ({ with: r.with.idleMs, without: r.without.idleMs }))),
    interval: pairRatioInterval(results.map((r) => ({ with: r.with.idleMs, without: r.without.idleMs }))),
    pairs: results.length,
    medianIdleWithMs: median(results.map((r) => r.with.idleMs)),
    medianIdleWithoutMs: median(results.map((r) => r.without.idleMs)),
    scriptDeltaMs: median(results.map((r) => r.with.scriptMs - r.without.scriptMs)),
    overlaySeen: probe.hostSeen && results.every((r) => r.with.hostSeen),
  };
}
