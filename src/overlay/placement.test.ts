import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Box, clampToViewport, overlapArea, pickCorner, placeBadge } from './placement';

const viewport = { width: 1000, height: 800 };
const full = { width: 80, height: 20 };
const compact = { width: 20, height: 20 };

describe('placeBadge', () => {
  test('goes right of a field with free space there', () => {
    const field = { left: 100, top: 100, width: 120, height: 24 };
    expect(placeBadge(field, [full], [field], [], viewport)).toMatchObject({ left: 223, top: 102 });
  });

  test('moves above the field when its right neighbour is a control', () => {
    const field = { left: 100, top: 100, width: 120, height: 24 };
    const neighbour = { left: 224, top: 100, width: 120, height: 24 };
    const spot = placeBadge(field, [full], [field, neighbour], [], viewport)!;
    expect(spot.top + spot.height).toBeLessThanOrEqual(field.top);
  });

  test('falls back to the compact size, then to no badge, in a grid with no gaps', () => {
    // A 3x3 grid of touching cells: the middle cell has no free side at all.
    const cells: Box[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++)
        cells.push({ left: 100 + c * 100, top: 100 + r * 24, width: 100, height: 24 });
    const middle = cells[4]!;
    expect(placeBadge(middle, [full, compact], cells, [], viewport)).toBeNull();
  });

  test('does not stack two badges on one spot', () => {
    const a = { left: 100, top: 100, width: 100, height: 24 };
    const first = placeBadge(a, [full], [a], [], viewport)!;
    const second = placeBadge(a, [full], [a], [first], viewport)!;
    expect(overlapArea(first, second)).toBe(0);
  });

  test('property: a placed badge never covers a control and stays on screen', () => {
    const box = fc.record({
      left: fc.integer({ min: 0, max: 950 }),
      top: fc.integer({ min: 0, max: 780 }),
      width: fc.integer({ min: 5, max: 300 }),
      height: fc.integer({ min: 5, max: 60 }),
    });
    fc.assert(
      fc.property(box, fc.array(box, { maxLength: 30 }), (field, others) => {
        const obstacles = [field, ...others];
        const spot = placeBadge(field, [full, compact], obstacles, [], viewport);
        if (!spot) return;
        expect(obstacles.every((o) => overlapArea(o, spot) === 0)).toBe(true);
        expect(spot.left).toBeGreaterThanOrEqual(0);
        expect(spot.top).toBeGreaterThanOrEqual(0);
        expect(spot.left + spot.width).toBeLessThanOrEqual(viewport.width);
        expect(spot.top + spot.height).toBeLessThanOrEqual(viewport.height);
      }),
    );
  });
});

describe('pickCorner', () => {
  const panel = { width: 380, height: 360 };
  test('bottom right when nothing is there', () => {
    expect(pickCorner(panel, [], viewport)).toBe('bottom-right');
  });
  test('avoids a corner holding the submit button', () => {
    const submit = { left: 880, top: 740, width: 100, height: 40 };
    expect(pickCorner(panel, [submit], viewport)).toBe('bottom-left');
  });
});

test('a dragged panel keeps its header on screen', () => {
  expect(clampToViewport({ left: -50, top: 2000 }, { width: 380, height: 360 }, viewport)).toEqual({
    left: 0,
    top: 760,
  });
});
