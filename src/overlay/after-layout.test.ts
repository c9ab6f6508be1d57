import { describe, expect, test } from 'vitest';
import { afterLayout } from './after-layout';

/**
 * A window whose frames are run by hand, in the browser's order: animation frame callbacks,
 * then layout, then ResizeObserver deliveries for observed targets (only when `layout` is on:
 * a DOM without layout never delivers).
 */
function fakeWindow({ layout }: { layout: boolean }) {
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const observed = new Set<Element>();
  let deliver: (() => void) | null = null;
  const log: string[] = [];
  const win = {
    requestAnimationFrame(cb: () => void) {
      const id = nextId++;
      frames.set(id, cb);
      log.push('raf');
      return id;
    },
    cancelAnimationFrame(id: number) {
      frames.delete(id);
    },
    ResizeObserver: class {
      constructor(callback: () => void) {
        deliver = callback;
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {
        observed.clear();
      }
    },
  } as unknown as Window;
  return {
    win,
    log,
    observed,
    /** One frame: rAF callbacks, layout, observer deliveries (each delivery ends the observation's news). */
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb();
      log.push('layout');
      if (layout && observed.size > 0) {
        observed.clear(); // delivered: nothing new until observed again
        deliver?.();
      }
    },
  };
}

const probe = {} as Element;

describe('afterLayout', () => {
  test('a request made outside a frame runs in the stand-in frame once, then proves the observer and never asks for a frame again', () => {
    const page = fakeWindow({ layout: true });
    const runs: string[] = [];
    const after = afterLayout(page.win, probe, () =>
      runs.push(page.log.at(-1) === 'layout' ? 'after layout' : 'before layout'),
    );
    after.request(); // from a plain task: a re-read on a timer, the first draw
    page.frame();
    expect(runs).toEqual(['before layout']);
    expect(after.proven).toBe(true);
    expect(page.observed.size).toBe(0);

    page.log.length = 0;
    after.request();
    page.frame();
    expect(page.log).not.toContain('raf');
    expect(runs).toEqual(['before layout', 'after layout']);
    after.request();
    page.frame();
    expect(runs).toEqual(['before layout', 'after layout', 'after layout']);
  });

  test('the observer proves itself in the first frame after it is made: the first request waits for layout, with no stand-in frame', () => {
    const page = fakeWindow({ layout: true });
    const runs: string[] = [];
    const after = afterLayout(page.win, probe, () =>
      runs.push(page.log.at(-1) === 'layout' ? 'after layout' : 'before layout'),
    );
    expect(page.observed.has(probe)).toBe(true);
    page.frame(); // the overlay's first draw is measured in a plain task; this frame proves the observer
    expect(after.proven).toBe(true);
    expect(runs).toEqual([]);
    after.request();
    page.frame();
    expect(page.log).not.toContain('raf');
    expect(runs).toEqual(['after layout']);
  });

  test('a cancel before the first frame leaves the proof observed', () => {
    const page = fakeWindow({ layout: true });
    let runs = 0;
    const after = afterLayout(page.win, probe, () => runs++);
    after.request();
    after.cancel(); // a draw in a plain task cancels what was asked for in a frame
    expect(page.observed.has(probe)).toBe(true);
    page.frame();
    expect(runs).toBe(0);
    expect(after.proven).toBe(true);
    expect(page.observed.size).toBe(0);
  });

  test('where nothing is laid out, every request still runs once, in a frame', () => {
    const page = fakeWindow({ layout: false });
    let runs = 0;
    const after = afterLayout(page.win, probe, () => runs++);
    for (let i = 1; i <= 3; i++) {
      after.request();
      after.request(); // asked twice before the frame: one run
      page.frame();
      expect(runs).toBe(i);
    }
    expect(after.proven).toBe(false);
  });

  test('a request cancelled before its frame does not run, and the probe is let go', () => {
    const page = fakeWindow({ layout: true });
    let runs = 0;
    const after = afterLayout(page.win, probe, () => runs++);
    after.request();
    after.cancel();
    page.frame();
    expect(runs).toBe(0);
    expect(page.observed.size).toBe(0);
  });

  test("a request made again by the stand-in frame's task runs after that frame's layout", () => {
    const page = fakeWindow({ layout: true });
    const runs: string[] = [];
    let again = true;
    const after = afterLayout(page.win, probe, () => {
      runs.push(page.log.at(-1) === 'layout' ? 'after layout' : 'before layout');
      if (again) {
        again = false;
        after.request();
      }
    });
    after.request();
    page.frame();
    expect(runs).toEqual(['before layout', 'after layout']);
    page.log.length = 0;
    page.frame();
    expect(runs).toHaveLength(2); // the frame it had asked for was cancelled: nothing runs twice
  });
});
