import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { type ExtensionBrowser, launchBrowser } from '../../test/support/browser';
import { REPO_ROOT } from '../../test/support/server';
import { scopedCopy, WITH_HOST } from './scope';
import { analyzeTrace, MARK_PREFIX, TRACE_CATEGORIES, type TraceAnalysis, type TraceEvent } from './trace';

const INSTRUMENT = readFileSync(join(REPO_ROOT, 'bench/inpage/instrument.js'), 'utf8');

export type SideName = 'with' | 'without';

export interface Side {
  name: SideName;
  browser: ExtensionBrowser;
  /** Where this side loads the bench pages from: the extension runs on one origin of the fixture server only. */
  origin: string;
}

/** The URL of a bench page (`bench/portal-20k.html`) as `side` loads it. */
export function pageUrl(side: Side, path: string): string {
  return `${side.origin}/${path.replace(/^\//, '')}`;
}

/** A browser (with the extension in `extensionDir`, or none) whose pages all get the bench instrumentation. */
export async function launchInstrumented(extensionDir: string | null): Promise<ExtensionBrowser> {
  const browser = await launchBrowser({ extensionDir });
  await browser.context.addInitScript({ content: INSTRUMENT });
  return browser;
}

export interface Pair {
  with: Side;
  without: Side;
  close(): Promise<void>;
}

/**
 * With and without the extension in one browser: a copy of the build whose content scripts
 * run on 127.0.0.1 only (scope.ts says why one browser), loaded unpacked; "with" loads the bench
 * pages from `origins.with` (http://127.0.0.1:PORT), "without" the same pages from
 * `origins.without` (http://localhost:PORT, same server), where none of our code runs. Every page
 * gets the bench instrumentation in its main world before its own scripts.
 */
export async function launchPair(
  extensionDir: string,
  origins: { with: string; without: string },
): Promise<Pair> {
  if (new URL(origins.with).hostname !== WITH_HOST || new URL(origins.without).hostname === WITH_HOST)
    throw new Error(
      `the extension runs on ${WITH_HOST} only: "with" must load from it, "without" from elsewhere`,
    );
  const scoped = scopedCopy(extensionDir);
  try {
    const browser = await launchInstrumented(scoped.dir);
    return {
      with: { name: 'with', browser, origin: origins.with },
      without: { name: 'without', browser, origin: origins.without },
      async close() {
        await browser.close();
        scoped.dispose();
      },
    };
  } catch (error) {
    scoped.dispose();
    throw error;
  }
}

/** A/B pairs alternate which side goes first (AB, BA, ...) so warm-up or drift favours neither. */
export function pairOrder<T>(pair: { with: T; without: T }, index: number): T[] {
  return index % 2 === 0 ? [pair.with, pair.without] : [pair.without, pair.with];
}

export interface OpenPage {
  page: Page;
  cdp: CDPSession;
}

export async function openPage(side: Side): Promise<OpenPage> {
  const page = await side.browser.context.newPage();
  const cdp = await side.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

export interface IdleResult {
  loadEnd: number;
  idleAt: number;
  hostSeen: boolean;
  longTasks: number;
}

/** Load to idle, as defined in bench/inpage/instrument.js (`whenIdle`). */
export function whenIdle(page: Page, quietMs: number, hostWaitMs: number): Promise<IdleResult> {
  return page.evaluate(`window.__cgBench.whenIdle(${quietMs}, ${hostWaitMs})`) as Promise<IdleResult>;
}

export async function mark(page: Page, name: string): Promise<void> {
  await page.evaluate(`performance.mark(${JSON.stringify(MARK_PREFIX + name)})`);
}

/** Main-thread metrics (ms) from CDP Performance.getMetrics, cumulative for the tab's renderer. */
export async function metrics(cdp: CDPSession): Promise<{ scriptMs: number; taskMs: number }> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: get('ScriptDuration'), taskMs: get('TaskDuration') };
}

/** Records a trace of the tab while `during` runs (place marks inside it). */
export async function traced(cdp: CDPSession, during: () => Promise<void>): Promise<TraceAnalysis> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const event of e.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  });
  try {
    await during();
  } finally {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return analyzeTrace(events);
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
