import { describe, expect, test } from 'vitest';
import type { Finding } from '../core/finding';
import { type Anchor, type BadgeLayout, keepUnchanged, type Layout, onPage, stayedPut } from './layout';

const finding: Finding = {
  rule: 'units/exceeds-minutes',
  severity: 'error',
  line: 0,
  field: 'units',
  message: '3 units billed for 20 minutes.',
  source: 'CMS Pub. 100-04, ch. 5, §20.2',
};

/** A layout as measured on screen: one field at `top` in the viewport, its badge beside it. */
function measuredAt(top: number): Layout {
  const badge: BadgeLayout = {
    key: 'l0-units-d',
    box: { left: 183, top, width: 90, height: 20 },
    size: 'full',
    label: 'Units',
    severity: 'error',
    findings: [finding],
    tipAbove: false,
    tipAlignRight: false,
  };
  return {
    rings: [{ key: 'l0-units-d', box: { left: 100, top, width: 80, height: 20 }, severity: 'error' }],
    badges: [badge],
    obstacles: [],
    viewport: { width: 1280, height: 800 },
  };
}

describe('onPage', () => {
  test('moves rings and badges by the scroll, and leaves obstacles and the viewport on screen', () => {
    const page = onPage(
      { ...measuredAt(100), obstacles: [{ left: 0, top: 5, width: 10, height: 10 }] },
      { x: 3, y: 400 },
    );
    expect(page.rings[0]!.box).toEqual({ left: 103, top: 500, width: 80, height: 20 });
    expect(page.badges[0]!.box).toEqual({ left: 186, top: 500, width: 90, height: 20 });
    expect(page.obstacles).toEqual([{ left: 0, top: 5, width: 10, height: 10 }]);
  });

  test('marks at a pinned field keep their screen box, marked pinned', () => {
    const page = onPage(measuredAt(10), { x: 0, y: 400 }, new Set(['l0-units-d']));
    expect(page.rings[0]).toMatchObject({ box: { top: 10 }, pinned: true });
    expect(page.badges[0]).toMatchObject({ box: { top: 10 }, pinned: true });
  });

  test('the same page position read at two fractional scrolls is the same box, so the badge is kept', () => {
    // 0.2 + 0.1 is 0.30000000000000004 in floating point; 0.25 + 0.05 is 0.3.
    const first = onPage(measuredAt(0.2), { x: 0, y: 0.1 });
    const second = onPage(measuredAt(0.25), { x: 0, y: 0.05 });
    expect(keepUnchanged(second, first).badges[0]).toBe(first.badges[0]);
  });
});

describe('stayedPut', () => {
  const viewport = { width: 1280, height: 800 };
  const box = (top: number) => ({ left: 100, top, width: 80, height: 20 });
  const anchor = (key: string, top: number): Anchor => ({
    el: {} as Element,
    key,
    findings: [finding],
    box: box(top),
  });
  const before = new Map([
    ['toolbar', box(10)],
    ['line', box(300)],
  ]);

  test('the page scrolled by 100: the field that stayed on its spot of the screen is told apart', () => {
    const now = [anchor('toolbar', 10), anchor('line', 200)];
    expect(stayedPut(now, before, [], [], 0, 100, viewport)).toEqual(new Set(['toolbar']));
  });

  test('nothing moved with the scroll (the browser kept the content still after an insert above): no answer', () => {
    const now = [anchor('toolbar', 10), anchor('line', 300)];
    expect(stayedPut(now, before, [box(500)], [box(500)], 0, 100, viewport)).toBeNull();
  });

  test('a control on screen that moved with the page is enough to tell', () => {
    const now = [anchor('toolbar', 10)];
    expect(stayedPut(now, before, [box(500)], [box(400)], 0, 100, viewport)).toEqual(new Set(['toolbar']));
  });
});
