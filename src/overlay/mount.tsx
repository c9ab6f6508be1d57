import { render } from 'preact';
import { E2E } from '../env';
import { OVERLAY_HOST_ATTR } from '../page/types';
import { announceNewErrors } from './announce';
import { OverlayView } from './components/Overlay';
import type { PanelPlacement } from './components/Panel';
import { EMPTY_LAYOUT, type Layout, measureLayout } from './layout';
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

export interface OverlayHandle {
  /** The single element Charge Guard adds to a page (one per frame with charge fields). */
  readonly host: HTMLElement;
  update(model: OverlayModel): void;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  destroy(): void;
}

/**
 * Mounts the overlay in a shadow root (open in the e2e build so tests can look inside,
 * closed in the release build) and keeps it placed: geometry is read in one batch per
 * animation frame, and again on scroll and resize (passive listeners).
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
  for (const [prop, value] of [
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['width', '0'],
    ['height', '0'],
    ['overflow', 'visible'],
    ['z-index', '2147483647'],
    ['display', 'block'],
  ]) {
    host.style.setProperty(prop!, value!, 'important');
  }
  const shadow = host.attachShadow({ mode: options.mode ?? (E2E ? 'open' : 'closed') });
  applyStyles(shadow);
  const root = doc.createElement('div');
  root.className = 'cg-root';
  shadow.append(root);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation(), { signal });

  let model: OverlayModel | null = null;
  let layout: Layout = EMPTY_LAYOUT;
  let open = false;
  let placement: PanelPlacement = { corner: 'bottom-right', at: null };
  let seen = new Set<string>();
  let announcement = '';
  let frame = 0;
  let lastPick = '';
  let controls: Element[] | null = null;

  const attach = () => {
    // Pages that replace <body> (SPA navigation) would drop a host kept there.
    if (!host.isConnected) doc.documentElement.append(host);
  };

  const paint = () => {
    if (!model || signal.aborted) return;
    attach();
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
      />,
      root,
    );
  };

  const relayout = () => {
    frame = 0;
    if (!model || signal.aborted) return;
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const current = model;
    // Nothing to place at the fields and the panel already in its corner: read no geometry at
    // all (a clean page that re-renders its grid costs the overlay nothing per frame).
    if (
      layout.rings.length === 0 &&
      `${open}|${viewport.width}x${viewport.height}` === lastPick &&
      !current.findings.some((f) => current.anchorFor(f))
    ) {
      return;
    }
    // Same read batch as the badges: the panel's real size, so its corner is picked honestly.
    const panelBox = root.querySelector('.cg-panel')?.getBoundingClientRect();
    // Which elements are controls changes with the page, not with scrolling: ask once per update.
    controls ??= model.obstacles();
    layout = measureLayout(model, viewport, controls);
    // Pick a corner when the panel opens or closes or the window resizes, not on every
    // keystroke: a panel that jumps while someone types is worse than one that covers a little.
    const pickKey = `${open}|${layout.viewport.width}x${layout.viewport.height}`;
    if (!placement.at && pickKey !== lastPick) {
      lastPick = pickKey;
      const size =
        panelBox && panelBox.width > 0
          ? { width: panelBox.width, height: panelBox.height }
          : open
            ? PANEL_OPEN_SIZE
            : PANEL_CLOSED_SIZE;
      placement = { ...placement, corner: pickCorner(size, layout.obstacles, layout.viewport) };
    }
    paint();
  };
  const schedule = () => {
    if (!frame && model && !signal.aborted) frame = win.requestAnimationFrame(relayout);
  };
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  win.addEventListener('resize', schedule, { passive: true, signal });

  const handle: OverlayHandle = {
    host,
    update(next) {
      const guardStarted = next.guard !== null && model?.guard == null;
      model = next;
      controls = null;
      ({ text: announcement, seen } = announceNewErrors(next.findings, seen));
      if (guardStarted) open = true;
      paint();
      schedule();
    },
    setOpen(next) {
      open = next;
      placement = { ...placement };
      paint();
      schedule();
    },
    isOpen: () => open,
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
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
