import type { PageConfig } from './types';
import { OVERLAY_HOST_ATTR } from './types';

/**
 * Calls `onChange` (at most once per animation frame) when the charge fields may have changed:
 * typing (capture-phase input/change on the document and on every open shadow root, since
 * `change` is not composed), DOM changes (one MutationObserver per root, attributes limited by
 * a filter), and SPA navigation (popstate, hashchange, Navigation API). Nothing runs while the
 * page is idle: no polling, no timers; the observer callback only sets a flag, and the frame
 * callback does the rest. Everything stops when `signal` aborts.
 */

/** Attributes that change what a field holds or whether it counts; data-cg-* marks are not among them. */
const WATCHED_ATTRIBUTES = ['value', 'hidden', 'disabled', 'selected', 'readonly', 'contenteditable'];
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};
/** Above this many added nodes in one frame, one walk of the whole document beats walking each addition. */
export const FULL_RESCAN_NODES = 200;

export function watchPage(
  doc: Document,
  config: PageConfig,
  onChange: () => void,
  signal: AbortSignal,
): void {
  void config; // taught mappings matter when reading, not when deciding that something changed
  // The content script's own globals for its own document (Firefox content scripts see the
  // page's window through Xray wrappers); a frame's window otherwise (tests, other documents).
  const view = (doc === globalThis.document ? globalThis : doc.defaultView) as
    | (Window & typeof globalThis)
    | null;
  if (!view || signal.aborted) return;
  let frame: number | null = null;
  let addedCount = 0;
  let added: Node[] = [];
  let fullRescan = false;
  const watched = new WeakSet<Node>();

  const run = () => {
    frame = null;
    if (signal.aborted) return;
    if (fullRescan) for (const root of openShadowRoots(doc)) watchRoot(root);
    else for (const node of added) for (const root of openShadowRoots(node)) watchRoot(root);
    added = [];
    addedCount = 0;
    fullRescan = false;
    try {
      onChange();
    } catch {
      // fail open: the page keeps working whatever the reader or the overlay does
    }
  };
  const schedule = () => {
    if (frame === null && !signal.aborted) frame = view.requestAnimationFrame(run);
  };

  const observer = new view.MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (isOurs(record)) continue;
      relevant = true;
      if (record.type !== 'childList' || fullRescan) continue;
      addedCount += record.addedNodes.length;
      if (addedCount > FULL_RESCAN_NODES) {
        fullRescan = true;
        added = [];
      } else for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) added.push(node);
    }
    if (relevant) schedule();
  });

  const watchRoot = (root: Document | ShadowRoot) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, OBSERVE);
    root.addEventListener('input', schedule, { capture: true, passive: true, signal });
    root.addEventListener('change', schedule, { capture: true, passive: true, signal });
  };

  watchRoot(doc);
  for (const root of openShadowRoots(doc)) watchRoot(root);
  view.addEventListener('popstate', schedule, { signal });
  view.addEventListener('hashchange', schedule, { signal });
  const navigation = (view as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', schedule, { signal });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (frame !== null) view.cancelAnimationFrame(frame);
      frame = null;
    },
    { once: true },
  );
}

/** Mutations of Charge Guard's own overlay (its host, or badges it inserted) are not page changes. */
function isOurs(record: MutationRecord): boolean {
  const target = record.target as Element;
  if (target.nodeType === 1 && target.closest?.(`[${OVERLAY_HOST_ATTR}]`)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return (
    nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).hasAttribute(OVERLAY_HOST_ATTR))
  );
}

/** Open shadow roots in and under `start` (nested ones included). */
export function openShadowRoots(start: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (root: Node) => {
    const first = root.nodeType === 1 ? (root as Element) : null;
    if (first?.shadowRoot) {
      found.push(first.shadowRoot);
      visit(first.shadowRoot);
    }
    const all = 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll('*') : [];
    for (const el of Array.from(all)) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(start);
  return found;
}
