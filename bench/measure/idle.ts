import { mark, metrics, openPage, pageUrl, type Side, sleep, traced, whenIdle } from './browsers';
import { HOST_WAIT_MS, QUIET_MS } from './load';
import { extensionMs } from './trace';

export interface IdleResult {
  seconds: number;
  /** Main-thread task time over the window, with − without (script, style, layout, everything). */
  taskDeltaMs: number;
  /** Script time over the window, with − without. */
  scriptDeltaMs: number;
  /** The extension's sampled script time over the window (trace). */
  extSampledMs: number;
}

/**
 * The portal page has no script of its own, so once it is idle any main-thread work in the
 * with-extension tab beyond the no-extension tab's is the extension's.
 */
export async function measureIdle(
  pair: { with: Side; without: Side },
  path: string,
  seconds: number,
): Promise<IdleResult> {
  const bySide: Record<string, { taskMs: number; scriptMs: number; extMs: number }> = {};
  for (const side of [pair.with, pair.without]) {
    const { page, cdp } = await openPage(side);
    try {
      await page.goto(pageUrl(side, path), { waitUntil: 'load' });
      await whenIdle(page, QUIET_MS, side.name === 'with' ? HOST_WAIT_MS : 0);
      await sleep(1_000);
      let before = { taskMs: 0, scriptMs: 0 };
      let after = before;
      const trace = await traced(cdp, async () => {
        await mark(page, 'idle-start');
        before = await metrics(cdp);
        await sleep(seconds * 1000);
        after = await metrics(cdp);
        await mark(page, 'idle-end');
      });
      bySide[side.name] = {
        taskMs: after.taskMs - before.taskMs,
        scriptMs: after.scriptMs - before.scriptMs,
        extMs: extensionMs(trace, trace.marks.get('idle-start'), trace.marks.get('idle-end')),
      };
    } finally {
      await page.close();
    }
  }
  const w = bySide.with!;
  const wo = bySide.without!;
  return {
    seconds,
    taskDeltaMs: w.taskMs - wo.taskMs,
    scriptDeltaMs: w.scriptMs - wo.scriptMs,
    extSampledMs: w.extMs,
  };
}
