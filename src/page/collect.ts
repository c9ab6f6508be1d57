import { HeaderFinder } from './headers';
import { mayNameRole, possibleRoleWeights, roleWeights, textCellMayQualify } from './qualify';
import type { AssignedRole, ControlRecord, FieldKind, FieldRecord, FormRecord } from './record';
import { mayHostShadow } from './shadow-hosts';
import { leadingCode, looksLikeCode, looksLikeIcdList, mayHoldLeadingCode } from './shapes';
import { type FieldRole, OVERLAY_HOST_ATTR } from './types';
import { cleanText } from './words';

/**
 * The only part of the reader that walks the DOM: document order, open shadow roots walked in
 * place (frames run their own content script, so frames are never crossed), everything turned
 * into plain records plus an index -> element map kept beside them. No getComputedStyle, no
 * layout reads: visibility is the `hidden` attribute, type=hidden and inline display:none.
 */

export interface SelectorRule {
  role: FieldRole;
  selector: string;
  source: 'taught' | 'adapter';
  line?: number;
}

export interface CollectOptions {
  /** Taught mappings first, then adapter selectors: the first rule that claims an element wins. */
  rules?: SelectorRule[];
  /** Adapter: one element per service line; fields inside the k-th are line k. */
  lineSelectors?: string[];
  /** Adapter: the charge form's submit control(s). */
  submitSelectors?: string[];
  /** Fields beyond this are ignored: huge pages stay fast. */
  maxFields?: number;
}

export interface Collected {
  fields: FieldRecord[];
  fieldElements: Element[];
  controls: ControlRecord[];
  controlElements: Element[];
  forms: FormRecord[];
  formElements: HTMLFormElement[];
  /** The document and every open shadow root walked (the watcher observes them). */
  roots: (Document | ShadowRoot)[];
  /** False when the walk stopped at maxFields: `roots` may then miss some. */
  complete: boolean;
}

export const DEFAULT_MAX_FIELDS = 5000;

/**
 * Subtrees never read: scripts and media, frames (each frame runs its own content script),
 * pick-lists, autocomplete results and menus (they show codes but are not charge fields),
 * the inside of a select or a contenteditable (read as one field), and Charge Guard's overlay.
 */
const SKIPPED =
  'script,style,template,noscript,svg,math,iframe,frame,object,embed,canvas,video,audio,datalist,head,' +
  '[role=listbox],[role=option],[role=menu],[role=menubar],[role=menuitem],[role=tooltip],[role=tree],' +
  `[${OVERLAY_HOST_ATTR}]`;
/** The tags of SKIPPED: told by localName during the walk, no selector matching per element. */
const SKIPPED_TAGS = new Set(SKIPPED.split(',').filter((s) => /^[a-z]+$/.test(s)));
const SKIPPED_ROLES = new Set(['listbox', 'option', 'menu', 'menubar', 'menuitem', 'tooltip', 'tree']);
/** Elements whose attributes change how they (or their subtree) are read: one native query each (faster than one list). */
const MARKED = ['[role]', '[contenteditable]', `[${OVERLAY_HOST_ATTR}]`];
/** What a table may hold and still be passed over whole: its own parts, links and SVG icons. */
const TABLE_PARTS = ['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col', 'a'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const FIELD_TAGS = new Set(['input', 'select', 'textarea', 'button']);
/** A text that may start with a procedure or diagnosis code: "97535 ...", "G0283", "I69.351". */
const CODE_START = /^\s*[A-Za-z]?\d/;
const BUTTON_INPUTS = new Set(['submit', 'button', 'image', 'reset']);
/** Input types that never hold a charge value (and password is never read at all). */
const IGNORED_INPUTS = new Set(['checkbox', 'radio', 'file', 'password', 'color', 'range']);
/** Text inside these (tags, roles) is a caption or an action, not a value. */
const NOT_VALUE_TAGS = new Set(
  'label,button,a,th,h1,h2,h3,h4,h5,h6,legend,caption,summary,option'.split(','),
);
const NOT_VALUE_ROLES = new Set(['columnheader', 'rowheader', 'button']);
/** Attributes that give a read-only cell a label or a name of its own. */
const CELL_NAMING_ATTRIBUTES = ['aria-label', 'aria-labelledby', 'title', 'placeholder', 'name', 'id'];

const CONTEXT_CONTAINERS = new Set([
  'table',
  'form',
  'section',
  'fieldset',
  'aside',
  'article',
  'nav',
  'details',
  'main',
]);
const CONTEXT_ROLES = new Set(['grid', 'table', 'region', 'search', 'dialog', 'group', 'form', 'tabpanel']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Children that say what their container is for (caption, legend, heading, header). */
const TITLE_TAGS = new Set(['caption', 'legend', 'h1', 'h2', 'h3', 'h4', 'header']);

/**
 * Elements visited between two pauses of a stepped walk. The caller checks its time only at a
 * pause, and on a page's first read the code still runs cold (tens of µs an element here): 400
 * made a 12 ms slice run to 50-60 ms; 100 keeps a step near 5 ms.
 */
export const STEP_ELEMENTS = 100;

/** Runs a stepped computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** `collect` as steps, for a caller that spreads a big page's first read over several tasks. */
export function collectSteps(doc: Document, options: CollectOptions = {}): Generator<void, Collected> {
  return new Collector(doc, options).steps();
}

export function collect(doc: Document, options: CollectOptions = {}): Collected {
  return drain(new Collector(doc, options).steps());
}

class Collector {
  private readonly out: Collected = {
    fields: [],
    fieldElements: [],
    controls: [],
    controlElements: [],
    forms: [],
    formElements: [],
    roots: [],
    complete: true,
  };
  private readonly max: number;
  private readonly ids = new Map<Element, number>();
  private readonly chains = new Map<Element, Chain>();
  private readonly contextWords = new Map<Element, string>();
  private readonly formIndex = new Map<Element, number>();
  private readonly assigned = new Map<Element, AssignedRole>();
  private readonly lineOf = new Map<Element, number>();
  private readonly submits = new Set<Element>();
  private readonly labelIndexes = new Map<Document | ShadowRoot, Map<string, string[]>>();
  private readonly headers = new HeaderFinder();
  private readonly hasRules: boolean;
  private lines = 0;
  /** Elements visited since the walk last paused. */
  private sinceStep = 0;
  private readonly notValue = new Map<Element, boolean>();
  private readonly legendNames = new Map<Element, boolean>();
  private readonly namesRole = new Map<string, boolean>();
  private readonly memo = new Map<string, Set<string>>();

  constructor(
    private readonly doc: Document,
    private readonly options: CollectOptions,
  ) {
    this.max = options.maxFields ?? DEFAULT_MAX_FIELDS;
    this.hasRules = Boolean(options.rules?.length || options.submitSelectors?.length);
  }

  /** The walk as steps: it pauses (yields) every STEP_ELEMENTS elements, so a caller can spread a big page over several tasks. */
  *steps(): Generator<void, Collected> {
    yield* this.walkRoot(this.doc);
    return this.out;
  }

  /**
   * One native querySelectorAll('*') per root, in document order, where an element's
   * descendants are the run of elements right after it: a skipped subtree, or a table none
   * of whose cells could be a value, is passed over by jumping past that run. Per element the
   * rest costs its tag and, for candidates only, more.
   */
  private *walkRoot(root: Document | ShadowRoot): Generator<void, void> {
    this.out.roots.push(root);
    this.resolveSelectors(root);
    const marks = marksIn(root);
    const all = root.querySelectorAll('*');
    const count = all.length;
    for (let i = 0; i < count; i++) {
      if (this.out.fields.length >= this.max) {
        this.out.complete = false;
        return;
      }
      const el = all[i] as Element;
      const tag = el.localName;
      const skipsSelf = SKIPPED_TAGS.has(tag) || marks.skipped.has(el);
      if (skipsSelf || tag === 'select' || marks.editable.has(el)) {
        // Skipped, or read as one field (select, contenteditable): never their insides.
        const last = i + el.getElementsByTagName('*').length;
        if (!skipsSelf) yield* this.visitInPlace(el, tag, root, marks);
        // A taught or adapter mapping reads an element wherever it is, skipped subtree or not.
        if (this.hasRules)
          for (let j = skipsSelf ? i : i + 1; j <= last && this.out.fields.length < this.max; j++)
            this.visitMapped(all[j] as Element, root);
        i = last;
        continue;
      }
      if (tag === 'table') {
        // Judging a table reads all its text at once (a schedule, an audit log): a step of its own.
        const inert = this.tableIsInert(el, marks);
        this.sinceStep = 0;
        yield;
        if (inert) {
          i += el.getElementsByTagName('*').length;
          continue;
        }
      }
      // Inlined visitInPlace: a generator per element costs more than most elements' reading.
      if (!this.hasRules || !this.visitMapped(el, root)) this.visit(el, tag, root, marks);
      if (mayHostShadow(tag)) {
        const shadow = el.shadowRoot;
        if (shadow) yield* this.walkRoot(shadow);
      }
      if (++this.sinceStep >= STEP_ELEMENTS) {
        this.sinceStep = 0;
        yield;
      }
    }
  }

  /** Reads one element, then walks its open shadow root in place. */
  private *visitInPlace(
    el: Element,
    tag: string,
    root: Document | ShadowRoot,
    marks: Marks,
  ): Generator<void, void> {
    if (!this.hasRules || !this.visitMapped(el, root)) this.visit(el, tag, root, marks);
    if (mayHostShadow(tag)) {
      const shadow = el.shadowRoot;
      if (shadow) yield* this.walkRoot(shadow);
    }
  }

  /**
   * A table none of whose cells could become a value, with nothing else in it to read: a
   * schedule, an audit log. Decided once, for thousands of cells, from what the browser
   * answers natively: only table parts, links and SVG icons inside (cached tag lists), no
   * marked element, no text that could start with a code, and no words (its headers, any
   * piece of its text, header rows around it) that could lift a cell to MIN_SCORE. A cell's
   * own title, aria-label, name or id is not looked at here: that would cost a selector
   * match per cell, which is what passing the table over saves.
   */
  private tableIsInert(table: Element, marks: Marks): boolean {
    if (this.hasRules || marks.tables().has(table)) return false;
    let parts = table.getElementsByTagNameNS(SVG_NS, '*').length;
    for (const tag of TABLE_PARTS) parts += table.getElementsByTagName(tag).length;
    if (parts !== table.getElementsByTagName('*').length) return false;
    if (table.closest('[role=gridcell],[role=cell]') || this.legendNamesRole(table)) return false;
    const text = table.textContent ?? '';
    if (mayHoldLeadingCode(text)) return false;
    const inText = possibleRoleWeights(text);
    // A column without a header takes one from a row before it: from the table's text or from around it.
    const header = new Map(inText);
    const headers = [...this.headers.columnHeaders(table), ...this.headers.headerRowTextsAround(table)];
    for (const h of headers) {
      if (!h) continue; // columns without a header are holes in the list
      for (const [role, weight] of roleWeights(h, this.memo))
        if (weight > (header.get(role) ?? 0)) header.set(role, weight);
    }
    return !textCellMayQualify(header, inText);
  }

  private resolveSelectors(root: Document | ShadowRoot): void {
    for (const rule of this.options.rules ?? []) {
      for (const el of safeQueryAll(root, rule.selector)) {
        if (this.assigned.has(el)) continue;
        this.assigned.set(el, {
          role: rule.role,
          source: rule.source,
          ...(rule.line !== undefined && { line: rule.line }),
        });
      }
    }
    for (const selector of this.options.lineSelectors ?? []) {
      for (const el of safeQueryAll(root, selector))
        if (!this.lineOf.has(el)) this.lineOf.set(el, this.lines++);
    }
    for (const selector of this.options.submitSelectors ?? [])
      for (const el of safeQueryAll(root, selector)) this.submits.add(el);
  }

  /** Records an element a taught mapping or an adapter names; false when none does. */
  private visitMapped(el: Element, root: Document | ShadowRoot): boolean {
    const assigned = this.assigned.get(el);
    if (assigned?.role === 'submit' || this.submits.has(el)) {
      this.addControl(el, true);
      return true;
    }
    if (assigned) {
      this.addField(el, root, kindOf(el) ?? 'text', assigned);
      return true;
    }
    return false;
  }

  /** Collects one element (outside skipped subtrees) if it is a candidate. */
  private visit(el: Element, tag: string, root: Document | ShadowRoot, marks: Marks): void {
    if (!FIELD_TAGS.has(tag) && !marks.special.has(el)) {
      if (el.firstElementChild === null) this.maybeText(el, tag, root, marks.roles);
      return;
    }
    if (tag === 'input') {
      const type = (el as HTMLInputElement).type.toLowerCase();
      if (BUTTON_INPUTS.has(type)) this.addControl(el, false);
      else if (!IGNORED_INPUTS.has(type)) this.addField(el, root, type === 'hidden' ? 'hidden' : 'input');
    } else if (tag === 'select') this.addField(el, root, 'select');
    else if (tag === 'textarea') this.addField(el, root, 'textarea');
    else if (tag === 'button') this.addControl(el, false);
    else if (isEditable(el)) this.addField(el, root, 'editable');
    else this.addControl(el, false);
  }

  /** Read-only text that may hold a value: table/grid cells, and any short text that starts with a code. */
  private maybeText(
    el: Element,
    tag: string,
    root: Document | ShadowRoot,
    roles: Map<Element, string>,
  ): void {
    const role = roles.get(el) ?? null;
    // Captions and actions (link texts, buttons, labels, headers) first: their text is never read.
    if (NOT_VALUE_TAGS.has(tag) || (role !== null && NOT_VALUE_ROLES.has(role))) return;
    const parent = el.parentElement;
    if (parent && this.isNotValue(parent, roles)) return;
    const raw = el.textContent ?? '';
    if (raw.length > 400) return;
    const cellish = tag === 'td' || role === 'gridcell' || role === 'cell';
    // Most leaves are words: one anchored test rejects them before any other work.
    if (!cellish && !CODE_START.test(raw)) return;
    const text = cleanText(raw, 200);
    if (!text || text.length > 80) return;
    if (!cellish && !looksLikeCode(text) && !looksLikeIcdList(text)) return;
    if (cellish && !this.cellMayQualify(el, text)) return;
    this.addField(el, root, 'text');
  }

  /** el.closest(NOT_VALUE_TEXT) !== null, worked out once per ancestor (cells share their rows). */
  private isNotValue(el: Element, roles: Map<Element, string>): boolean {
    let answer = this.notValue.get(el);
    if (answer === undefined) {
      const role = roles.get(el);
      answer =
        NOT_VALUE_TAGS.has(el.localName) ||
        (role !== undefined && NOT_VALUE_ROLES.has(role)) ||
        (el.parentElement !== null && this.isNotValue(el.parentElement, roles));
      this.notValue.set(el, answer);
    }
    return answer;
  }

  /**
   * Most cells of a big page (schedules, audit logs, inboxes) can never be charge values:
   * qualify gives a read-only cell a role only from a role phrase in its header, its labels,
   * its name or the text before it, or from a value that starts with a code. A cell with none
   * of these gets no record (the costly part of a reading); the answer is the same as
   * qualifying its full record, which is how the fixture tests hold it.
   */
  private cellMayQualify(el: Element, text: string): boolean {
    if (leadingCode(text)) return true;
    if (el.hasAttributes()) {
      for (const name of CELL_NAMING_ATTRIBUTES) if (el.getAttribute(name)) return true;
    }
    const parent = el.parentElement;
    if (parent && this.legendNamesRole(parent)) return true;
    return (
      mayNameRole(this.headers.headerFor(el), this.namesRole) || mayNameRole(nearbyText(el), this.namesRole)
    );
  }

  /** The legend of the fieldset around `el` names a role (cached per element: a row's cells share it). */
  private legendNamesRole(el: Element): boolean {
    let answer = this.legendNames.get(el);
    if (answer === undefined) {
      const legend = legendOf(el.closest('fieldset'));
      answer = legend ? mayNameRole(cleanText(legend.textContent, 80), this.namesRole) : false;
      this.legendNames.set(el, answer);
    }
    return answer;
  }

  private addField(el: Element, root: Document | ShadowRoot, kind: FieldKind, assigned?: AssignedRole): void {
    const index = this.out.fields.length;
    const input = el as HTMLInputElement;
    const tag = el.localName;
    const { ancestors, row, hidden, context, line } = this.ancestry(el);
    const { value, optionText } = readFieldValue(el, kind);
    const readOnly =
      input.readOnly === true || input.disabled === true || el.getAttribute('aria-readonly') === 'true';
    const withLine =
      assigned && assigned.line === undefined && line !== null ? { ...assigned, line } : assigned;
    const record: FieldRecord = {
      index,
      kind,
      inputType: tag === 'input' ? input.type.toLowerCase() : '',
      value,
      optionText,
      editable: kind !== 'text' && kind !== 'hidden' && !readOnly,
      visible: kind !== 'hidden' && !hidden,
      name: el.getAttribute('name') ?? '',
      id: el.id ?? '',
      labels: this.labelsOf(el, root, kind),
      hints: [el.getAttribute('placeholder'), el.getAttribute('title')]
        .map((t) => cleanText(t, 80))
        .filter(Boolean),
      header: this.headers.headerFor(el),
      nearby: nearbyText(el),
      context,
      ariaRole: el.getAttribute('role') ?? '',
      ancestors,
      row,
      form: this.formOf(el),
      ...(withLine && { assigned: withLine }),
    };
    this.out.fields.push(record);
    this.out.fieldElements.push(el);
  }

  private addControl(el: Element, assigned: boolean): void {
    const input = el as HTMLInputElement;
    const text =
      el.localName === 'input'
        ? input.value || el.getAttribute('aria-label') || ''
        : el.getAttribute('aria-label') || el.textContent;
    const { hidden, context } = this.ancestry(el);
    this.out.controls.push({
      index: this.out.controls.length,
      text: cleanText(text, 60),
      type:
        el.localName === 'input' || el.localName === 'button' ? (input.type ?? '').toLowerCase() : 'button',
      form: this.formOf(el),
      context,
      visible: !hidden,
      assigned,
    });
    this.out.controlElements.push(el);
  }

  /** Ids, row, visibility, context words and adapter line of everything above a field (across shadow hosts). */
  private ancestry(el: Element): {
    ancestors: number[];
    row: number | null;
    hidden: boolean;
    context: string;
    line: number | null;
  } {
    const up = parentOf(el);
    const chain = up ? this.chainOf(up) : NO_CHAIN;
    return {
      ancestors: chain.ancestors,
      row: chain.row,
      hidden: isHiddenSelf(el) || chain.hidden,
      context: chain.context.join(' '),
      line: chain.line,
    };
  }

  /**
   * What an element and everything above it say about a field below: worked out once per
   * element from its parent's, so the fields of one row or form share the walk up.
   */
  private chainOf(el: Element): Chain {
    let chain = this.chains.get(el);
    if (chain) return chain;
    const up = parentOf(el);
    const above = up ? this.chainOf(up) : NO_CHAIN;
    const id = this.idOf(el);
    const role = el.getAttribute('role') ?? '';
    const isContext = CONTEXT_CONTAINERS.has(el.localName) || CONTEXT_ROLES.has(role);
    chain = {
      ancestors: [id, ...above.ancestors],
      row: el.localName === 'tr' || role === 'row' ? id : above.row,
      hidden: above.hidden || isHiddenSelf(el),
      context:
        isContext && above.context.length >= 4
          ? [this.wordsOf(el), ...above.context.slice(0, 3)]
          : isContext
            ? [this.wordsOf(el), ...above.context]
            : above.context,
      line: this.lineOf.get(el) ?? above.line,
    };
    this.chains.set(el, chain);
    return chain;
  }

  private idOf(el: Element): number {
    let id = this.ids.get(el);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(el, id);
    }
    return id;
  }

  /** Words that say what a container is for: "Claim history", "Code lookup", "Add a note". */
  private wordsOf(container: Element): string {
    const cached = this.contextWords.get(container);
    if (cached !== undefined) return cached;
    const parts = [
      container.id,
      typeof container.className === 'string' ? container.className : '',
      container.getAttribute('aria-label'),
      container.getAttribute('role'),
      container.getAttribute('name'),
    ];
    // The first child that titles it (a :scope > query would match against the whole subtree of a big <main>).
    for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
      if (TITLE_TAGS.has(child.localName)) {
        parts.push(child.textContent);
        break;
      }
    }
    const labelledBy = container.getAttribute('aria-labelledby');
    if (labelledBy) parts.push(textOfIds(container, labelledBy));
    const before = container.previousElementSibling;
    if (before && HEADINGS.has(before.localName)) parts.push(before.textContent);
    const words = cleanText(parts.filter(Boolean).join(' '), 200);
    this.contextWords.set(container, words);
    return words;
  }

  private formOf(el: Element): number {
    const form = formAround(el);
    if (!form) return -1;
    let index = this.formIndex.get(form);
    if (index === undefined) {
      index = this.out.forms.length;
      this.formIndex.set(form, index);
      this.out.forms.push({
        index,
        name: form.getAttribute('name') ?? '',
        id: form.id ?? '',
        context: cleanText(
          [
            form.getAttribute('role'),
            form.getAttribute('aria-label'),
            form.getAttribute('action'),
            form.className,
          ]
            .filter(Boolean)
            .join(' '),
          160,
        ),
      });
      this.out.formElements.push(form);
    }
    return index;
  }

  private labelsOf(el: Element, root: Document | ShadowRoot, kind: FieldKind): string[] {
    const labels: string[] = [];
    if (kind !== 'text' && el.id) labels.push(...(this.labelIndex(root).get(el.id) ?? []));
    const wrapping = kind === 'text' ? null : el.closest('label');
    if (wrapping) labels.push(ownText(wrapping));
    const aria = el.getAttribute('aria-label');
    if (aria) labels.push(aria);
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) labels.push(textOfIds(el, labelledBy));
    const legend = legendOf(el.closest('fieldset'));
    if (legend) labels.push(legend.textContent ?? '');
    return labels.map((l) => cleanText(l, 80)).filter(Boolean);
  }

  /** label[for] texts by id, built once per root (a query per field would be quadratic on big forms). */
  private labelIndex(root: Document | ShadowRoot): Map<string, string[]> {
    let index = this.labelIndexes.get(root);
    if (!index) {
      index = new Map();
      for (const label of Array.from(root.querySelectorAll('label[for]'))) {
        const id = label.getAttribute('for') ?? '';
        const list = index.get(id) ?? [];
        list.push(ownText(label));
        index.set(id, list);
      }
      this.labelIndexes.set(root, index);
    }
    return index;
  }
}

/**
 * What a field holds right now: the live `.value` (not the attribute), a select's value and its
 * selected option's text, or the text of a read-only cell or contenteditable. The one value
 * reader for a full reading and for re-reading a single field after an edit.
 */
export function readFieldValue(el: Element, kind: FieldKind): { value: string; optionText: string } {
  if (kind === 'text' || kind === 'editable')
    return { value: cleanText(el.textContent, 200), optionText: '' };
  if (el.localName === 'select') {
    const select = el as HTMLSelectElement;
    return {
      value: select.value ?? '',
      optionText: cleanText(
        select.selectedOptions?.[0]?.textContent ?? select.options?.[select.selectedIndex]?.textContent,
        120,
      ),
    };
  }
  return { value: String((el as HTMLInputElement).value ?? ''), optionText: '' };
}

/**
 * The form a field belongs to, through the flat tree: a custom-element line slotted into a
 * form that lives in its host's shadow root is part of that form.
 */
function formAround(el: Element): HTMLFormElement | null {
  const own = (el as HTMLInputElement).form;
  if (own) return own;
  for (let node: Element | null = el, steps = 0; node && steps < 20; steps++) {
    const form = node.closest('form');
    if (form) return form as HTMLFormElement;
    const root = node.getRootNode() as ShadowRoot;
    if (root.nodeType !== 11 || !root.host) return null;
    node = slotOf(root.host) ?? root.host;
  }
  return null;
}

/** Where a light child of a shadow host is rendered (assignedSlot; the host's first slot where that is missing). */
function slotOf(node: Element): Element | null {
  if ('assignedSlot' in node && node.assignedSlot) return node.assignedSlot as Element;
  const host = node.parentElement;
  return host?.shadowRoot?.querySelector('slot') ?? null;
}

function kindOf(el: Element): FieldKind | null {
  const tag = el.localName;
  if (tag === 'input') return (el as HTMLInputElement).type.toLowerCase() === 'hidden' ? 'hidden' : 'input';
  if (tag === 'select') return 'select';
  if (tag === 'textarea') return 'textarea';
  if (isEditable(el)) return 'editable';
  return null;
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

function isHiddenSelf(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Parent element, or the host when the parent is a shadow root. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode as ShadowRoot | null;
  return parent && parent.nodeType === 11 && parent.host ? parent.host : null;
}

function safeQueryAll(root: Document | ShadowRoot, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a bad taught or adapter selector must not stop the reading
  }
}

/** A label's text without the text of controls inside it (a wrapping label around a select holds every option). */
function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += ` ${node.textContent ?? ''}`;
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag !== 'input' && tag !== 'select' && tag !== 'textarea' && tag !== 'button')
        text += ` ${ownText(node as Element)}`;
    }
  }
  return cleanText(text, 80);
}

function textOfIds(from: Element, ids: string): string {
  const root = from.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => {
      const target = 'getElementById' in root ? root.getElementById(id) : null;
      return target ? ownText(target) : '';
    })
    .join(' ');
}

/** Short text just before the field: "Units <input>", "<span>Min</span><input>". */
function nearbyText(el: Element): string {
  for (let level = 0, node: Element | null = el; level < 2 && node; level++) {
    for (let s = node.previousSibling, n = 0; s && n < 3; s = s.previousSibling, n++) {
      if (s.nodeType === 3) {
        const text = cleanText(s.textContent, 60);
        if (text) return text;
      } else if (s.nodeType === 1) {
        const sibling = s as Element;
        if (
          sibling.querySelector('input,select,textarea') ||
          /^(input|select|textarea)$/.test(sibling.localName)
        )
          return '';
        const text = cleanText(sibling.textContent, 61);
        if (text) return text.length <= 60 ? text : '';
      }
    }
    node = node.parentElement;
    if (node && /^(td|tr|th|tbody|table|form|body)$/.test(node.localName)) return '';
  }
  return '';
}

/** What one root's marked elements (role, contenteditable, overlay host) mean for the walk. */
interface Marks {
  /** Subtrees never read: pick-lists, menus, the overlay. */
  skipped: Set<Element>;
  /** Contenteditable elements: one field each, their insides never read. */
  editable: Set<Element>;
  /** Non-field elements that are still candidates: contenteditable, role=button. */
  special: Set<Element>;
  roles: Map<Element, string>;
  /** Tables holding a marked element (worked out when first asked). */
  tables(): Set<Element>;
}

function marksIn(root: Document | ShadowRoot): Marks {
  const marked = new Set<Element>();
  for (const selector of MARKED) for (const el of Array.from(root.querySelectorAll(selector))) marked.add(el);
  const marks: Marks = {
    skipped: new Set(),
    editable: new Set(),
    special: new Set(),
    roles: new Map(),
    tables() {
      const tables = new Set<Element>();
      for (const el of marked)
        for (let t = el.closest('table'); t && !tables.has(t); t = t.parentElement?.closest('table') ?? null)
          tables.add(t);
      marks.tables = () => tables;
      return tables;
    },
  };
  for (const el of marked) {
    const role = el.getAttribute('role');
    if (role !== null) marks.roles.set(el, role);
    if ((role !== null && SKIPPED_ROLES.has(role)) || el.hasAttribute(OVERLAY_HOST_ATTR))
      marks.skipped.add(el);
    else if (isEditable(el)) {
      marks.editable.add(el);
      marks.special.add(el);
    }
    if (role === 'button') marks.special.add(el);
  }
  return marks;
}

/** The nearest-first facts of one element's ancestor chain, itself included (see chainOf). */
interface Chain {
  ancestors: number[];
  row: number | null;
  hidden: boolean;
  /** Words of the nearest four context containers. */
  context: string[];
  line: number | null;
}

const NO_CHAIN: Chain = { ancestors: [], row: null, hidden: false, context: [], line: null };

/** A fieldset's own legend (its first legend child; a :scope > query would match against its whole subtree). */
function legendOf(fieldset: Element | null): Element | null {
  for (let child = fieldset?.firstElementChild; child; child = child.nextElementSibling)
    if (child.localName === 'legend') return child;
  return null;
}
