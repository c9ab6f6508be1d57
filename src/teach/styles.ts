/** The picker's styles, adopted into its shadow root (a page CSP cannot block them, page CSS cannot reach them). */
export const TEACH_CSS = `
:host { all: initial !important; }
.root { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1c2430; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.bar {
  position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
  display: flex; align-items: center; gap: 12px; padding: 8px 10px 8px 14px; border-radius: 10px;
  background: #0f6e6e; color: #fff; box-shadow: 0 6px 24px rgb(16 24 40 / 0.25); max-width: calc(100vw - 24px);
}
.bar p { margin: 0; }
.bar button { font: 600 12px/1 system-ui, sans-serif; padding: 6px 10px; border-radius: 6px; border: 1px solid #fff; background: transparent; color: #fff; cursor: pointer; }
.hl {
  position: fixed; z-index: 2147483646; pointer-events: none; border-radius: 4px;
  outline: 2px solid #0f6e6e; outline-offset: 2px; background: rgb(15 110 110 / 0.08); display: none;
}
.hl.picked { outline-style: solid; outline-width: 3px; background: rgb(15 110 110 / 0.14); }
.dialog {
  position: fixed; z-index: 2147483647; width: 280px; padding: 12px; border-radius: 10px;
  background: #fff; border: 1px solid #dde2e8; box-shadow: 0 10px 32px rgb(16 24 40 / 0.22);
}
.dialog h2 { margin: 0 0 8px; font-size: 13px; font-weight: 650; }
.dialog label { display: block; margin-top: 8px; font-size: 12px; font-weight: 600; color: #5b6675; }
.dialog select, .dialog input {
  display: block; width: 100%; margin-top: 3px; height: 30px; padding: 0 8px; font: 13px system-ui, sans-serif;
  border: 1px solid #c5ccd6; border-radius: 6px; color: #1c2430; background: #fff;
}
.dialog .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
.dialog button { font: 600 12px/1 system-ui, sans-serif; padding: 7px 12px; border-radius: 6px; border: 1px solid #dde2e8; background: #fff; color: #1c2430; cursor: pointer; }
.dialog button.primary { background: #0f6e6e; border-color: #0f6e6e; color: #fff; }
.root button:focus-visible, .root select:focus-visible, .root input:focus-visible { outline: 2px solid #0f6e6e; outline-offset: 2px; }
.toast { font-size: 12px; opacity: 0.9; }
`;
