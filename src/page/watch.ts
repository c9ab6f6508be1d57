import { mayHostShadow } from './shadow-hosts';
import type { PageChange, PageConfig } from './types';
import { OVERLAY_HOST_ATTR } from './types';

/**
 * Calls `onChange` (at most once per animation frame) when the charge fields may have changed,
 * saying what changed. A person's keystroke is the exception: its change is handed over at the
 * end of its own input event (window, bubble phase: after the page's own handlers), so the
 * check runs in the keystroke's task and the frame that paints the echo carries none of it (on
 * a big page that frame alone is near a long task). What changes: typing (capture-phase
 * input/change on the document and on every open shadow root, since `change` is not composed)
 * and value-like mutations name the edited element, so the caller can re-read that field alone;
 * anything that may add, remove or move a field (elements added or removed,
 * hidden/contenteditable, SPA navigation) is structural.
 * Nothing runs while the page is idle: no polling, no timers; the observer callback only sorts
 * its records, and the frame callback does the rest. Charge Guard's own overlay (anything
 * inside an element carrying OVERLAY_HOST_ATTR, shadow roots included) is never a change.
 * Everything stops when `signal` aborts.
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
/** Inputs that are buttons: their disabled/readonly state changes no reading. */
const BUTTON_TYPES = new Set(['submit', 'button', 'image', 'reset']);

/** Above this many added nodes in one frame, one walk of the whole document beats walking each addition. */
export const FULL_RESCAN_NODES = 200;

/** What a caller can tell the watcher after it has started. */
export interface PageWatch {
  /**
   * The open shadow roots a full reading walked: watched as they are, and the page is not
   * searched for them (again). Without them (no reading, or one cut short) a watcher started
   * with `scan: 'later'` starts that search now, in idle time. Once roots have been handed over,
   * what the page adds is not searched either: the reading its change brings walks it anyway,
   * so the caller hands over the roots of each full reading, or calls this without roots (then
   * what was added since is searched at once).
   */
  shadowRootsFound(roots?: readonly (Document | ShadowRoot)[]): void;
}

export interface WatchOptions {
  /**
   * 'later': the search for the page's open shadow roots waits for `shadowRootsFound`. The first
   * reading walks every one of them anyway, and the search would run in the idle gaps between
   * that reading's slices: ~20 ms of load time on a 20,000-element page, spent twice.
   */
  scan?: 'now' | 'later';
}

export function watchPage(
  doc: Document,
  config: PageConfig,
  onChange: (change: PageChange) => void,
  signal: AbortSignal,
  options: WatchOptions = {},
): PageWatch {
  void config; // taught mappings matter when reading, not when deciding that something changed
  // The content script's own globals for its own document (Firefox content scripts see the
  // page's window through Xray wrappers); a frame's window otherwise (tests, other documents).
  const view = (doc === globalThis.document ? globalThis : doc.defaultView) as
    | (Window & typeof globalThis)
    | null;
  if (!view || signal.aborted) return { shadowRootsFound() {} };
  let frame: number | null = null;
  let addedCount = 0;
  let added: Node[] = [];
  let fullRescan = false;
  let structural = false;
  let edited = new Set<Node>();
  const watched = new WeakSet<Node>();
  /** A reading handed over its roots: the next one will, for what is added meanwhile. */
  let handedOver = false;
  /** Added since the last roots were handed over, not searched: searched if the next reading hands over none. */
  let unsearched: Node[] = [];
  let unsearchedAll = false;

  const search = (all: boolean, nodes: readonly Node[]) => {
    if (all) for (const root of openShadowRoots(doc)) watchRoot(root);
    else for (const node of nodes) for (const root of openShadowRoots(node)) watchRoot(root);
  };

  const run = (typed = false) => {
    frame = null;
    if (signal.aborted) return;
    // On a live grid this search of every re-rendered row was a fifth of the extension's time
    // there, and the reading that follows walks the same rows.
    if (!handedOver) search(fullRescan, added);
    else if (fullRescan || unsearched.length + added.length > FULL_RESCAN_NODES) {
      unsearchedAll = true;
      unsearched = [];
    } else if (!unsearchedAll) unsearched.push(...added);
    const change: PageChange = typed ? { structural, edited, typed } : { structural, edited };
    added = [];
    addedCount = 0;
    fullRescan = false;
    structural = false;
    edited = new Set();
    try {
      onChange(change);
    } catch {
      // fail open: the page keeps working whatever the reader or the overlay does
    }
  };
  const schedule = () => {
    if (frame === null && !signal.aborted) frame = view.requestAnimationFrame(() => run());
  };

  const restructured = () => {
    structural = true;
    schedule();
  };
  /** A field's value changed; the page's own fields only (the overlay's inputs are not the page's). */
  const onEdit = (event: Event) => {
    const target = (event.composedPath?.()[0] ?? event.target) as Node | null;
    if (!target || inOverlay(target)) return;
    if (target.nodeType === 1) edited.add(target);
    else structural = true;
    schedule();
  };

  /**
   * A trusted input or change event has reached the window after the page's own handlers (a
   * framework's re-render included): what is pending is handed over now, in this task. Script
   * events (a page's own, or a fix written the way typing does) keep the per-frame batching.
   */
  const flushTyped = (event: Event) => {
    if (!event.isTrusted || frame === null || signal.aborted) return;
    view.cancelAnimationFrame(frame);
    run(true);
  };

  const observer = new view.MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (isOurs(record)) continue;
      const effect = effectOf(record);
      if (effect === null) continue;
      relevant = true;
      if (effect === 'structural') structural = true;
      else edited.add(effect);
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
    root.addEventListener('input', onEdit, { capture: true, passive: true, signal });
    root.addEventListener('change', onEdit, { capture: true, passive: true, signal });
  };

  watchRoot(doc);
  view.addEventListener('input', flushTyped, { passive: true, signal });
  view.addEventListener('change', flushTyped, { passive: true, signal });
  // The page's open shadow roots: handed over by a full reading (shadowRootsFound), or found in
  // idle time, since on a 20,000-element page a walk of its own costs ~50 ms (every element
  // gets a wrapper in the extension's world), which is load time if done now. Until then, typing
  // inside them is still seen (input is composed) and the reader reads them; only their
  // structural changes wait.
  let scanned = false;
  const scan = () => {
    if (scanned) return;
    scanned = true;
    scanInIdleTime(view, doc, watchRoot, signal);
  };
  if (options.scan !== 'later') scan();
  view.addEventListener('popstate', restructured, { signal });
  view.addEventListener('hashchange', restructured, { signal });
  const navigation = (view as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', restructured, { signal });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (frame !== null) view.cancelAnimationFrame(frame);
      frame = null;
    },
    { once: true },
  );
  return {
    shadowRootsFound(roots) {
      if (signal.aborted) return;
      const missed = { all: unsearchedAll, nodes: unsearched };
      unsearched = [];
      unsearchedAll = false;
      if (!roots) {
        handedOver = false;
        // Past FULL_RESCAN_NODES, the whole page: searched in idle time, as at start.
        if (missed.all) scanned = false;
        else search(false, missed.nodes);
        return scan();
      }
      scanned = true;
      handedOver = true;
      for (const root of roots) watchRoot(root);
    },
  };
}

/**
 * What one mutation means for the reading: null (nothing a reading depends on), the node whose
 * value changed in place, or 'structural' (fields may have appeared, gone or moved).
 */
function effectOf(record: MutationRecord): Node | 'structural' | null {
  const target = record.target;
  if (record.type === 'characterData') return target;
  if (record.type === 'childList') {
    let text = false;
    for (const list of [record.addedNodes, record.removedNodes]) {
      for (const node of Array.from(list)) {
        if (node.nodeType === 8) continue; // comments: framework anchors, never a value
        if (node.nodeType !== 3) return 'structural';
        if (node.textContent?.trim()) text = true;
      }
    }
    // Only text changed under `target` (a cell's value re-rendered): an edit of what holds it.
    return text ? target : null;
  }
  const el = target as Element;
  const tag = el.localName;
  const field = tag === 'input' || tag === 'select' || tag === 'textarea';
  switch (record.attributeName) {
    case 'value':
    case 'selected': {
      if (tag === 'option') return el.closest('select') ?? 'structural';
      return field ? el : 'structural';
    }
    case 'disabled':
    case 'readonly':
      // A reading does not depend on them, but a field's may come with a new value; a submit
      // button a page enables and disables on every keystroke is no reason to read anything.
      if (!field || (tag === 'input' && BUTTON_TYPES.has((el as HTMLInputElement).type))) return null;
      return el;
    default:
      return 'structural'; // hidden, contenteditable: fields appear or go
  }
}

/** Inside Charge Guard's overlay: an element carrying OVERLAY_HOST_ATTR around it, across shadow roots. */
function inOverlay(node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    if (n.nodeType === 1 && (n as Element).closest(`[${OVERLAY_HOST_ATTR}]`)) return true;
    const root = n.getRootNode();
    n = root.nodeType === 11 ? (root as ShadowRoot).host : null;
  }
  return false;
}

/** Mutations of Charge Guard's own overlay (its host, or anything inside it) are not page changes. */
function isOurs(record: MutationRecord): boolean {
  const target = record.target;
  if (inOverlay(target.nodeType === 1 ? target : (target.parentNode ?? target))) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return (
    nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).hasAttribute(OVERLAY_HOST_ATTR))
  );
}

/** Elements looked at per slice of the idle-time scan, between checks of the time left (a name test each, a shadowRoot read for few). */
const SCAN_SLICE = 2000;

/** Calls `found` for every open shadow root under `doc` (nested ones too), a slice at a time while the page is idle. */
function scanInIdleTime(
  view: Window & typeof globalThis,
  doc: Document,
  found: (root: ShadowRoot) => void,
  signal: AbortSignal,
): void {
  // Static lists indexed a slice at a time: an element gets its wrapper in this world only when
  // its slice comes (Array.from would make all 20,000 at once, which is what this avoids).
  let pending: NodeListOf<Element>[] | null = null;
  let at = 0;
  const idle =
    typeof view.requestIdleCallback === 'function'
      ? (work: (deadline: { timeRemaining(): number }) => void) =>
          view.requestIdleCallback(work, { timeout: 2000 })
      : (work: (deadline: { timeRemaining(): number }) => void) =>
          view.setTimeout(() => work({ timeRemaining: () => 5 }), 50);
  const slice = (deadline: { timeRemaining(): number }) => {
    if (signal.aborted) return;
    pending ??= [doc.querySelectorAll('*')];
    do {
      const list = pending[0];
      if (!list) return;
      const end = Math.min(at + SCAN_SLICE, list.length);
      for (; at < end; at++) {
        const el = list[at]!;
        const shadow = mayHostShadow(el.localName) ? el.shadowRoot : null;
        if (shadow && !el.hasAttribute(OVERLAY_HOST_ATTR)) {
          found(shadow);
          pending.push(shadow.querySelectorAll('*'));
        }
      }
      if (at >= list.length) {
        pending.shift();
        at = 0;
      }
    } while (pending.length > 0 && deadline.timeRemaining() > 1);
    if (pending.length > 0) idle(slice);
  };
  idle(slice);
}

/** Open shadow roots in and under `start` (nested ones included). */
export function openShadowRoots(start: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (root: Node) => {
    const first = root.nodeType === 1 ? (root as Element) : null;
    if (first?.shadowRoot && !first.hasAttribute(OVERLAY_HOST_ATTR)) {
      found.push(first.shadowRoot);
      visit(first.shadowRoot);
    }
    if (!('querySelectorAll' in root)) return;
    const all = (root as ParentNode).querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      // The overlay's own shadow root (open in the e2e build) is not the page's.
      if (mayHostShadow(el.localName) && el.shadowRoot && !el.hasAttribute(OVERLAY_HOST_ATTR)) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(start);
  return found;
}
