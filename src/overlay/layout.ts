import type { Finding, Severity } from '../core/finding';
import { type Box, isVisible, placeBadge, type Size } from './placement';
import { sameFinding, shortLabel, worstSeverity } from './summary';
import type { OverlayModel } from './types';

export interface BadgeLayout {
  key: string;
  box: Box;
  /** full: icon and label; compact: icon only; dot: a 10px marker for the gutter of a dense grid. */
  size: 'full' | 'compact' | 'dot';
  label: string;
  severity: Severity;
  findings: Finding[];
  /** Open the tooltip above the badge when there is no room below it. */
  tipAbove: boolean;
  /** Align the tooltip's right edge with the badge when there is no room to its right. */
  tipAlignRight: boolean;
  /** At a field that stays put when the page scrolls: the box is on screen, not on the page. */
  pinned?: boolean;
}
export interface RingLayout {
  key: string;
  box: Box;
  severity: Severity;
  /** As BadgeLayout.pinned. */
  pinned?: boolean;
}
export interface Layout {
  rings: RingLayout[];
  badges: BadgeLayout[];
  obstacles: Box[];
  viewport: Size;
}

export const EMPTY_LAYOUT: Layout = {
  rings: [],
  badges: [],
  obstacles: [],
  viewport: { width: 0, height: 0 },
};

const BADGE_HEIGHT = 20;
const DOT = 10;
const TIP_ROOM = 180;
const TIP_WIDTH = 340;

/**
 * A badge's key names the claim field it is about (line, field, diagnosis), not the page
 * element: a grid that re-renders puts new elements at the same fields, and Preact then keeps
 * the badge's DOM (and its focus) instead of rebuilding it every time.
 */
function placeKey(f: Finding): string {
  return `l${f.line ?? ''}-${f.field ?? ''}-d${f.diagnosis ?? ''}`;
}

function toBox(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** Badge text width without measuring text (measuring would force layout on every check). */
export function badgeWidth(label: string, count: number): number {
  return Math.ceil(30 + label.length * 6.4 + (count > 1 ? 12 : 0));
}

/** A page field with findings, and where it is. */
export interface Anchor {
  el: Element;
  /** Which field of the claim it is, stable across re-renders of the page (see placeKey). */
  key: string;
  findings: Finding[];
  box: Box;
}

/** The fields that carry findings, each read once (a field with three findings gets one badge). */
export function measureAnchors(model: OverlayModel): Anchor[] {
  const byElement = new Map<Element, Finding[]>();
  for (const f of model.findings) {
    const el = model.anchorFor(f);
    if (!el) continue;
    const list = byElement.get(el) ?? [];
    list.push(f);
    byElement.set(el, list);
  }
  const used = new Set<string>();
  return [...byElement.entries()].map(([el, findings]) => {
    let key = placeKey(findings[0]!);
    // Two elements for one field (a page showing it twice) still need distinct badges.
    for (let n = 2; used.has(key); n++) key = `${placeKey(findings[0]!)}-${n}`;
    used.add(key);
    return { el, key, findings, box: toBox(el.getBoundingClientRect()) };
  });
}

/** Where each of the page's controls is, in the order given (one read per element). */
export function readBoxes(controls: readonly Element[]): Box[] {
  return controls.map((el) => toBox(el.getBoundingClientRect()));
}

/**
 * The controls' boxes after the page itself scrolled by (dx, dy), from the boxes before it:
 * only those on screen before or after are read again (a fixed toolbar's buttons are on screen
 * both times and stay where they were); everything else moved with the page. A scroll on a
 * 20,000-element portal then reads the controls in view, not every control on it.
 */
export function scrolledBoxes(
  controls: readonly Element[],
  before: readonly Box[],
  dx: number,
  dy: number,
  viewport: Size,
): Box[] {
  return before.map((box, i) => {
    const moved = movedBy(box, dx, dy);
    const el = controls[i];
    return el && (isVisible(box, viewport) || isVisible(moved, viewport))
      ? toBox(el.getBoundingClientRect())
      : moved;
  });
}

/** Where a box that moves with the page is after the page scrolled by (dx, dy). */
export function movedBy(box: Box, dx: number, dy: number): Box {
  return { left: box.left - dx, top: box.top - dy, width: box.width, height: box.height };
}

/**
 * The fields that stayed put on screen while the page scrolled by (dx, dy): a fixed or sticky
 * toolbar's. Null when nothing measured moved with the page, where the browser changed the
 * scroll to keep the content still (scroll anchoring, after something was inserted above): no
 * field can then be told from the rest. Controls are compared only where they were read again
 * (on screen before or after, as scrolledBoxes reads them).
 */
export function stayedPut(
  anchors: readonly Anchor[],
  anchorsBefore: ReadonlyMap<string, Box>,
  controlsBefore: readonly Box[],
  controlsNow: readonly Box[],
  dx: number,
  dy: number,
  viewport: Size,
): Set<string> | null {
  const followed = (was: Box, now: Box) => sameBox(movedBy(was, dx, dy), now);
  const pageMoved =
    anchors.some((a) => {
      const was = anchorsBefore.get(a.key);
      return was !== undefined && followed(was, a.box);
    }) ||
    controlsNow.some((now, i) => {
      const was = controlsBefore[i];
      return (
        was !== undefined && (isVisible(was, viewport) || isVisible(now, viewport)) && followed(was, now)
      );
    });
  if (!pageMoved) return null;
  const stayed = new Set<string>();
  for (const a of anchors) {
    const was = anchorsBefore.get(a.key);
    if (was && sameBox(was, a.box)) stayed.add(a.key);
  }
  return stayed;
}

/** The boxes on screen: what badges and the panel must not cover. */
export function onScreen(boxes: readonly Box[], viewport: Size): Box[] {
  return boxes.filter((b) => isVisible(b, viewport));
}

export function sameBox(a: Box, b: Box): boolean {
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

/** Rings and badges for measured fields, clear of the given control boxes. No DOM access. */
export function placeAll(anchors: readonly Anchor[], obstacles: Box[], viewport: Size): Layout {
  const rings: RingLayout[] = [];
  const badges: BadgeLayout[] = [];
  const taken: Box[] = [];
  for (const { key, findings, box } of anchors) {
    if (!isVisible(box, viewport)) continue;
    const severity = worstSeverity(findings) ?? 'info';
    rings.push({ key, box, severity });
    const worst = findings.find((f) => f.severity === severity) ?? findings[0]!;
    const label = shortLabel(worst.rule);
    const full = { width: badgeWidth(label, findings.length), height: BADGE_HEIGHT };
    const compact = { width: BADGE_HEIGHT, height: BADGE_HEIGHT };
    const dot = { width: DOT, height: DOT };
    const spot = placeBadge(box, [full, compact, dot], [...obstacles, box], taken, viewport);
    if (!spot) continue;
    taken.push(spot);
    badges.push({
      key,
      box: spot,
      size: spot.width === DOT ? 'dot' : spot.width === BADGE_HEIGHT ? 'compact' : 'full',
      label,
      severity,
      findings,
      tipAbove: spot.top + spot.height + TIP_ROOM > viewport.height && spot.top > TIP_ROOM,
      tipAlignRight: spot.left + TIP_WIDTH > viewport.width,
    });
  }
  return { rings, badges, obstacles, viewport };
}

/**
 * The layout with its rings and badges moved from the viewport to the page, given the page's
 * scroll when it was measured. Drawn in a layer that moves opposite the scroll, they follow the
 * page with one style write, and a layout measured after a plain scroll that places everything
 * where it was on the page equals the one before it (keepUnchanged then keeps every badge).
 * Those at `pinned` fields (which stay put on screen when the page scrolls) keep their screen
 * boxes, marked pinned, to be drawn outside that layer. Obstacles and the viewport stay in
 * viewport terms: they are for placing, not for drawing.
 */
export function onPage(
  layout: Layout,
  scroll: { x: number; y: number },
  pinned: ReadonlySet<string> = new Set(),
): Layout {
  if (scroll.x === 0 && scroll.y === 0 && pinned.size === 0) return layout;
  const place = <T extends { key: string; box: Box }>(mark: T): T =>
    pinned.has(mark.key)
      ? { ...mark, pinned: true }
      : {
          ...mark,
          box: {
            ...mark.box,
            left: toPixelGrid(mark.box.left + scroll.x),
            top: toPixelGrid(mark.box.top + scroll.y),
          },
        };
  return { ...layout, rings: layout.rings.map(place), badges: layout.badges.map(place) };
}

/**
 * A page coordinate on the 1/64 px grid browsers lay out on: a fractional scroll (zoom, Firefox)
 * plus a fractional box may differ in the last bit from one look to the next, and every badge
 * would then count as moved and be drawn again.
 */
function toPixelGrid(v: number): number {
  return Math.round(v * 64) / 64;
}

function sameBadge(a: BadgeLayout, b: BadgeLayout): boolean {
  return (
    a.key === b.key &&
    sameBox(a.box, b.box) &&
    a.size === b.size &&
    a.label === b.label &&
    a.severity === b.severity &&
    a.tipAbove === b.tipAbove &&
    a.tipAlignRight === b.tipAlignRight &&
    a.pinned === b.pinned &&
    a.findings.length === b.findings.length &&
    a.findings.every((f, i) => sameFinding(f, b.findings[i]!))
  );
}

/**
 * The new layout with every badge that shows exactly what it showed before replaced by the
 * earlier object, so a badge component that compares its props by identity skips re-rendering
 * (while typing, one badge changes and the rest stay).
 */
export function keepUnchanged(next: Layout, before: Layout): Layout {
  const was = new Map(before.badges.map((b) => [b.key, b]));
  const badges = next.badges.map((b) => {
    const old = was.get(b.key);
    return old && sameBadge(old, b) ? old : b;
  });
  return { ...next, badges };
}
