/**
 * Writes a value into a page field the way typing does, so framework pages see it: the native
 * value setter (found on the element's prototype chain, past any instance property such as
 * React's value tracker), then bubbling, composed `input` and `change` events. Returns false,
 * changing nothing, when the field cannot take the value (read-only, hidden, no such option).
 */
export function writeFieldValue(el: Element, value: string): boolean {
  if (!isWritable(el)) return false;
  const tag = el.localName;
  if (tag === 'select') {
    const option = matchOption(el as HTMLSelectElement, value);
    if (!option) return false;
    setNative(el, option.value);
  } else if (tag === 'input' || tag === 'textarea') {
    setNative(el, value);
  } else {
    el.textContent = value; // contenteditable: what typing would leave there
  }
  fire(el, 'input');
  fire(el, 'change');
  return true;
}

/** Can a person type into this element here and now? */
export function isWritable(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    return input.type.toLowerCase() !== 'hidden' && !input.readOnly && !input.disabled;
  }
  if (tag === 'textarea')
    return !(el as HTMLTextAreaElement).readOnly && !(el as HTMLTextAreaElement).disabled;
  if (tag === 'select') return !(el as HTMLSelectElement).disabled;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** An option by value, then by text, then by a text that starts with the value ("11 – Office" for "11"). */
function matchOption(select: HTMLSelectElement, value: string): HTMLOptionElement | null {
  const want = value.trim().toLowerCase();
  const options = Array.from(select.options);
  return (
    options.find((o) => o.value.trim().toLowerCase() === want) ??
    options.find((o) => (o.textContent ?? '').trim().toLowerCase() === want) ??
    options.find((o) =>
      new RegExp(`^${escapeRegExp(want)}(?![a-z0-9])`).test((o.textContent ?? '').trim().toLowerCase()),
    ) ??
    null
  );
}

function setNative(el: Element, value: string): void {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) {
      setter.call(el, value);
      return;
    }
  }
  (el as HTMLInputElement).value = value;
}

function fire(el: Element, type: 'input' | 'change'): void {
  // The script's own Event for its own document (Firefox Xray), the element's window's otherwise.
  const view =
    el.ownerDocument === globalThis.document
      ? null
      : (el.ownerDocument.defaultView as (Window & typeof globalThis) | null);
  const EventCtor = view?.Event ?? Event;
  el.dispatchEvent(new EventCtor(type, { bubbles: true, composed: true }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
