/**
 * The overlay's only styles. Adopted as a constructable stylesheet, so a page whose CSP
 * forbids inline <style> cannot block them; `:host{all:initial}` keeps the page's own CSS
 * (fonts, `* {}` rules, resets) from leaking in. Sizes are in px so browser zoom scales them;
 * the panel is capped by the viewport so it stays usable at 200%.
 *
 * The host's own box is set here, not in its style attribute: an !important rule inside the
 * shadow tree beats the page's (and the style attribute's) !important, so `all: initial`
 * would undo an inline style and leave the host an inline box in the page's flow, whose every
 * change re-lays and repaints the page's root. Instead it covers the viewport as one fixed,
 * fully contained box (layout, paint and size of the page and the overlay are independent;
 * fixed children are placed against it, which is the viewport) that lets clicks through to
 * the page except on the badges and the panel.
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; pointer-events: none !important; contain: strict !important;
}
.cg-root {
  --cg-error: #b3261e; --cg-error-bg: #fdecea;
  --cg-warning: #8a5300; --cg-warning-bg: #fff4e0;
  --cg-info: #1d5fa8; --cg-info-bg: #e8f1fb;
  --cg-ink: #1c2430; --cg-muted: #5b6675; --cg-line: #dde2e8; --cg-accent: #0f6e6e;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--cg-ink);
}
.cg-root *, .cg-root *::before, .cg-root *::after { box-sizing: border-box; }
/* Rings and badges sit at page coordinates in one layer that moves opposite the page's scroll.
   Shifted, the layer is a stacking context of its own, which would put the panel over every
   badge's tip: while a tip shows, the layer comes up. */
.cg-marks, .cg-pinned { position: absolute; left: 0; top: 0; }
.cg-marks:hover, .cg-marks:focus-within { z-index: 1; }
.cg-ring {
  position: absolute; pointer-events: none; border-radius: 4px;
  outline: 2px solid var(--cg-sev); outline-offset: 1px;
}
.cg-badge-wrap { position: absolute; pointer-events: auto; }
.cg-badge {
  display: inline-flex; align-items: center; gap: 4px; height: 20px; padding: 0 7px 0 5px;
  border: 1px solid var(--cg-sev); border-radius: 10px; background: var(--cg-sev-bg); color: var(--cg-sev);
  font: 600 11px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  white-space: nowrap; cursor: pointer; box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
}
.cg-badge.cg-compact { width: 20px; padding: 0; justify-content: center; }
.cg-badge.cg-dot { width: 10px; height: 10px; padding: 0; border: 0; border-radius: 50%; background: var(--cg-sev); box-shadow: 0 0 0 1px #fff; }
.cg-badge:focus-visible, .cg-root button:focus-visible, .cg-root select:focus-visible, .cg-root input:focus-visible {
  outline: 2px solid var(--cg-accent); outline-offset: 2px;
}
.cg-icon {
  display: inline-grid; place-items: center; width: 14px; height: 14px; border-radius: 50%;
  background: var(--cg-sev); color: #fff; font: 700 10px/1 system-ui, sans-serif; flex: none;
}
.sev-error { --cg-sev: var(--cg-error); --cg-sev-bg: var(--cg-error-bg); }
.sev-warning { --cg-sev: var(--cg-warning); --cg-sev-bg: var(--cg-warning-bg); }
.sev-info { --cg-sev: var(--cg-info); --cg-sev-bg: var(--cg-info-bg); }
.cg-tip {
  position: absolute; z-index: 1; width: max-content; max-width: min(340px, calc(100vw - 24px));
  padding: 10px 12px; border: 1px solid var(--cg-line); border-radius: 8px; background: #fff;
  box-shadow: 0 6px 24px rgb(16 24 40 / 0.18); color: var(--cg-ink); display: none;
}
.cg-tip.cg-below { top: 100%; } .cg-tip.cg-above { bottom: 100%; }
.cg-tip.cg-align-right { right: 0; } .cg-tip.cg-align-left { left: 0; }
.cg-badge-wrap:hover .cg-tip, .cg-badge-wrap:focus-within .cg-tip { display: block; }
.cg-tip .cg-finding + .cg-finding { margin-top: 8px; padding-top: 8px; border-top: 1px solid var(--cg-line); }
.cg-finding { display: grid; grid-template-columns: 14px 1fr; gap: 2px 8px; align-items: start; }
.cg-finding .cg-icon { margin-top: 2px; }
.cg-msg { margin: 0; }
.cg-meta { grid-column: 2; margin: 0; color: var(--cg-muted); font-size: 11.5px; }
.cg-actions { grid-column: 2; display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.cg-btn {
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; padding: 6px 10px;
  border-radius: 6px; border: 1px solid var(--cg-line); background: #fff; color: var(--cg-ink); cursor: pointer;
}
.cg-btn:hover { background: #f3f5f8; }
.cg-btn-primary { background: var(--cg-accent); border-color: var(--cg-accent); color: #fff; }
.cg-btn-primary:hover { background: #0b5858; }
.cg-btn-danger { color: var(--cg-error); border-color: #e5b4b0; }
.cg-btn-link { border: 0; background: none; padding: 2px 0; color: var(--cg-accent); font-weight: 500; text-decoration: underline; }
.cg-panel {
  position: fixed; pointer-events: auto; width: min(380px, calc(100vw - 24px));
  max-height: min(60vh, 560px, calc(100vh - 24px)); display: flex; flex-direction: column;
  background: #fff; border: 1px solid var(--cg-line); border-radius: 10px;
  box-shadow: 0 10px 32px rgb(16 24 40 / 0.22); overflow: hidden;
}
.cg-panel.cg-collapsed { width: auto; }
.cg-head {
  display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #f6f8fa;
  border-bottom: 1px solid var(--cg-line); cursor: move; user-select: none; touch-action: none;
}
.cg-collapsed .cg-head { border-bottom: 0; }
.cg-title { font-weight: 700; font-size: 13px; margin: 0; white-space: nowrap; display: flex; align-items: center; gap: 6px; }
.cg-logo { width: 16px; height: 16px; border-radius: 4px; background: var(--cg-accent); color: #fff; display: inline-grid; place-items: center; font: 800 10px/1 system-ui, sans-serif; }
.cg-counts { display: flex; gap: 4px; margin-left: auto; }
.cg-count { display: inline-flex; align-items: center; gap: 3px; padding: 1px 7px; border-radius: 10px; font-weight: 600; font-size: 11.5px; background: var(--cg-sev-bg); color: var(--cg-sev); }
.cg-count.cg-zero { background: #eef1f4; color: var(--cg-muted); }
.cg-toggle { border: 0; background: none; cursor: pointer; padding: 4px 6px; border-radius: 4px; color: var(--cg-muted); font: 600 13px/1 system-ui, sans-serif; }
.cg-toggle:hover { background: #e7ebef; }
.cg-body { overflow: auto; padding: 8px 12px 12px; }
.cg-profile { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; padding: 2px 0 8px; color: var(--cg-muted); font-size: 12px; border-bottom: 1px solid var(--cg-line); }
.cg-profile select { font: 12px system-ui, sans-serif; padding: 3px 4px; border: 1px solid var(--cg-line); border-radius: 5px; background: #fff; color: var(--cg-ink); }
.cg-group { margin-top: 10px; }
.cg-group-title { margin: 0 0 6px; font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--cg-muted); display: flex; justify-content: space-between; gap: 8px; }
.cg-group-title .cg-btn-link { text-transform: none; letter-spacing: 0; font-size: 11.5px; }
.cg-group .cg-finding { padding: 7px 0; border-top: 1px dashed var(--cg-line); }
.cg-group .cg-finding:first-of-type { border-top: 0; padding-top: 0; }
.cg-empty { margin: 12px 0 4px; color: var(--cg-muted); }
.cg-ok { color: #1e7a3c; font-weight: 600; }
.cg-guard { margin: 8px 0 4px; padding: 10px 12px; border: 1px solid #e5b4b0; border-left: 4px solid var(--cg-error); border-radius: 8px; background: var(--cg-error-bg); }
.cg-guard h2 { margin: 0 0 4px; font-size: 14px; color: var(--cg-error); }
.cg-guard p { margin: 0 0 8px; }
.cg-guard label { display: block; font-size: 12px; color: var(--cg-muted); margin-bottom: 8px; }
.cg-guard input { display: block; width: 100%; margin-top: 3px; padding: 5px 7px; font: 13px system-ui, sans-serif; border: 1px solid var(--cg-line); border-radius: 5px; background: #fff; color: var(--cg-ink); }
.cg-guard .cg-actions { grid-column: auto; margin: 0; }
/* Observed to learn when a frame's layout is done (see after-layout.ts): a box, never seen. */
.cg-probe { position: fixed; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden; pointer-events: none; }
.cg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) { .cg-panel { transition: box-shadow .15s; } }
`;

/** Adopts the stylesheet; falls back to a <style> element where constructable sheets are refused. */
export function applyStyles(root: ShadowRoot): void {
  const view = root.ownerDocument.defaultView;
  try {
    // Use the page window's constructor: Firefox refuses sheets built in the content-script compartment.
    const Sheet = (view?.CSSStyleSheet ?? CSSStyleSheet) as typeof CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(OVERLAY_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.append(style);
  }
}
