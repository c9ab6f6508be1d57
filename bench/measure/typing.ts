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
  missed: boolean;
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
}

/**
 * Types into the units fields of the portal page, line after line: "0" after the units (2 → 20,
 * more units than the minutes allow, a finding appears), then Backspace (back to 2, it clears).
 * Every keystroke changes the findings. With `awaitFindings` each keystroke waits for the
 * overlay's frame; without (the no-extension browser), the same keys at a similar pace.
 */
export async function typeUnits(
  page: Page,
  keystrokes: number,
  awaitFindings: boolean,
): Promise<KeyTiming[] | null> {
  // No overlay host on the page: type anyway (the long-task count still needs the load), time nothing.
  const timing = awaitFindings && ((await page.evaluate('window.__cgBench.startTyping()')) as boolean);
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
      if (timing) {
        const t = (await page.evaluate(`window.__cgBench.awaitKey(${k}, ${MISSED_KEY_MS})`)) as Omit<
          KeyTiming,
          'missed'
        > | null;
        timings.push(
          t
            ? { ...t, missed: false }
            : {
                key: 0,
                changed: MISSED_KEY_MS,
                shown: MISSED_KEY_MS,
                frames: Number.POSITIVE_INFINITY,
                missed: true,
              },
        );
      } else {
        await sleep(20);
      }
      // Land the next keystroke at a random point of the frame, as a person's would.
      await sleep(Math.random() * 17);
    }
  } finally {
    if (timing) await page.evaluate('window.__cgBench.stopTyping()');
  }
  return timing ? timings : null;
}

export function summarizeTyping(timings: KeyTiming[]): TypingResult {
  const shown = timings.map((t) => t.shown - t.key);
  const changed = timings.map((t) => t.changed - t.key);
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
  };
}
