import { median } from '../stats';
import { mark, openPage, pageUrl, pairOrder, type Side, traced, whenIdle } from './browsers';
import { HOST_WAIT_MS, QUIET_MS } from './load';
import { extensionMs, longTasks, type TraceAnalysis } from './trace';
import { typeUnits } from './typing';

export interface AttributionResult {
  runs: number;
  /** Long tasks (> 50 ms) the extension caused, over all traced loads and typing. */
  longTasksFromExtension: number;
  /** Of those, the ones during loads (navigation to idle) and during typing. */
  longTasksFromExtensionAtLoad: number;
  longTasksFromExtensionTyping: number;
  longTasksWith: number;
  longTasksWithout: number;
  /** Median over traced loads of the extension's sampled script time from navigation to idle. */
  extScriptMsPerLoad: number;
  /** The extension's sampled script time while typing, per keystroke. */
  extScriptMsPerKey: number;
}

/**
 * Traced runs (CDP tracing with the V8 sampling profiler, which slows the page, so these are
 * kept apart from the timed runs): load the portal to idle, then type, in both browsers.
 */
export async function measureAttribution(
  pair: { with: Side; without: Side },
  path: string,
  runs: number,
  keystrokes: number,
): Promise<AttributionResult> {
  const perLoad: number[] = [];
  const perKey: number[] = [];
  const counts = { fromExtension: 0, atLoad: 0, typing: 0, with: 0, without: 0 };
  for (let i = 0; i < runs; i++) {
    for (const side of pairOrder(pair, i)) {
      const { page, cdp } = await openPage(side);
      try {
        const trace: TraceAnalysis = await traced(cdp, async () => {
          await page.goto(pageUrl(side, path), { waitUntil: 'load' });
          await whenIdle(page, QUIET_MS, side.name === 'with' ? HOST_WAIT_MS : 0);
          await mark(page, 'idle');
          await typeUnits(page, keystrokes, side.name === 'with');
          await mark(page, 'typed');
        });
        const tasks = longTasks(trace);
        counts[side.name] += tasks.length;
        if (side.name === 'with') {
          counts.fromExtension += tasks.filter((t) => t.fromExtension).length;
          const idle = trace.marks.get('idle')!;
          const typed = trace.marks.get('typed')!;
          counts.atLoad += longTasks(trace, -Infinity, idle).filter((t) => t.fromExtension).length;
          counts.typing += longTasks(trace, idle, Infinity).filter((t) => t.fromExtension).length;
          perLoad.push(extensionMs(trace, -Infinity, idle));
          if (keystrokes > 0) perKey.push(extensionMs(trace, idle, typed) / keystrokes);
        }
      } finally {
        await page.close();
      }
    }
  }
  return {
    runs,
    longTasksFromExtension: counts.fromExtension,
    longTasksFromExtensionAtLoad: counts.atLoad,
    longTasksFromExtensionTyping: counts.typing,
    longTasksWith: counts.with,
    longTasksWithout: counts.without,
    extScriptMsPerLoad: median(perLoad),
    extScriptMsPerKey: median(perKey),
  };
}
