/**
 * A CSS selector that finds a page element again after a reload, built from what identifies
 * the field, never from what it holds: an id, a name, an accessible label, or a short
 * structural path. Each candidate is accepted only if it finds exactly this element.
 */
const MAX_DEPTH = 6;

/** Ids frameworks generate per render (":r3:", "ember1234", "ext-gen56", long digit runs) change on reload. */
export function looksGenerated(id: string): boolean {
  return /^:|^(ember|ext-gen|ext-comp|gwt-uid|mui-|react-select-)\d*|\d{4,}|[0-9a-f]{8}-[0-9a-f]{4}/i.test(
    id,
  );
}

export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

function unique(root: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

function escapeIdent(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape
    ? CSS.escape(value)
    : value.replace(/[^\w-]/g, (c) => `\\${c}`);
}

export function buildSelector(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && !looksGenerated(id)) {
    const byId = `#${escapeIdent(id)}`;
    if (unique(root, byId, el)) return byId;
  }
  for (const attr of ['name', 'aria-label', 'data-testid', 'data-field', 'formcontrolname', 'ng-model']) {
    const value = el.getAttribute(attr);
    if (!value || value.length > 120) continue;
    const selector = `${tag}[${attr}=${cssString(value)}]`;
    if (unique(root, selector, el)) return selector;
  }
  return structuralPath(el, root);
}

/** tag:nth-of-type steps up to the nearest ancestor with a stable unique id (or the root). */
function structuralPath(el: Element, root: Document | ShadowRoot): string {
  const steps: string[] = [];
  let current: Element | null = el;
  while (current && steps.length < MAX_DEPTH) {
    const id = current.getAttribute('id');
    if (current !== el && id && !looksGenerated(id) && unique(root, `#${escapeIdent(id)}`, current)) {
      steps.unshift(`#${escapeIdent(id)}`);
      break;
    }
    const parent: Element | null = current.parentElement;
    const tag = current.localName;
    const sameTag = parent ? Array.from(parent.children).filter((c) => c.localName === tag) : [current];
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
    const selector = steps.join(' > ');
    if (unique(root, selector, el)) return selector;
    current = parent;
  }
  const selector = steps.join(' > ');
  return unique(root, selector, el) ? selector : fullPath(el);
}

/** The last resort: the full path from the document element, always unique. */
function fullPath(el: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = el; current; current = current.parentElement) {
    const parent: Element | null = current.parentElement;
    const tag = current.localName;
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    const sameTag = Array.from(parent.children).filter((c) => c.localName === tag);
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
  }
  return steps.join(' > ');
}
