import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { type ExtensionBrowser, launchBrowser } from '../../test/support/browser';
import { REPO_ROOT } from '../../test/support/server';
import { analyzeTrace, MARK_PREFIX, TRACE_CATEGORIES, type TraceAnalysis, type TraceEvent } from './trace';

const INSTRUMENT = readFileSync(join(REPO_ROOT, 'bench/inpage/instrument.js'), 'utf8');

export type SideName = 'with' | 'without';

export interface Side {
  name: SideName;
  browser: ExtensionBrowser;
}

/** A browser (with the extension in `extensionDir`, or none) whose pages all get the bench instrumentation. */
export async function launchInstrumented(extensionDir: string | null): Promise<ExtensionBrowser> {
  const browser = await launchBrowser({ extensionDir });
  await browser.context.addInitScript({ content: INSTRUMENT });
  return browser;
}

/**
 * Two browsers with the same flags and viewport: one with an unpacked build of the extension
 * that runs on 127.0.0.1 without being switched on (release-test: the release bundles; or e2e),
 * one with no extension. Every page in both gets the bench instrumentation in its main world
 * before its own scripts.
 */
export async function launchPair(
  extensionDir: string,
): Promise<{ with: Side; without: Side; close(): Promise<void> }> {
  const withExtension = await launchInstrumented(extensionDir);
  const without = await launchInstrumented(null);
  return {
    with: { name: 'with', browser: withExtension },
    without: { name: 'without', browser: without },
    async close() {
      await withExtension.close();
      await without.close();
    },
  };
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
