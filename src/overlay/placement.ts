/**
 * Where overlay pieces go. Pure geometry on viewport boxes (from getBoundingClientRect, read
 * in one batch per animation frame): the overlay must never sit on the page's own controls,
 * so every candidate spot is tested against the boxes of the fields and submit buttons.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(box: Box, viewport: Size): boolean {
  return (
    box.left >= 0 &&
    box.top >= 0 &&
    box.left + box.width <= viewport.width &&
    box.top + box.height <= viewport.height
  );
}

export function isVisible(box: Box, viewport: Size): boolean {
  return (
    box.width > 0 &&
    box.height > 0 &&
    box.left + box.width > 0 &&
    box.top + box.height > 0 &&
    box.left < viewport.width &&
    box.top < viewport.height
  );
}

/** Spots around a field, in order of preference: right of it, above its right end, below it, left of it. */
export function badgeCandidates(field: Box, size: Size): Box[] {
  const right = field.left + field.width;
  // A dot small enough for the gutter between two grid cells sits right against the field.
  const GAP = size.width <= 12 ? 1 : 3;
  const { width, height } = size;
  return [
    { left: right + GAP, top: field.top + (field.height - height) / 2, width, height },
    { left: right - width, top: field.top - height - GAP, width, height },
    { left: right - width, top: field.top + field.height + GAP, width, height },
    { left: field.left - width - GAP, top: field.top + (field.height - height) / 2, width, height },
  ];
}

/**
 * The first candidate spot that stays in the viewport and touches neither a page control nor
 * a badge already placed; `null` when there is none (the field then keeps only its outline
 * and the panel carries the finding).
 */
export function placeBadge(
  field: Box,
  sizes: readonly Size[],
  obstacles: readonly Box[],
  taken: readonly Box[],
  viewport: Size,
): Box | null {
  for (const size of sizes) {
    for (const spot of badgeCandidates(field, size)) {
      if (!inside(spot, viewport)) continue;
      if (obstacles.some((o) => overlapArea(o, spot) > 0)) continue;
      if (taken.some((t) => overlapArea(t, spot) > 0)) continue;
      return spot;
    }
  }
  return null;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
const CORNERS: Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
const MARGIN = 12;

export function cornerBox(corner: Corner, size: Size, viewport: Size): Box {
  const left = corner.endsWith('right') ? viewport.width - size.width - MARGIN : MARGIN;
  const top = corner.startsWith('bottom') ? viewport.height - size.height - MARGIN : MARGIN;
  return { left: Math.max(0, left), top: Math.max(0, top), width: size.width, height: size.height };
}

/** The viewport corner where the panel covers the least of the page's controls (bottom right on a tie). */
export function pickCorner(size: Size, obstacles: readonly Box[], viewport: Size): Corner {
  let best: Corner = 'bottom-right';
  let bestCover = Number.POSITIVE_INFINITY;
  for (const corner of CORNERS) {
    const box = cornerBox(corner, size, viewport);
    const cover = obstacles.reduce((sum, o) => sum + overlapArea(o, box), 0);
    if (cover < bestCover) {
      best = corner;
      bestCover = cover;
    }
  }
  return best;
}

/** Keeps a dragged panel reachable: at least its header stays on screen. */
export function clampToViewport(
  pos: { left: number; top: number },
  size: Size,
  viewport: Size,
): { left: number; top: number } {
  return {
    left: Math.min(Math.max(0, pos.left), Math.max(0, viewport.width - size.width)),
    top: Math.min(Math.max(0, pos.top), Math.max(0, viewport.height - 40)),
  };
}
