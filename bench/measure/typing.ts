import type { Page } from 'playwright-core';
import { PORTAL_LINE_COUNT } from '../pages/portal';
import { percentile } from '../stats';
import { sleep } from './browsers';

/** A keystroke whose warning has not shown after this long counts as this late (and as missed). */
export const MISSED_KEY_MS = 1_000;

interface KeyTiming {
  key: number;
  changed: number;
  shown: number;
  /** Frames laid out from the keystroke to the one that shows its warning (1: the very next frame). */
  frames: number;
  /** The first frame laid out after the field's input event: the page's own echo of the keystroke. */
  echo: number;
  echoFrames: number;
  /** When the page's first keydown listener ran: what lies between `key` and this is the browser's input queue. */
  dispatched: number;
  missed: boolean;
}

/** Where a keystroke's time goes before the page sees it, and after. */
export interface KeyPath {
  /** keydown timeStamp → the page's first listener: the browser's input queue (CDP-made keystrokes here). */
  queueP50Ms: number;
  queueP95Ms: number;
  /** The page's first listener → the first frame laid out after the field's input event. */
  echoFromDispatchP95Ms: number;
}

export interface TypingResult {
  keystrokes: number;
  missed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Keystroke to the hook attribute changing (before the frame that shows it). */
  attributeP95Ms: number;
  /** p95 of frames from keystroke to warning (1: shown in the next frame, the best any rAF-batched update can do). */
  framesP95: number;
  /** Keystroke to the page's own echo of it (same page, same browser). */
  echoP50Ms: number;
  echoP95Ms: number;
  /** p95 of the wait from the echo's frame to the warning's (0: the warning shows with the echo). */
  afterEchoP95Ms: number;
  /** Share of keystrokes whose warning showed in the same frame as their echo. */
  sameFrameShare: number;
  path: KeyPath;
  /** The page's first listener → the first frame laid out after the findings changed. */
  fromDispatchP95Ms: number;
  /** The page's first listener → the findings hook changed: the extension's own work on a keystroke. */
  attributeFromDispatchP95Ms: number;
}

export interface EchoResult {
  keystrokes: number;
  missed: number;
  p50Ms: number;
  p95Ms: number;
  path: KeyPath;
}

/**
 * Types into the units fields of the portal page, line after line: "0" after the units (2 → 20,
 * more units than the minutes allow, a finding appears), then Backspace (back to 2, it clears).
 * Every keystroke changes the findings. Every keystroke's echo (the frame that lays out the
 * field's new value) is timed, with or without the extension; with `awaitFindings` and the e2e
 * findings hook on the page, so is the frame that shows the warning. Null when the page could not
 * be instrumented (or, with `awaitFindings`, has no findings hook).
 */
export async function typeUnits(
  page: Page,
  keystrokes: number,
  awaitFindings: boolean,
): Promise<KeyTiming[] | null> {
  const hooked = (await page.evaluate('window.__cgBench.startTyping()')) as boolean;
  const timing = !awaitFindings || hooked;
  const timings: KeyTiming[] = [];
  try {
    for (let k = 0; k < keystrokes; k++) {
      const line = Math.floor(k / 2) % PORTAL_LINE_COUNT;
      if (k % 2 === 0) {
        await page.evaluate(`(() => {
          const el = document.getElementById('svc-${line}-units');
          el.focus();
          el.setSelectionRange(el.value.length, el.value.length);
        })()`);
        await page.keyboard.press('0');
      } else {
        await page.keyboard.press('Backspace');
      }
      const t = (await page.evaluate(
        `window.__cgBench.awaitKey(${k}, ${MISSED_KEY_MS}, ${awaitFindings && hooked})`,
      )) as Omit<KeyTiming, 'missed'> | null;
      timings.push(
        t
          ? { ...t, missed: false }
          : {
              key: 0,
              changed: MISSED_KEY_MS,
              shown: MISSED_KEY_MS,
              frames: Number.POSITIVE_INFINITY,
              echo: MISSED_KEY_MS,
              echoFrames: Number.POSITIVE_INFINITY,
              dispatched: 0,
              missed: true,
            },
      );
      // Land the next keystroke at a random point of the frame, as a person's would.
      await sleep(Math.random() * 17);
    }
  } finally {
    await page.evaluate('window.__cgBench.stopTyping()');
  }
  return timing ? timings : null;
}

export function summarizeTyping(timings: KeyTiming[]): TypingResult {
  const shown = timings.map((t) => t.shown - t.key);
  const changed = timings.map((t) => t.changed - t.key);
  const echo = timings.map((t) => t.echo - t.key);
  const afterEcho = timings.map((t) => (t.missed ? MISSED_KEY_MS : Math.max(0, t.shown - t.echo)));
  return {
    keystrokes: timings.length,
    missed: timings.filter((t) => t.missed).length,
    p50Ms: percentile(shown, 50),
    p95Ms: percentile(shown, 95),
    maxMs: Math.max(...shown),
    attributeP95Ms: percentile(changed, 95),
    framesP95: percentile(
      timings.map((t) => t.frames),
      95,
    ),
    echoP50Ms: percentile(echo, 50),
    echoP95Ms: percentile(echo, 95),
    afterEchoP95Ms: percentile(afterEcho, 95),
    sameFrameShare: timings.filter((t) => !t.missed && t.frames === t.echoFrames).length / timings.length,
    path: keyPath(timings),
    fromDispatchP95Ms: percentile(
      timings.map((t) => t.shown - t.dispatched),
      95,
    ),
    attributeFromDispatchP95Ms: percentile(
      timings.map((t) => t.changed - t.dispatched),
      95,
    ),
  };
}

/** A missed keystroke (no times recorded) counts as MISSED_KEY_MS after dispatch and nothing before it. */
function keyPath(timings: KeyTiming[]): KeyPath {
  const queue = timings.map((t) => t.dispatched - t.key);
  return {
    queueP50Ms: percentile(queue, 50),
    queueP95Ms: percentile(queue, 95),
    echoFromDispatchP95Ms: percentile(
      timings.map((t) => t.echo - t.dispatched),
      95,
    ),
  };
}

/** The page's own echo alone (the page loaded where none of our code runs). */
export function summarizeEcho(timings: KeyTiming[]): EchoResult {
  const echo = timings.map((t) => t.echo - t.key);
  return {
    keystrokes: timings.length,
    missed: timings.filter((t) => t.missed).length,
    p50Ms: percentile(echo, 50),
    p95Ms: percentile(echo, 95),
    path: keyPath(timings),
  };
}
