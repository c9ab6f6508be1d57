import type { FieldRole } from '../page/types';
import { OVERLAY_HOST_ATTR } from '../page/types';
import { guessRole, ROLE_CHOICES } from './roles';
import type { TaughtChoice } from './save';
import { buildSelector } from './selector';
import { TEACH_CSS } from './styles';

export interface PickerOptions {
  doc: Document;
  win: Window;
  /** Open shadow root in the e2e build (tests drive the picker), closed in the release build. */
  shadowMode: ShadowRootMode;
  onSave(choice: TaughtChoice): Promise<void>;
  onEnd(): void;
}

export interface Picker {
  stop(): void;
}

/** Pointer events a page could act on: while teaching, none of them may reach it. */
const SWALLOWED = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
];
/** Keystrokes typed in the picker's own dialog stay in it (its clicks too, see below). */
const ISOLATED = ['keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput'];

/**
 * Teaching mode: hover highlights a page element, a click picks it (the click never reaches
 * the page), a small dialog asks what it holds. Everything lives in one shadow root; nothing
 * of the page's value is read. Escape goes back a step, then ends teaching.
 */
export function startPicker(options: PickerOptions): Picker {
  const { doc, win } = options;
  const host = doc.createElement('charge-guard-teach');
  host.setAttribute('data-cg-teach', '');
  // Like the overlay, never read or watched as part of the page (its open root in the e2e build held a
  // select and an input the reader took for charge fields).
  host.setAttribute(OVERLAY_HOST_ATTR, '');
  const shadow = host.attachShadow({ mode: options.shadowMode });
  adoptStyles(shadow, doc);
  const root = el(doc, 'div', 'root');
  const bar = el(doc, 'div', 'bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Charge Guard teaching mode');
  const barText = el(doc, 'p');
  const done = el(doc, 'button');
  done.type = 'button';
  done.textContent = 'Done';
  bar.append(barText, done);
  const highlight = el(doc, 'div', 'hl');
  const dialog = el(doc, 'form', 'dialog');
  dialog.hidden = true;
  root.append(highlight, bar, dialog);
  shadow.append(root);
  (doc.documentElement ?? doc.body).append(host);

  let picked: Element | null = null;
  let hovered: Element | null = null;
  const setBar = (text: string) => {
    barText.textContent = text;
  };
  setBar('Click a field to teach Charge Guard what it holds. Esc to finish.');

  const ours = (event: Event) => event.composedPath().includes(host);
  const targetOf = (event: Event): Element | null => {
    const first = event.composedPath()[0] as Node | undefined;
    if (first?.nodeType !== 1) return null;
    const element = first as Element;
    const control = element.localName === 'label' ? (element as HTMLLabelElement).control : null;
    if (control) return control;
    return (
      element.closest(
        'button, select, textarea, input, [contenteditable], [role="textbox"], [role="combobox"]',
      ) ?? element
    );
  };
  const place = (target: Element | null) => {
    if (!target?.isConnected) {
      highlight.style.display = 'none';
      return;
    }
    const r = target.getBoundingClientRect();
    Object.assign(highlight.style, {
      display: 'block',
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };

  const onMove = (event: Event) => {
    if (picked || ours(event)) return;
    hovered = targetOf(event);
    place(hovered);
  };
  const onSwallow = (event: Event) => {
    if (ours(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') {
      const target = targetOf(event);
      if (target) choose(target);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (picked) back();
    else stop();
  };
  const onScroll = () => place(picked ?? hovered);
  const isolate = (event: Event) => event.stopPropagation();

  function choose(target: Element) {
    picked = target;
    highlight.classList.add('picked');
    place(target);
    renderDialog(target);
  }
  function back() {
    picked = null;
    highlight.classList.remove('picked');
    dialog.hidden = true;
    place(hovered);
  }

  function renderDialog(target: Element) {
    dialog.replaceChildren();
    const title = el(doc, 'h2');
    title.textContent = 'What is this field?';
    const roleLabel = labelled(doc, 'Role', 'select') as [HTMLLabelElement, HTMLSelectElement];
    const [roleWrap, roleSelect] = roleLabel;
    for (const choice of ROLE_CHOICES) {
      const option = el(doc, 'option');
      option.value = choice.role;
      option.textContent = choice.label;
      roleSelect.append(option);
    }
    roleSelect.value = guessRole(target);
    const [lineWrap, lineInput] = labelled(doc, 'Service line (1 = first line)', 'input') as [
      HTMLLabelElement,
      HTMLInputElement,
    ];
    lineInput.type = 'number';
    lineInput.min = '1';
    lineInput.max = '200';
    lineInput.value = '1';
    const [nameWrap, nameInput] = labelled(doc, 'Name (optional)', 'input') as [
      HTMLLabelElement,
      HTMLInputElement,
    ];
    nameInput.maxLength = 80;
    nameInput.placeholder = 'e.g. Units, line 1';
    const syncLine = () => {
      lineWrap.hidden = !ROLE_CHOICES.find((c) => c.role === roleSelect.value)?.perLine;
    };
    roleSelect.addEventListener('change', syncLine);
    syncLine();
    const actions = el(doc, 'div', 'actions');
    const cancel = el(doc, 'button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', back);
    const save = el(doc, 'button', 'primary');
    save.type = 'submit';
    save.textContent = 'Save field';
    actions.append(cancel, save);
    dialog.append(title, roleWrap, lineWrap, nameWrap, actions);
    dialog.onsubmit = (event) => {
      event.preventDefault();
      const role = roleSelect.value as FieldRole;
      const perLine = !lineWrap.hidden;
      const lineNumber = Math.round(Number(lineInput.value));
      const choice: TaughtChoice = {
        role,
        selector: buildSelector(target),
        ...(perLine && Number.isFinite(lineNumber) && lineNumber >= 1 && { line: lineNumber - 1 }),
        ...(nameInput.value.trim() && { label: nameInput.value.trim() }),
      };
      const label = ROLE_CHOICES.find((c) => c.role === role)?.label ?? role;
      options.onSave(choice).then(
        () =>
          setBar(
            `Saved: ${label}${choice.line !== undefined ? `, line ${choice.line + 1}` : ''}. Click another field, or Done.`,
          ),
        () => setBar('Could not save this field. Try again, or Done.'),
      );
      back();
    };
    dialog.hidden = false;
    positionDialog(target);
    roleSelect.focus();
  }

  function positionDialog(target: Element) {
    const r = target.getBoundingClientRect();
    const width = 280;
    const height = dialog.offsetHeight || 220;
    const left = Math.max(8, Math.min(r.left, win.innerWidth - width - 8));
    const below = r.bottom + 8;
    const top = below + height < win.innerHeight ? below : Math.max(8, r.top - height - 8);
    Object.assign(dialog.style, { left: `${left}px`, top: `${top}px` });
  }

  const capture = { capture: true };
  for (const type of SWALLOWED) win.addEventListener(type, onSwallow, capture);
  win.addEventListener('pointermove', onMove, capture);
  win.addEventListener('keydown', onKey, capture);
  win.addEventListener('scroll', onScroll, capture);
  win.addEventListener('resize', onScroll);
  // The picker's own keys and clicks stop at its host: the page's handlers never see them.
  for (const type of [...ISOLATED, ...SWALLOWED]) host.addEventListener(type, isolate);
  done.addEventListener('click', () => stop());

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    for (const type of SWALLOWED) win.removeEventListener(type, onSwallow, capture);
    win.removeEventListener('pointermove', onMove, capture);
    win.removeEventListener('keydown', onKey, capture);
    win.removeEventListener('scroll', onScroll, capture);
    win.removeEventListener('resize', onScroll);
    host.remove();
    options.onEnd();
  }
  return { stop };
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  return node;
}

function labelled(doc: Document, text: string, tag: 'select' | 'input'): [HTMLLabelElement, HTMLElement] {
  const label = el(doc, 'label');
  label.textContent = text;
  const control = el(doc, tag);
  label.append(control);
  return [label, control];
}

function adoptStyles(shadow: ShadowRoot, doc: Document): void {
  try {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(TEACH_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = TEACH_CSS;
    shadow.append(style);
  }
}
