import { createRef, render } from 'preact';
import { E2E } from '../env';
import { OVERLAY_HOST_ATTR } from '../page/types';
import { afterLayout } from './after-layout';
import { announceNewErrors } from './announce';
import { OverlayView } from './components/Overlay';
import type { PanelPlacement } from './components/Panel';
import {
  type Anchor,
  EMPTY_LAYOUT,
  keepUnchanged,
  type Layout,
  measureAnchors,
  movedBy,
  onPage,
  onScreen,
  placeAll,
  readBoxes,
  sameBox,
  scrolledBoxes,
  stayedPut,
} from './layout';
import type { Box } from './placement';
import { clampToViewport, pickCorner } from './placement';
import { applyStyles } from './styles';
import type { OverlayActions, OverlayModel } from './types';

export const HOST_TAG = 'charge-guard-overlay';

/** Keystrokes typed in the overlay must not reach the page's shortcuts (or its React root). */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'paste',
  'copy',
  'cut',
];

const PANEL_OPEN_SIZE = { width: 380, height: 360 };
const PANEL_CLOSED_SIZE = { width: 300, height: 40 };
/**
 * How long after the page's own scroll the overlay looks at the page again, for the badges of
 * fields that came into view or left it (those on screen move with the page meanwhile): at most
 * one look per this long while the page scrolls, and one within it after the scroll stops,
 * instead of one a frame. A delay under a tenth of a second reads as instant.
 */
export const SCROLL_SETTLE_MS = 100;

/**
 * When an update measures the page and draws: `frame`, after the browser lays out the coming
 * frame (no forced layout; the default); `now`, in the caller's task (a keystroke's own, after
 * the page handled it), so the frame that paints the keystroke runs no overlay script; `task`,
 * in a task of its own right after the caller's (the first check of a loaded page: the frame
 * that paints a freshly loaded page is its longest, and the check's task is long enough).
 * `now` and `task` read the layout that frame would run anyway.
 */
export type DrawWhen = 'frame' | 'now' | 'task';

export interface OverlayHandle {
  /** The single element Charge Guard adds to a page (one per frame with charge fields). */
  readonly host: HTMLElement;
  update(model: OverlayModel, when?: DrawWhen): void;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  destroy(): void;
}

/**
 * Mounts the overlay in a shadow root (open in the e2e build so tests can look inside,
 * closed in the release build) and keeps it placed. An update re-renders only when what it
 * shows changed: the same findings at the same fields in the same places write nothing.
 * Geometry is read in one batch after the page's own layout for the coming frame is done
 * (reading it at once would force that layout inside the extension), and the overlay draws in
 * that same frame: one paint per keystroke, not a second frame of its own. It is read only
 * when a finding sits at a field or the panel's corner is still to be picked, and again on
 * resize, on a scroll inside the page, and once a scroll of the page itself settles (passive
 * listeners). Rings and badges are drawn at page coordinates in one layer, so while the page
 * itself scrolls they follow it by one style write a frame.
 */
export function mountOverlay(
  doc: Document,
  actions: OverlayActions,
  signal: AbortSignal,
  options: { mode?: ShadowRootMode } = {},
): OverlayHandle {
  const win = doc.defaultView ?? window;
  const host = doc.createElement(HOST_TAG);
  // The page reader skips this element, so the overlay's own inputs are never read as fields.
  host.setAttribute(OVERLAY_HOST_ATTR, '');
  const shadow = host.attachShadow({ mode: options.mode ?? (E2E ? 'open' : 'closed') });
  applyStyles(shadow);
  const root = doc.createElement('div');
  root.className = 'cg-root';
  const probe = doc.createElement('div');
  probe.className = 'cg-probe';
  probe.setAttribute('aria-hidden', 'true');
  shadow.append(root, probe);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation(), { signal });

  let model: OverlayModel | null = null;
  let layout: Layout = EMPTY_LAYOUT;
  let open = false;
  let placement: PanelPlacement = { corner: 'bottom-right', at: null };
  let seen = new Set<string>();
  let announcement = '';
  let lastPick = '';
  let controls: Element[] | null = null;
  /** The layer of rings and badges, moved opposite the page's scroll by a style write of its own. */
  const marks = createRef<HTMLDivElement>();
  /** The look after a scroll burst, while one is due. */
  let settle = 0;
  /** The page's scroll as last read (by a measure, or after layout): what the layer is shifted by. */
  let scrollAt = { x: 0, y: 0 };
  /** The coming after-layout task is to look at the page, not only move the layer. */
  let lookDue = false;
  /**
   * Fields that stayed put on screen the last time a look found the page scrolled (in a fixed
   * or sticky toolbar): their rings and badges are drawn outside the shifted layer.
   */
  let pinned = new Set<string>();
  /** What the last update showed, to tell an update that changes nothing. */
  let shown: { text: string; anchored: boolean[] } | null = null;
  /** Bumped when an update changes what is shown; drawing and layout remember which one they were for. */
  let version = 0;
  let drawnVersion = -1;
  let layoutVersion = -1;
  /**
   * The controls' boxes, kept while the page has not scrolled or resized and no field with a
   * finding moved: typing a digit moves nothing, and reading hundreds of boxes on a big page
   * costs milliseconds per keystroke. A fresh reading hands over new control elements; when
   * there are as many as before, no field with a finding moved and a few controls spread over
   * the list are exactly where their predecessors were (a grid that re-rendered the same rows),
   * the page is taken to be laid out as before and the boxes stay.
   */
  let controlCache: {
    controls: Element[];
    /** Per control, in order, on screen or not (for the spot check). */
    all: Box[];
    visible: Box[];
    anchors: Map<string, Box>;
    /** The page's scroll position the boxes are for. */
    scroll: { x: number; y: number };
  } | null = null;

  const attach = () => {
    // Pages that replace <body> (SPA navigation) would drop a host kept there.
    if (!host.isConnected) doc.documentElement.append(host);
  };

  const paint = () => {
    if (!model || signal.aborted) return;
    attach();
    drawnVersion = version;
    const focused = focusedBadge();
    render(
      <OverlayView
        model={model}
        actions={actions}
        layout={layout}
        open={open}
        onToggle={() => handle.setOpen(!open)}
        placement={placement}
        onMove={(at) => {
          placement = {
            ...placement,
            at: clampToViewport(at, open ? PANEL_OPEN_SIZE : PANEL_CLOSED_SIZE, layout.viewport),
          };
          paint();
        }}
        announcement={announcement}
        marks={marks}
      />,
      root,
    );
    if (focused && !focused.wrap.isConnected) refocus(focused.key);
    follow();
  };

  /** The badge holding keyboard focus (on it or in its tip), by its key. */
  const focusedBadge = (): { key: string; wrap: Element } | null => {
    const wrap = shadow.activeElement?.closest('.cg-badge-wrap');
    const key = wrap?.getAttribute('data-cg-key');
    return wrap && key ? { key, wrap } : null;
  };
  /**
   * A badge that moved between the page's layer and the pinned one is a new element (keys hold
   * within one parent): focus goes to its successor, not to the page's body.
   */
  const refocus = (key: string) => {
    const wraps = Array.from(root.querySelectorAll('.cg-badge-wrap'));
    wraps
      .find((wrap) => wrap.getAttribute('data-cg-key') === key)
      ?.querySelector<HTMLElement>('.cg-badge')
      ?.focus();
  };

  /**
   * Puts the rings and badges (drawn at page coordinates) where the page's last read scroll
   * shows them. It reads nothing of the page: even `scrollY` forces the page's layout when read
   * at the wrong moment (after a keystroke's own echo, 1-2 ms a key on the bench portal).
   */
  const follow = () => {
    const layer = marks.current;
    if (!layer) return;
    const { x, y } = scrollAt;
    const shift = x || y ? `translate(${-x}px, ${-y}px)` : '';
    if (layer.style.transform !== shift) layer.style.transform = shift;
  };

  /** Whether the cached control boxes still hold for these controls and fields. */
  const cacheHolds = (current: Element[], anchors: readonly Anchor[]): boolean => {
    const cache = controlCache;
    if (!cache || moved(anchors, cache.anchors)) return false;
    if (cache.controls === current) return true;
    const n = current.length;
    if (n === 0 || n !== cache.controls.length) return false;
    return [0, n >> 1, n - 1].every((i) => sameBox(readBoxes([current[i]!])[0]!, cache.all[i]!));
  };

  /**
   * Reads every box the overlay needs in one pass (at most one layout), or null when there is
   * nothing to place at the fields and the panel is already in its corner: a clean page that
   * re-renders its grid costs the overlay no geometry at all.
   */
  const measure = (current: OverlayModel): Layout | null => {
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const pickKey = `${open}|${viewport.width}x${viewport.height}`;
    if (
      layout.rings.length === 0 &&
      pickKey === lastPick &&
      !current.findings.some((f) => current.anchorFor(f))
    ) {
      return null;
    }
    // Same read batch as the badges: the panel's real size, so its corner is picked honestly.
    const panelBox = root.querySelector('.cg-panel')?.getBoundingClientRect();
    // Which elements are controls changes with the page, not with scrolling: ask once per update.
    controls ??= current.obstacles();
    const anchors = measureAnchors(current);
    const scroll = { x: win.scrollX, y: win.scrollY };
    scrollAt = scroll;
    let cache = controlCache;
    if (cache && (cache.scroll.x !== scroll.x || cache.scroll.y !== scroll.y)) {
      const dx = scroll.x - cache.scroll.x;
      const dy = scroll.y - cache.scroll.y;
      const all = scrolledBoxes(cache.controls, cache.all, dx, dy, viewport);
      pinned = stayedPut(anchors, cache.anchors, cache.all, all, dx, dy, viewport) ?? pinned;
      const moved = new Map<string, Box>();
      for (const [key, b] of cache.anchors) moved.set(key, pinned.has(key) ? b : movedBy(b, dx, dy));
      cache = controlCache = { ...cache, all, visible: onScreen(all, viewport), anchors: moved, scroll };
    }
    if (cache && cacheHolds(controls, anchors)) cache.controls = controls;
    else {
      const all = readBoxes(controls);
      cache = controlCache = { controls, all, visible: onScreen(all, viewport), anchors: new Map(), scroll };
    }
    for (const a of anchors) cache.anchors.set(a.key, a.box);
    const next = placeAll(anchors, cache.visible, viewport);
    // Pick a corner when the panel opens or closes or the window resizes, not on every
    // keystroke: a panel that jumps while someone types is worse than one that covers a little.
    if (!placement.at && pickKey !== lastPick) {
      lastPick = pickKey;
      const size =
        panelBox && panelBox.width > 0
          ? { width: panelBox.width, height: panelBox.height }
          : open
            ? PANEL_OPEN_SIZE
            : PANEL_CLOSED_SIZE;
      placement = { ...placement, corner: pickCorner(size, next.obstacles, next.viewport) };
    }
    return onPage(next, scroll, pinned);
  };

  const relayout = () => {
    // Whatever asked for this look, it sees the page as scrolled now.
    if (settle) win.clearTimeout(settle);
    settle = 0;
    lookDue = false;
    if (!model || signal.aborted) return;
    const before = placed(layout, placement);
    const next = measure(model);
    // An update not drawn yet is drawn now, with its geometry, in the frame it came in.
    let redraw = drawnVersion !== version;
    if (next) {
      // Badges still carrying the findings of an earlier update, or anything moved.
      redraw ||= layoutVersion !== version || placed(next, placement) !== before;
      layout = keepUnchanged(next, layout);
      layoutVersion = version;
    }
    if (redraw) paint();
    else follow();
  };
  /** After the page's layout: a look at the page when one is due, else the layer follows the page's scroll. */
  const afterPageLayout = () => {
    if (lookDue || !model) {
      relayout();
      return;
    }
    // After layout this read is free (in the stand-in frame, before observers have proved
    // themselves on this page, it may force the layout the frame was about to do).
    const scroll = { x: win.scrollX, y: win.scrollY };
    scrollAt = scroll;
    follow();
    // Nothing at a field, shown or to be shown: a look would find nothing to place.
    if (layout.rings.length === 0 && !shown?.anchored.some(Boolean)) return;
    // A look already taken at this scroll (a keystroke's own, in its task) needs no other.
    const seen = controlCache?.scroll;
    if (seen && seen.x === scroll.x && seen.y === scroll.y) return;
    if (!settle) settle = win.setTimeout(settled, SCROLL_SETTLE_MS);
  };
  const frame = afterLayout(win, probe, afterPageLayout);
  const schedule = () => {
    if (!model || signal.aborted) return;
    lookDue = true;
    frame.request();
  };
  const moveAll = () => {
    controlCache = null;
    schedule();
  };
  const settled = () => {
    settle = 0;
    schedule();
  };
  /**
   * The page's own scroll moves every field by the same distance: after the frame's layout the
   * layer of rings and badges moves with it (one style write), and the page is looked at again
   * at most once per SCROLL_SETTLE_MS while it scrolls and once after it stops (a badge for a
   * field that came into view; `measure` then works out the controls' boxes from the cached
   * ones, reading again only what is on screen). A field in a fixed or sticky toolbar drifts
   * with the layer until the first look that finds it stayed put; its marks are drawn outside
   * the layer from then on (`pinned`). A scrolling box inside the page moves only its own
   * contents, so everything is read again, in the frame it scrolled in.
   */
  const scrolled = (event: Event) => {
    // The viewport's scroll is fired at the document; an element's (the body's too, where a
    // page makes it the scroller and the window itself never scrolls) is fired at that element.
    if (event.target === doc || event.target === win) {
      if (model && !signal.aborted) frame.request();
      return;
    }
    controlCache = null;
    schedule();
  };
  win.addEventListener('scroll', scrolled, { capture: true, passive: true, signal });
  win.addEventListener('resize', moveAll, { passive: true, signal });

  const handle: OverlayHandle = {
    host,
    update(next, when = 'frame') {
      const guardStarted = next.guard !== null && model?.guard == null;
      // Which findings sit at a field, not which element: a field re-rendered by the page is a
      // new element in the same place, and the layout below tells whether anything moved.
      const shownNow = {
        text: shownText(next),
        anchored: next.findings.map((f) => next.anchorFor(f) !== null),
      };
      const same =
        host.isConnected && // a page that removed the overlay gets it back with the next check
        shown !== null &&
        shown.text === shownNow.text &&
        shown.anchored.length === shownNow.anchored.length &&
        shown.anchored.every((at, i) => at === shownNow.anchored[i]);
      model = next;
      shown = shownNow;
      controls = null;
      if (!same) {
        version++;
        ({ text: announcement, seen } = announceNewErrors(next.findings, seen));
        if (guardStarted) open = true;
        attach();
        // Where the after-layout task is sure to run in this frame, or the caller says when, the
        // update is drawn once, with its geometry; elsewhere the panel must not wait for a frame.
        if (!frame.proven && when === 'frame') paint();
      }
      // A field may have moved, or been replaced, even when the findings did not: look again.
      if (!same || layout.rings.length > 0 || shownNow.anchored.some(Boolean)) {
        if (when === 'frame') schedule();
        else {
          frame.cancel();
          if (when === 'now') relayout();
          else win.setTimeout(relayout, 0);
        }
      }
    },
    setOpen(next) {
      open = next;
      placement = { ...placement };
      paint();
      schedule();
    },
    isOpen: () => open,
    destroy() {
      frame.cancel();
      win.clearTimeout(settle);
      model = null;
      try {
        render(null, root);
      } finally {
        host.remove();
      }
    },
  };
  signal.addEventListener('abort', () => handle.destroy(), { once: true });
  return handle;
}

/** Everything an update shows apart from geometry: findings (with their wording), line titles, payer, held submit. */
function shownText(m: OverlayModel): string {
  return JSON.stringify([m.findings, m.lineLabels, m.profile, m.guard ? m.guard.errors : null]);
}

/** Where rings, badges and the panel sit (findings left out: the update compares those itself). */
function placed(layout: Layout, placement: PanelPlacement): string {
  return JSON.stringify([
    layout.rings,
    layout.badges.map((b) => [
      b.key,
      b.box,
      b.size,
      b.label,
      b.severity,
      b.tipAbove,
      b.tipAlignRight,
      b.pinned,
    ]),
    placement,
  ]);
}

/** A field with a finding is not where it was when the controls were measured: the page moved. */
function moved(anchors: readonly Anchor[], before: ReadonlyMap<string, Box>): boolean {
  return anchors.some((a) => {
    const was = before.get(a.key);
    return was !== undefined && !sameBox(was, a.box);
  });
}
