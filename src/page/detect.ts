import { looksLikeCode } from './shapes';
import { OVERLAY_HOST_ATTR } from './types';
import { ROLE_WORDS } from './vocabulary';
import { openShadowRoots } from './watch';
import { toWords } from './words';

/**
 * The content script's gate: could this document (or a subtree a page just added) hold charge
 * fields? Cheap and generous. A "yes" loads the checker (reader, rules, overlay) into the frame,
 * which then decides for real; a "no" must never hide a page the reader would read, so every
 * signal the reader leans on counts here too: a field or column named with one of the reader's
 * own strong role words, a procedure code in a field or a cell, the same words in the page's
 * text next to fields. Pages with none of these (a schedule, an inbox, a log-in) cost one pass
 * of native queries and never load the checker.
 */

/** Roles that only a service line has: a page with none of these words holds no charge line. */
const LINE_ROLES = new Set(['code', 'modifier', 'units', 'minutes', 'dx', 'dx-pointer', 'charge']);
/** The reader's words that name such a field on their own (weight 3 and up in ROLE_WORDS). */
const STRONG_PHRASES = ROLE_WORDS.filter(([, role, weight]) => weight >= 3 && LINE_ROLES.has(role)).map(
  ([phrase]) => phrase,
);
/** On `toWords` output: " days or units ", " cpt ". */
const STRONG_WORDS = new RegExp(` (?:${STRONG_PHRASES.join('|')}) `);
/** On raw page text, where words are separated by anything that is not a letter or a digit. */
const STRONG_TEXT = new RegExp(
  `(?:^|[^a-z0-9])(?:${STRONG_PHRASES.map((p) => p.replace(/ /g, '[^a-z0-9]+')).join('|')})(?:[^a-z0-9]|$)`,
  'i',
);

const CONTROLS = 'input,select,textarea,[contenteditable]:not([contenteditable=false])';
const CELLS = 'td,[role=gridcell],[role=cell]';
/** Captions of fields and columns, judged one by one: script-built tables often have no space between cells. */
const CAPTIONS = 'th,[role=columnheader],label,legend,caption';
const ATTRIBUTES = ['name', 'id', 'placeholder', 'aria-label', 'title', 'data-field'] as const;
/** Bounds for pathological pages: past these, say yes (the reader has its own limits). */
const MAX_CONTROLS = 5000;
const MAX_CELLS = 20000;
const MAX_TEXT = 500_000;

/**
 * The common case, answered from the fields' own attributes alone: a name, id or label that
 * contains one of these (case-insensitive substrings, looser than the word test below, which is
 * fine for a gate).
 */
const QUICK = /cpt|hcpcs|units|modifier|minutes|diagnos|icd|proc/i;

type Root = Document | ShadowRoot | Element;

/** The form fields `quickSays` goes through by tag; the CONTROLS selector's other part (contenteditable) it leaves to the full pass. */
const FIELD_TAGS = ['input', 'select', 'textarea'];

function namesOf(el: Element): string {
  let names = '';
  for (const attribute of ATTRIBUTES) names += ` ${el.getAttribute(attribute) ?? ''}`;
  return names;
}

function controlSays(el: Element): boolean {
  const value = (el as HTMLInputElement).value;
  if (typeof value === 'string' && value.length <= 80 && looksLikeCode(value)) return true;
  return STRONG_WORDS.test(toWords(namesOf(el)));
}

function textOf(root: Root): string {
  if (root.nodeType === 9) return (root as Document).body?.textContent ?? '';
  return root.textContent ?? '';
}

/**
 * The common case, with no selector matched against the whole page: the document's own live
 * lists of its fields, walked only up to the first field whose names say "units", "cpt"... (a
 * charge form's come early). On the 20,000-element bench portal that is 0.2-0.3 ms, where
 * querySelectorAll(CONTROLS) and the same walk take 1.3-2.9 ms (page world; more in ours, where
 * every element it returns gets a wrapper). A shadow root has no such lists: the full pass.
 */
function quickSays(root: Document | Element): boolean {
  for (const tag of FIELD_TAGS) {
    const fields = root.getElementsByTagName(tag);
    for (let i = 0; i < fields.length && i < MAX_CONTROLS; i++)
      if (QUICK.test(namesOf(fields[i]!))) return true;
  }
  return false;
}

/** The light DOM of one root (no shadow roots): a charge field or column is there, or may be. */
function rootSays(root: Root): boolean {
  const listed = root.nodeType !== 11; // a document or an element: it has live lists by tag
  if (listed && quickSays(root as Document | Element)) return true;
  const controls = root.querySelectorAll(CONTROLS);
  if (controls.length > MAX_CONTROLS) return true;
  for (let i = 0; i < controls.length; i++) {
    const el = controls[i]!;
    if (listed && FIELD_TAGS.includes(el.localName)) continue; // quickSays read its names already
    if (QUICK.test(namesOf(el))) return true;
  }
  for (const el of Array.from(controls)) {
    if (!el.closest(`[${OVERLAY_HOST_ATTR}]`) && controlSays(el)) return true;
  }
  const cells = root.querySelectorAll(CELLS);
  if (cells.length > MAX_CELLS) return true;
  for (const cell of Array.from(cells)) {
    const text = cell.textContent ?? '';
    if (text.length <= 200 && looksLikeCode(text.trim().slice(0, 80))) return true;
  }
  if (controls.length === 0 && cells.length === 0) return false;
  // Labels, headers and captions of the fields: "CPT", "Units", "Dx pointer".
  const captions = root.querySelectorAll(CAPTIONS);
  if (captions.length > MAX_CELLS) return true;
  for (const caption of Array.from(captions)) {
    const text = caption.textContent ?? '';
    if (text.length <= 200 && STRONG_WORDS.test(toWords(text))) return true;
  }
  // Any other text beside them ("<span>Units</span> <input>").
  const text = textOf(root);
  return text.length > MAX_TEXT || STRONG_TEXT.test(text);
}

/** Whether `root` (a document, or an element a page just added) may hold charge fields, open shadow roots included. */
export function mayHoldCharges(root: Root): boolean {
  if (root.nodeType === 1) {
    const el = root as Element;
    if (el.hasAttribute(OVERLAY_HOST_ATTR)) return false;
    if (el.matches(CONTROLS) && (QUICK.test(namesOf(el)) || controlSays(el))) return true;
  }
  if (rootSays(root)) return true;
  return openShadowRoots(root).some(rootSays);
}
