import type { RawClaim, RawServiceLine } from '../core/claim';
import type { Qualified, ValueRole } from './qualify';
import type { FieldRecord } from './record';
import { leadingCode } from './shapes';

/**
 * Groups qualified records into service lines and claim-level fields, on plain data. A line
 * is found from its code field: the largest container around it that holds no other code
 * field (a table row, a grid row, a card), or a repeated name index (`bill[3][units]`,
 * `lines.2.units`, `units_3`) when the fields of all lines share one container, or a line
 * given by a taught mapping or an adapter. Values go into the RawClaim as typed: the core's
 * normaliser reads "GP:KX", "AB" and "2.0".
 */

export interface PlainBinding {
  role: ValueRole;
  field: number;
  line?: number;
  slot?: number;
}

export interface Grouping {
  claim: RawClaim;
  bindings: PlainBinding[];
  /** Forms holding the lines (-1: lines outside any form). */
  forms: Set<number>;
}

const LINE_ROLES: ReadonlySet<ValueRole> = new Set([
  'code',
  'modifier',
  'units',
  'minutes',
  'dx-pointer',
  'charge',
  'pos',
  'dos',
]);
/** Besides its code, a line needs one of these to count as a charge line (a lone code field is a lookup, not a line). */
const HOLDS_LINE_VALUE: ReadonlySet<ValueRole> = new Set(['code', 'units', 'minutes', 'charge']);
const LINE_EVIDENCE: ReadonlySet<ValueRole> = new Set([
  'modifier',
  'units',
  'minutes',
  'dx-pointer',
  'charge',
]);

export interface Candidate {
  field: FieldRecord;
  role: ValueRole;
}

interface LineDraft {
  key: string;
  code: Candidate;
  container: number | null;
  members: Candidate[];
}

export function groupFields(
  fields: readonly FieldRecord[],
  qualified: readonly Qualified[],
): Grouping | null {
  const candidates: Candidate[] = [];
  fields.forEach((field, i) => {
    const role = qualified[i]?.role;
    if (role) candidates.push({ field, role });
  });
  const codes = pickCodePerRow(candidates.filter((c) => c.role === 'code'));
  if (codes.length === 0) return null;

  const drafts = draftLines(codes);
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const byContainer = new Map<number, LineDraft>();
  for (const d of drafts) if (d.container !== null) byContainer.set(d.container, d);
  const useNameIndex = drafts.every((d) => d.key.startsWith('n:'));

  const loose: Candidate[] = [];
  for (const c of candidates) {
    if (c.role === 'code') continue;
    // A diagnosis box inside a line's row (several lines) is that line's diagnosis, not the claim's list.
    const lineField = LINE_ROLES.has(c.role) || (c.role === 'dx' && drafts.length > 1);
    // ("diagnosis1" is box 21's first code, not line 1: diagnoses join a line only by sitting in its row.)
    const line = lineField
      ? lineFor(c.field, byKey, byContainer, useNameIndex && c.role !== 'dx')
      : undefined;
    if (line) line.members.push(c);
    else loose.push(c);
  }

  const kept = drafts.filter(
    (d) =>
      d.members.some((m) => LINE_EVIDENCE.has(m.role)) &&
      [d.code, ...d.members].some((m) => m.field.kind !== 'text') &&
      // Empty rows of a fixed grid (CMS-1500 has six) are not lines; a prefilled date or place alone does not make one.
      [d.code, ...d.members].some((m) => HOLDS_LINE_VALUE.has(m.role) && readValue(m).trim() !== ''),
  );
  if (kept.length === 0) return null;

  const forms = new Set(kept.map((d) => d.code.field.form));
  const bindings: PlainBinding[] = [];
  const lines: RawServiceLine[] = kept.map((draft, line) =>
    buildLine(draft, line, kept.length, bindings, loose),
  );

  const claim: RawClaim = { lines };
  const claimLevel = loose.filter((c) => forms.has(c.field.form) || c.field.form === -1);
  if (claimLevel.some((c) => c.role === 'dx')) addDiagnoses(claim, claimLevel, bindings);
  else addLineDiagnoses(claim, kept, bindings);
  for (const [role, key] of [
    ['pos', 'placeOfService'],
    ['dos', 'dateOfService'],
    ['payer', 'payer'],
  ] as const) {
    const pick = firstWithValue(claimLevel.filter((c) => c.role === role));
    if (!pick) continue;
    claim[key] = readValue(pick);
    bindings.push({ role, field: pick.field.index });
  }
  return { claim, bindings, forms };
}

/** One code field per table/grid row: an editable input beats a hidden input, which beats text. */
function pickCodePerRow(codes: Candidate[]): Candidate[] {
  const rank = (c: Candidate) =>
    (c.field.kind === 'text' ? 0 : c.field.kind === 'hidden' ? 1 : 2) + (c.field.assigned ? 3 : 0);
  const bestInRow = new Map<number, Candidate>();
  for (const c of codes) {
    if (c.field.row === null) continue;
    const best = bestInRow.get(c.field.row);
    if (!best || rank(c) > rank(best)) bestInRow.set(c.field.row, c);
  }
  return codes.filter((c) => c.field.row === null || bestInRow.get(c.field.row) === c);
}

function draftLines(codes: Candidate[]): LineDraft[] {
  if (codes.every((c) => c.field.assigned?.line !== undefined)) {
    return codes.map((c) => ({ key: `a:${c.field.assigned?.line}`, code: c, container: null, members: [] }));
  }
  const under = codesUnder(codes);
  const indices = codes.map((c) => nameIndex(c.field.name || c.field.id));
  if (codes.length > 1 && indices.every((n) => n !== null) && new Set(indices).size === codes.length) {
    return codes.map((c, i) => ({
      key: `n:${indices[i]}`,
      code: c,
      container: containerOf(c, under),
      members: [],
    }));
  }
  return codes.map((c, i) => ({ key: `c:${i}`, code: c, container: containerOf(c, under), members: [] }));
}

/** The highest ancestor of a code field that holds no other code field. */
function containerOf(code: Candidate, under: Map<number, number>): number | null {
  let container: number | null = null;
  for (const a of code.field.ancestors) {
    if ((under.get(a) ?? 0) > 1) break;
    container = a;
  }
  return container;
}

/** How many code fields each ancestor holds (worked out once, not once per code). */
function codesUnder(codes: Candidate[]): Map<number, number> {
  const under = new Map<number, number>();
  for (const c of codes) for (const a of c.field.ancestors) under.set(a, (under.get(a) ?? 0) + 1);
  return under;
}

function lineFor(
  field: FieldRecord,
  byKey: Map<string, LineDraft>,
  byContainer: Map<number, LineDraft>,
  useNameIndex: boolean,
): LineDraft | undefined {
  if (field.assigned?.line !== undefined) {
    const line = byKey.get(`a:${field.assigned.line}`);
    if (line) return line;
  }
  if (useNameIndex) {
    const n = nameIndex(field.name || field.id);
    const line = n === null ? undefined : byKey.get(`n:${n}`);
    if (line) return line;
  }
  for (const a of field.ancestors) {
    const line = byContainer.get(a);
    if (line) return line;
  }
  return undefined;
}

/**
 * The line index inside a repeated name: "bill[3][units]" -> 3, "lines.2.units" -> 2,
 * "units_3" / "units-3" -> 3, "svc[0].cpt" -> 0. Names without one give null.
 */
export function nameIndex(name: string): number | null {
  const m = /\[(\d{1,3})\]|\.(\d{1,3})(?:\.|$)|[_-](\d{1,3})(?:[_-]|$)|[a-z](\d{1,2})$/i.exec(name);
  const digits = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
  return digits === undefined ? null : Number(digits);
}

function buildLine(
  draft: LineDraft,
  line: number,
  lineCount: number,
  bindings: PlainBinding[],
  loose: Candidate[],
): RawServiceLine {
  const out: RawServiceLine = {};
  out.code = codeValue(draft.code);
  bindings.push({ role: 'code', field: draft.code.field.index, line });

  const members = draft.members;
  const modifiers = members.filter((m) => m.role === 'modifier');
  if (modifiers.length > 0) out.modifiers = boxValues(modifiers.map(readValue));
  modifiers.forEach((m, slot) => {
    bindings.push({ role: 'modifier', field: m.field.index, line, slot });
  });

  const pointers = members.filter((m) => m.role === 'dx-pointer');
  if (pointers.length > 0) out.dxPointers = boxValues(pointers.map(readValue));
  pointers.forEach((m, slot) => {
    bindings.push({ role: 'dx-pointer', field: m.field.index, line, ...(pointers.length > 1 && { slot }) });
  });

  for (const [role, key] of [
    ['units', 'units'],
    ['minutes', 'minutes'],
    ['charge', 'charge'],
    ['pos', 'placeOfService'],
    ['dos', 'dateOfService'],
  ] as const) {
    const own = members.filter((m) => m.role === role);
    // With a single line, the "line" is the whole form: date and place belong to the claim.
    if ((role === 'pos' || role === 'dos') && lineCount === 1) {
      loose.push(...own);
      continue;
    }
    const pick = firstWithValue(own);
    if (!pick) continue;
    out[key] = readValue(pick);
    bindings.push({ role, field: pick.field.index, line });
  }
  return out;
}

function addDiagnoses(claim: RawClaim, claimLevel: Candidate[], bindings: PlainBinding[]): void {
  const dx = claimLevel.filter((c) => c.role === 'dx');
  if (dx.length === 0) return;
  claim.diagnoses = diagnosisBoxes(dx.map(readValue));
  dx.forEach((c, slot) => {
    bindings.push({ role: 'dx', field: c.field.index, slot });
  });
}

/** A line's modifier (or pointer) boxes: one box as typed ("GP:KX"), several as their filled values in box order. */
export function boxValues(values: readonly string[]): string | string[] {
  if (values.length === 1) return values[0] as string;
  return values.map((v) => v.trim()).filter(Boolean);
}

/**
 * Claim-level diagnosis boxes. One box listing several codes ("I69.351, Z74.09") as typed: the
 * core splits it. Box 21 A–L: empty boxes stay null so pointer letters keep pointing at the
 * right box (trailing empty ones trimmed).
 */
export function diagnosisBoxes(values: readonly string[]): string | (string | null)[] {
  if (values.length === 1) return values[0] as string;
  const boxes: (string | null)[] = values.map((v) => v.trim() || null);
  while (boxes.length > 0 && boxes[boxes.length - 1] === null) boxes.pop();
  return boxes;
}

/**
 * Portals that ask for diagnosis codes on every line instead of pointers: the claim's list is
 * each code once, in the order met, and each line points (1-based) at its own codes.
 */
function addLineDiagnoses(claim: RawClaim, lines: LineDraft[], bindings: PlainBinding[]): void {
  const boxes: LineDiagnosisBox[] = [];
  const fields: number[] = [];
  lines.forEach((draft, line) => {
    for (const m of draft.members) {
      if (m.role !== 'dx') continue;
      boxes.push({ line, value: readValue(m) });
      fields.push(m.field.index);
    }
  });
  const { codes, slots, pointers } = lineDiagnoses(boxes);
  boxes.forEach((box, i) => {
    const slot = slots[i];
    bindings.push({
      role: 'dx',
      field: fields[i] as number,
      line: box.line,
      ...(slot !== undefined && { slot }),
    });
  });
  for (const [line, list] of pointers) {
    const raw = claim.lines[line];
    if (raw && raw.dxPointers === undefined) raw.dxPointers = list;
  }
  if (codes.length > 0) claim.diagnoses = codes;
}

export interface LineDiagnosisBox {
  line: number;
  value: string;
}

/**
 * Diagnosis boxes on the lines, in line order: the claim's list is each code once in the order
 * met, each box's slot is its code's index in that list (none when empty), and each line with
 * boxes points (1-based) at its own codes.
 */
export function lineDiagnoses(boxes: readonly LineDiagnosisBox[]): {
  codes: string[];
  slots: (number | undefined)[];
  pointers: Map<number, string[]>;
} {
  const codes: string[] = [];
  const slots: (number | undefined)[] = [];
  const pointers = new Map<number, string[]>();
  for (const box of boxes) {
    const own = pointers.get(box.line) ?? [];
    pointers.set(box.line, own);
    const code = box.value.trim().toUpperCase();
    let at = code ? codes.indexOf(code) : -1;
    if (code && at === -1) at = codes.push(code) - 1;
    if (at >= 0) own.push(String(at + 1));
    slots.push(at >= 0 ? at : undefined);
  }
  return { codes, slots, pointers };
}

function firstWithValue(list: Candidate[]): Candidate | undefined {
  return list.find((c) => readValue(c).trim() !== '') ?? list[0];
}

export function codeValue(c: Candidate): string {
  const value = readValue(c);
  return leadingCode(value) ?? value;
}

/** A select's option value when it is the code ("11"), else its text ("Medicare Part B"). */
export function readValue(c: Candidate): string {
  const f = c.field;
  if (f.kind !== 'select') return f.value;
  if (c.role === 'payer') return f.optionText || f.value;
  if (c.role === 'code' && leadingCode(f.optionText) && !/^\s*[A-Za-z]?\d{4}[0-9A-Za-z]?\s*$/.test(f.value)) {
    return leadingCode(f.optionText) ?? f.value;
  }
  return f.value || f.optionText;
}
