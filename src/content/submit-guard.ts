/**
 * The submit guard: the first submit with open errors is held, once, and released exactly
 * once if the user says "Submit anyway". Three ways a charge form gets submitted are watched,
 * all in the capture phase on window so the page's own handlers have not run yet: a click on
 * a detected submit control, Enter in a field of a charge form, and the form's submit event.
 *
 * Fail open everywhere: a submit is held only after the guard UI is showing; anything that
 * throws before that lets the event through untouched.
 */

export type HeldAction =
  | { kind: 'click'; control: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null }
  | { kind: 'enter'; field: HTMLInputElement; form: HTMLFormElement };

export interface GuardSite {
  /** True when the current check has open errors the user has not already overridden. */
  shouldHold(): boolean;
  submitControls(): readonly Element[];
  forms(): readonly HTMLFormElement[];
  /** The overlay host: events from inside Charge Guard's own UI are never held. */
  isOwnUi(target: EventTarget | null): boolean;
  /** Shows the guard; returns false if it could not (the submit then goes through). */
  hold(action: HeldAction): boolean;
}

export interface SubmitGuard {
  /** Re-dispatches the held action exactly once, letting it past the guard. */
  release(action: HeldAction): void;
  /**
   * Also guards forms inside shadow roots: their submit event is not composed, so it never
   * reaches window. Call after each reading; each root is watched once.
   */
  watchForms(forms: readonly HTMLFormElement[]): void;
}

/** Input types where Enter submits the form (HTML implicit submission). */
const TEXTLIKE = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'number',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
  '',
]);

function isSubmitButton(el: Element): el is HTMLButtonElement | HTMLInputElement {
  if (el instanceof HTMLButtonElement) return el.type === 'submit';
  return el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image');
}

/** The button a browser clicks for Enter (the form's first submit button), if any. */
export function defaultButton(form: HTMLFormElement): HTMLElement | null {
  for (const el of Array.from(form.elements)) if (isSubmitButton(el)) return el as HTMLElement;
  return null;
}

/** Whether Enter in a text field of this form submits it (a default button, or a single text field). */
export function enterSubmits(form: HTMLFormElement): boolean {
  if (defaultButton(form)) return true;
  const fields = Array.from(form.elements).filter(
    (el) => el instanceof HTMLInputElement && TEXTLIKE.has(el.type),
  );
  return fields.length === 1;
}

function eventPath(e: Event): EventTarget[] {
  return typeof e.composedPath === 'function' ? e.composedPath() : [e.target].filter((t) => t !== null);
}

export function installSubmitGuard(win: Window, site: GuardSite, signal: AbortSignal): SubmitGuard {
  /** True only while our own re-dispatch runs (synchronously): that one action passes. */
  let bypass = false;

  const holdIf = (e: Event, action: () => HeldAction | null): void => {
    if (bypass || site.isOwnUi(e.target)) return;
    try {
      if (!site.shouldHold()) return;
      const held = action();
      if (!held || !site.hold(held)) return;
    } catch {
      return; // fail open: the event goes on untouched
    }
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted || e.button !== 0) return;
    holdIf(e, () => {
      const controls = site.submitControls();
      const path = eventPath(e);
      const control = controls.find((c) => path.includes(c));
      return control instanceof HTMLElement ? { kind: 'click', control } : null;
    });
  };

  const onKeydown = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.key !== 'Enter' || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    holdIf(e, () => {
      const field = eventPath(e)[0];
      if (!(field instanceof HTMLInputElement) || !TEXTLIKE.has(field.type)) return null;
      const form = field.form;
      if (!form || !site.forms().includes(form) || !enterSubmits(form)) return null;
      return { kind: 'enter', field, form };
    });
  };

  const onSubmit = (e: SubmitEvent) => {
    holdIf(e, () => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || !site.forms().includes(form)) return null;
      return { kind: 'submit', form, submitter: e.submitter instanceof HTMLElement ? e.submitter : null };
    });
  };

  const options = { capture: true, signal };
  win.addEventListener('click', onClick, options);
  win.addEventListener('keydown', onKeydown, options);
  win.addEventListener('submit', onSubmit as EventListener, options);
  const watchedRoots = new WeakSet<ShadowRoot>();

  return {
    watchForms(forms) {
      for (const form of forms) {
        const root = form.getRootNode();
        if (!(root instanceof ShadowRoot) || watchedRoots.has(root)) continue;
        watchedRoots.add(root);
        root.addEventListener('submit', onSubmit as EventListener, options);
      }
    },
    release(action) {
      bypass = true;
      try {
        if (action.kind === 'click') {
          action.control.click();
        } else if (action.kind === 'enter') {
          // What Enter does: click the default button (its click handlers run), else submit.
          const button = defaultButton(action.form);
          if (button) button.click();
          else action.form.requestSubmit();
        } else {
          const s = action.submitter;
          const usable = s?.isConnected && isSubmitButton(s) && s.form === action.form;
          action.form.requestSubmit(usable ? s : null);
        }
      } finally {
        bypass = false;
      }
    },
  };
}
