import type { Claim, Discipline, RawClaim, RawServiceLine, ServiceLine } from './claim';
import type { Finding, FindingField } from './finding';
import { normalizeMoney } from './normalize/charge';
import { isCleanCode, normalizeCodeField } from './normalize/code';
import { normalizeDate } from './normalize/date';
import { tidyDiagnosis } from './normalize/diagnosis';
import { normalizeDiscipline } from './normalize/discipline';
import { normalizeDxPointers } from './normalize/dx-pointers';
import { MAX_MINUTES_A_DAY, normalizeMinutes } from './normalize/minutes';
import { normalizeModifiers } from './normalize/modifiers';
import { normalizePayer } from './normalize/payer';
import { normalizePlaceOfService } from './normalize/place-of-service';
import { fieldText, quoted, type Read } from './normalize/read';
import { normalizeRenderedBy } from './normalize/rendered-by';
import { normalizeUnits } from './normalize/units';

/**
 * Fields no catalog rule reads the raw value of: when they cannot be understood, normalisation
 * itself says so (`input/unreadable`). Codes, modifiers, units, diagnoses and pointers are kept
 * as typed instead, for `code/unknown`, `modifier/unknown`, `units/invalid`, `dx/invalid` and
 * `dx/pointer`, which explain them better.
 */
type ReportedField = Extract<
  FindingField,
  | 'dateOfService'
  | 'placeOfService'
  | 'minutes'
  | 'charge'
  | 'discipline'
  | 'renderedBy'
  | 'ytdTherapyCharges'
  | 'payer'
  | 'diagnoses'
  | 'modifiers'
>;

const FIELDS: Record<ReportedField, { label: string; source: string }> = {
  dateOfService: { label: 'date of service', source: 'NUCC 1500 Claim Form instructions, item 24A' },
  placeOfService: {
    label: 'place of service',
    source: 'NUCC 1500 Claim Form instructions, item 24B; CMS place of service code set',
  },
  minutes: {
    label: 'minutes',
    source: 'CMS Pub. 100-02, ch. 15, §220.3 (timed minutes are documented per code)',
  },
  charge: { label: 'charge', source: 'NUCC 1500 Claim Form instructions, item 24F' },
  discipline: { label: 'discipline', source: 'CMS Pub. 100-04, ch. 5, §20 (GP, GO, GN by plan of care)' },
  renderedBy: {
    label: 'rendering clinician',
    source: 'CMS Pub. 100-04, ch. 5, §20.1 (CQ/CO when an assistant furnished it)',
  },
  ytdTherapyCharges: {
    label: 'year-to-date therapy charges',
    source: 'CMS change requests on the KX threshold (CR 12923, CR 13371)',
  },
  payer: { label: 'payer', source: 'Charge Guard Claim JSON (design.md)' },
  diagnoses: { label: 'diagnosis', source: 'NUCC 1500 Claim Form instructions, item 21 (ICD-10-CM, A–L)' },
  // Only a modifiers field with no tokens to show (an object): modifier/unknown explains bad tokens.
  modifiers: { label: 'modifiers', source: 'NUCC 1500 Claim Form instructions, item 24D' },
};

/** "diagnosis A" for people: the CMS-1500 letters its twelve diagnosis boxes A–L. */
function boxLetter(index: number): string {
  return index < 12 ? String.fromCharCode(65 + index) : String(index + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reader {
  readonly findings: Finding[] = [];
  /** Claim-level fields typed but unreadable, so a rule can say "could not be read" rather than "missing". */
  readonly unreadableFields: FindingField[] = [];

  /** The value, or null; something typed but unreadable becomes one `input/unreadable` warning. */
  read<T>(
    field: ReportedField,
    input: unknown,
    normalize: (input: unknown) => Read<T>,
    line?: number,
  ): T | null {
    // Every normaliser reads null and undefined as nothing typed: most optional boxes are absent.
    if (input === undefined || input === null) return null;
    const result = normalize(input);
    if (result.ok) return result.value;
    if (!result.empty) this.unreadable(field, input, result.reason, line);
    return null;
  }

  /**
   * One `input/unreadable` warning. Every label is a noun followed by "field", so each reads the
   * same way ("The minutes field on line 2 holds ...", "The rendering clinician field holds ...").
   */
  unreadable(field: ReportedField, input: unknown, reason: string, line?: number, diagnosis?: number): void {
    const { label, source } = FIELDS[field];
    const what =
      line !== undefined
        ? `${label} field on line ${line + 1}`
        : diagnosis !== undefined
          ? `${label} ${boxLetter(diagnosis)} field`
          : `${label} field`;
    const finding: Finding = {
      rule: 'input/unreadable',
      severity: 'warning',
      field,
      message: `The ${what} holds ${quoted(input)}, which Charge Guard cannot understand: ${reason}. Checks that need it were skipped.`,
      source,
    };
    if (line !== undefined) finding.line = line;
    else if (diagnosis !== undefined) finding.diagnosis = diagnosis;
    else if (!this.unreadableFields.includes(field)) this.unreadableFields.push(field);
    this.findings.push(finding);
  }
}

/**
 * Diagnoses as a list of boxes or one text ("I69.351, Z74.09"). Empty boxes stay as null so
 * pointer letters keep their meaning; text that is not ICD-shaped stays, upper-cased, for dx/invalid.
 */
function readDiagnoses(reader: Reader, input: unknown): (string | null)[] {
  let boxes: unknown[];
  if (Array.isArray(input)) boxes = input;
  else {
    const text = fieldText(input);
    if (text === undefined) {
      reader.unreadable(
        'diagnoses',
        input,
        'expected a list of ICD-10-CM codes, or one text such as "I69.351, Z74.09"',
      );
      return [];
    }
    boxes = text ? text.split(/[,;|\n]+/).flatMap((part) => splitSpaced(part.trim())) : [];
  }
  const diagnoses: (string | null)[] = new Array(boxes.length);
  for (let i = 0; i < boxes.length; i++) {
    // A hole in a sparse list stays a hole, as Array.prototype.map leaves it.
    if (!(i in boxes)) continue;
    const box = boxes[i];
    const text = fieldText(box);
    // A box no one could have typed (an object, true) keeps its slot, so later letters still point right.
    if (text === undefined)
      reader.unreadable('diagnoses', box, 'expected an ICD-10-CM code such as I69.351', undefined, i);
    diagnoses[i] = text ? tidyDiagnosis(text) : null;
  }
  return diagnoses;
}

/** "I69.351 Z74.09" is two codes; "M54 50" is one code typed with a space. */
function splitSpaced(part: string): string[] {
  if (!part.includes(' ')) return [part];
  const words = part.split(' ');
  return words.every((word) => /^[A-Z]\d/i.test(word)) ? words : [part];
}

interface ClaimDefaults {
  dateOfService: string | null;
  placeOfService: string | null;
  diagnoses: readonly (string | null)[];
}

/** Dates and places typed the same on every line are read once per claim (the last one read is kept). */
interface Repeats {
  dateText: unknown;
  date: string | null;
  posText: unknown;
  pos: string | null;
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Modifier boxes as portals hold them (a list of clean two-character codes), copied as they are; null for anything else. */
function cleanModifierBoxes(input: unknown): string[] | null {
  if (!Array.isArray(input)) return null;
  // Indexed loops: these run on every line of every check, and need no iterator.
  for (let i = 0; i < input.length; i++) {
    const box: unknown = input[i];
    if (typeof box !== 'string' || box.length !== 2) return null;
    if (!isUpperOrDigit(box.charCodeAt(0)) || !isUpperOrDigit(box.charCodeAt(1))) return null;
  }
  return input.slice() as string[];
}

/** Shared by every line whose pointers all point somewhere (nearly every line); never mutated. */
const NO_POINTER_ERRORS: readonly string[] = [];

/** Pointer boxes holding one letter A–L each: their slots, each once, in the order typed; null for anything else. */
function letterPointerBoxes(input: unknown): number[] | null {
  if (!Array.isArray(input)) return null;
  const slots: number[] = [];
  // Twelve letters: which are taken fits one number's bits, so no list is searched per box.
  let taken = 0;
  for (let i = 0; i < input.length; i++) {
    const box: unknown = input[i];
    if (typeof box !== 'string' || box.length !== 1) return null;
    const slot = box.charCodeAt(0) - 65;
    if (slot < 0 || slot > 11) return null;
    if ((taken & (1 << slot)) !== 0) continue;
    taken |= 1 << slot;
    slots.push(slot);
  }
  return slots;
}

/** The common box contents (numbers in number boxes, bare codes) are taken as they are; the rest goes through the normalisers. */
function readLine(
  reader: Reader,
  input: unknown,
  index: number,
  defaults: ClaimDefaults,
  repeats: Repeats,
): ServiceLine {
  const raw: RawServiceLine = isRecord(input) ? (input as RawServiceLine) : {};
  let boxList = cleanModifierBoxes(raw.modifiers);
  if (boxList === null) {
    const boxModifiers = normalizeModifiers(raw.modifiers);
    boxList = boxModifiers.ok ? boxModifiers.value : [];
    if (!boxModifiers.ok && !boxModifiers.empty)
      reader.unreadable('modifiers', raw.modifiers, boxModifiers.reason, index);
  }
  let code: string | null;
  let modifiers: string[];
  if (typeof raw.code === 'string' && isCleanCode(raw.code)) {
    code = raw.code;
    modifiers = boxList;
  } else {
    const codeField = normalizeCodeField(raw.code);
    code = codeField.ok ? codeField.value.code : null;
    modifiers = codeField.ok ? [...codeField.value.modifiers, ...boxList] : boxList;
  }
  const rawUnits = raw.units;
  let units: number | null;
  if (typeof rawUnits === 'number' && Number.isFinite(rawUnits)) units = rawUnits;
  else {
    const read = normalizeUnits(rawUnits);
    units = read.ok ? read.value : null;
  }
  let dxPointers = letterPointerBoxes(raw.dxPointers);
  let dxPointerErrors: readonly string[] = NO_POINTER_ERRORS;
  let dxPointerGuesses: string[] | undefined;
  if (dxPointers === null) {
    const pointers = normalizeDxPointers(raw.dxPointers, defaults.diagnoses);
    dxPointers = pointers.ok ? pointers.value.pointers : [];
    if (pointers.ok) {
      dxPointerErrors = pointers.value.errors;
      if (pointers.value.guesses) dxPointerGuesses = pointers.value.guesses;
    } else if (!pointers.empty)
      dxPointerErrors = [String(fieldText(raw.dxPointers) ?? quoted(raw.dxPointers))];
  }

  const rawMinutes = raw.minutes;
  const minutes =
    typeof rawMinutes === 'number' && rawMinutes >= 0 && rawMinutes <= MAX_MINUTES_A_DAY
      ? rawMinutes
      : reader.read('minutes', rawMinutes, normalizeMinutes, index);
  const rawCharge = raw.charge;
  const charge =
    typeof rawCharge === 'number' && Number.isFinite(rawCharge) && rawCharge >= 0
      ? Math.round(rawCharge * 100) / 100
      : reader.read('charge', rawCharge, normalizeMoney, index);

  let dateOfService: string | null;
  if (raw.dateOfService === undefined) dateOfService = null;
  else if (raw.dateOfService === repeats.dateText && repeats.date !== null) dateOfService = repeats.date;
  else {
    dateOfService = reader.read('dateOfService', raw.dateOfService, normalizeDate, index);
    if (dateOfService !== null) {
      repeats.dateText = raw.dateOfService;
      repeats.date = dateOfService;
    }
  }
  let placeOfService: string | null;
  if (raw.placeOfService === undefined) placeOfService = null;
  else if (raw.placeOfService === repeats.posText && repeats.pos !== null) placeOfService = repeats.pos;
  else {
    placeOfService = reader.read('placeOfService', raw.placeOfService, normalizePlaceOfService, index);
    if (placeOfService !== null) {
      repeats.posText = raw.placeOfService;
      repeats.pos = placeOfService;
    }
  }

  return {
    index,
    code,
    modifiers,
    units,
    minutes,
    dxPointers,
    dxPointerErrors,
    // Always present (undefined when none), so every line has one shape for the rules to read.
    dxPointerGuesses,
    charge,
    dateOfService: dateOfService ?? defaults.dateOfService,
    placeOfService: placeOfService ?? defaults.placeOfService,
    raw,
  };
}

/** Every line, in order; a hole in a sparse list stays a hole, as Array.prototype.map leaves it. */
function readLines(
  reader: Reader,
  lines: unknown[],
  defaults: ClaimDefaults,
  repeats: Repeats,
): ServiceLine[] {
  // Pushed, not assigned into a presized array: a packed list is faster for every rule that walks it.
  const read: ServiceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Only an undefined entry can be a hole: the `in` test is left for those.
    if (line === undefined && !(i in lines)) read.length = i + 1;
    else read.push(readLine(reader, line, i, defaults, repeats));
  }
  return read;
}

function readYtd(reader: Reader, input: unknown): Claim['ytdTherapyCharges'] {
  if (!isRecord(input)) {
    if (input !== undefined && input !== null)
      reader.unreadable(
        'ytdTherapyCharges',
        input,
        'expected the year-to-date amounts for each group, such as {"PT_SLP": 1800, "OT": 0}',
      );
    return null;
  }
  return {
    PT_SLP: reader.read('ytdTherapyCharges', input.PT_SLP, normalizeMoney),
    OT: reader.read('ytdTherapyCharges', input.OT, normalizeMoney),
  };
}

/**
 * Turns a structurally valid claim (see parseClaim) into the normalised Claim the rules read,
 * plus `input/unreadable` warnings for fields it could not understand. Never throws.
 */
export function normalizeClaim(raw: RawClaim): { claim: Claim; findings: Finding[] } {
  const reader = new Reader();
  const source: Partial<RawClaim> = isRecord(raw) ? raw : {};
  const dateOfService = reader.read('dateOfService', source.dateOfService, normalizeDate);
  const placeOfService = reader.read('placeOfService', source.placeOfService, normalizePlaceOfService);
  const renderer = reader.read('renderedBy', source.renderedBy, normalizeRenderedBy);
  // A title such as "PTA" also names the discipline; used only when the claim names none.
  const discipline: Discipline | null =
    reader.read('discipline', source.discipline, normalizeDiscipline) ?? renderer?.discipline ?? null;
  // And the other way: a discipline typed as an assistant's title ("PTA", "COTA") says an assistant
  // rendered the service, unless the claim says who did.
  let renderedBy = renderer?.renderedBy ?? null;
  if (renderedBy === null && discipline !== null && source.renderedBy === undefined) {
    const titled = normalizeRenderedBy(source.discipline);
    if (titled.ok && titled.value.renderedBy === 'assistant') renderedBy = 'assistant';
  }
  const diagnoses = readDiagnoses(reader, source.diagnoses);
  const defaults: ClaimDefaults = { dateOfService, placeOfService, diagnoses };
  const lines = Array.isArray(source.lines) ? source.lines : [];
  const repeats: Repeats = { dateText: undefined, date: null, posText: undefined, pos: null };

  const claim: Claim = {
    payer: reader.read('payer', source.payer, normalizePayer),
    dateOfService,
    placeOfService,
    discipline,
    renderedBy,
    ytdTherapyCharges: readYtd(reader, source.ytdTherapyCharges),
    diagnoses,
    lines: readLines(reader, lines, defaults, repeats),
  };
  if (reader.unreadableFields.length > 0) claim.unreadable = reader.unreadableFields;
  return { claim, findings: reader.findings };
}
