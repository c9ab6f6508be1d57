import type { RawClaim, RawServiceLine } from '../core/claim';
import { readFieldValue } from './collect';
import { boxValues, codeValue, diagnosisBoxes, lineDiagnoses, readValue } from './group';
import { qualifyField, type ValueRole, type WordMemo } from './qualify';
import type { FieldRecord } from './record';
import type { FieldBinding, PageReading } from './types';

/**
 * Typing into a field that is already read does not need the whole page read again: re-read
 * that one field with collect's value reader, check that it still qualifies for the role it is
 * bound to, and rebuild only the claim values it feeds, with group's own value rules. Anything
 * that could change which fields are read or how they group (a field that is not bound, a role
 * the new value no longer fits, a value that empties a line) answers false: the caller reads the
 * page again. Held to `readPage` by property tests over the fixture portals (update.test.ts).
 */

interface BoundField {
  record: FieldRecord;
  bindings: FieldBinding[];
}

/** What an update needs beyond the reading itself; never leaves the page layer. */
interface ReadingState {
  fields: Map<Element, BoundField>;
  /** Bindings per claim value, in reading order: `role|line` (`role|` for claim-level ones). */
  groups: Map<string, FieldBinding[]>;
  decoyForms: ReadonlySet<number>;
  memo: WordMemo;
}

const states = new WeakMap<PageReading, ReadingState>();

/** Kept by `readPage` for each reading it returns (records of bound fields only). */
export function rememberReading(
  reading: PageReading,
  records: ReadonlyMap<Element, FieldRecord>,
  decoyForms: ReadonlySet<number>,
  memo: WordMemo,
): void {
  const fields = new Map<Element, BoundField>();
  const groups = new Map<string, FieldBinding[]>();
  for (const b of reading.bindings) {
    const record = records.get(b.element);
    if (!record) return; // cannot happen; without a record the reading is simply not updatable
    const field = fields.get(b.element) ?? { record, bindings: [] };
    field.bindings.push(b);
    fields.set(b.element, field);
    const key = groupKey(b.role, b.line);
    const group = groups.get(key) ?? [];
    group.push(b);
    groups.set(key, group);
  }
  states.set(reading, { fields, groups, decoyForms, memo });
}

/** Values that pick the first non-empty field of several (group.ts `firstWithValue`) or keep a line alive. */
const MUST_HOLD: ReadonlySet<ValueRole> = new Set([
  'code',
  'units',
  'minutes',
  'charge',
  'pos',
  'dos',
  'payer',
]);

const LINE_KEYS = {
  units: 'units',
  minutes: 'minutes',
  charge: 'charge',
  pos: 'placeOfService',
  dos: 'dateOfService',
} as const;
const CLAIM_KEYS = { pos: 'placeOfService', dos: 'dateOfService', payer: 'payer' } as const;

/**
 * Brings `reading` up to date after edits to `edited` (elements or text nodes the page changed).
 * True: `reading.claim` (a new object) and the bindings' diagnosis slots now equal what
 * `readPage` would return. False: the page must be read again (the reading is left as it was).
 */
export function updateReading(reading: PageReading, edited: Iterable<Node>): boolean {
  const state = states.get(reading);
  if (!state) return false;
  const touched = new Set<Element>();
  for (const node of edited) {
    const el = boundAround(node, state.fields);
    if (!el) return false;
    touched.add(el);
  }

  const changes: [BoundField, FieldRecord][] = [];
  for (const el of touched) {
    const field = state.fields.get(el) as BoundField;
    const { value, optionText } = readFieldValue(el, field.record.kind);
    if (value === field.record.value && optionText === field.record.optionText) continue;
    const record = { ...field.record, value, optionText };
    const role = qualifyField(record, state.decoyForms, state.memo).role;
    for (const b of field.bindings) {
      if (role !== b.role) return false;
      if (MUST_HOLD.has(b.role) && readValue({ field: record, role: b.role }).trim() === '') return false;
    }
    changes.push([field, record]);
  }
  if (changes.length === 0) return true;

  const dirty = new Set<string>();
  for (const [field, record] of changes) {
    field.record = record;
    for (const b of field.bindings) dirty.add(groupKey(b.role, b.line));
  }
  const claim: RawClaim = { ...reading.claim, lines: reading.claim.lines.slice() };
  const lineOf = (line: number): RawServiceLine => {
    const own = { ...claim.lines[line] };
    claim.lines[line] = own;
    return own;
  };
  const boundValue = (b: FieldBinding) =>
    readValue({ field: (state.fields.get(b.element) as BoundField).record, role: b.role as ValueRole });

  for (const key of dirty) {
    const group = state.groups.get(key) ?? [];
    const first = group[0];
    if (!first) continue;
    const { role, line } = first;
    if (role === 'dx' && line !== undefined) {
      updateLineDiagnoses(claim, state, boundValue);
    } else if (role === 'dx') {
      claim.diagnoses = diagnosisBoxes(group.map(boundValue));
    } else if (line === undefined) {
      if (role === 'pos' || role === 'dos' || role === 'payer') claim[CLAIM_KEYS[role]] = boundValue(first);
    } else if (role === 'code') {
      lineOf(line).code = codeValue({
        field: (state.fields.get(first.element) as BoundField).record,
        role: 'code',
      });
    } else if (role === 'modifier') {
      lineOf(line).modifiers = boxValues(bySlot(group).map(boundValue));
    } else if (role === 'dx-pointer') {
      lineOf(line).dxPointers = boxValues(bySlot(group).map(boundValue));
    } else if (role in LINE_KEYS) {
      lineOf(line)[LINE_KEYS[role as keyof typeof LINE_KEYS]] = boundValue(first);
    }
  }
  reading.claim = claim;
  return true;
}

/** Diagnosis boxes on the lines: the claim's list, each box's slot and the lines' pointers all move together. */
function updateLineDiagnoses(
  claim: RawClaim,
  state: ReadingState,
  boundValue: (b: FieldBinding) => string,
): void {
  const boxes: FieldBinding[] = [];
  for (const [key, group] of state.groups) if (key.startsWith('dx|') && key !== 'dx|') boxes.push(...group);
  // Reading order: line by line, boxes in document order within a line (group.ts addLineDiagnoses).
  boxes.sort((a, b) => (a.line as number) - (b.line as number));
  const { codes, slots, pointers } = lineDiagnoses(
    boxes.map((b) => ({ line: b.line as number, value: boundValue(b) })),
  );
  boxes.forEach((b, i) => {
    const slot = slots[i];
    if (slot === undefined) delete b.slot;
    else b.slot = slot;
  });
  for (const [line, list] of pointers) {
    if (state.groups.has(groupKey('dx-pointer', line))) continue; // the page's own pointers win
    claim.lines[line] = { ...claim.lines[line], dxPointers: list };
  }
  if (codes.length > 0) claim.diagnoses = codes;
  else delete claim.diagnoses;
}

function bySlot(group: FieldBinding[]): FieldBinding[] {
  return group.every((b) => b.slot !== undefined)
    ? [...group].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0))
    : group;
}

function groupKey(role: string, line: number | undefined): string {
  return `${role}|${line ?? ''}`;
}

/** The bound field an edit belongs to: the element itself, or the cell or contenteditable around a changed text node. */
function boundAround(node: Node, fields: ReadonlyMap<Element, BoundField>): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && fields.has(n as Element)) return n as Element;
    if (n.nodeType !== 1 && n.nodeType !== 3) return null; // a document or shadow root: nothing bound around it
  }
  return null;
}
