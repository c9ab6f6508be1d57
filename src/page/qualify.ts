import type { ControlRecord, FieldRecord, FormRecord } from './record';
import {
  leadingCode,
  looksLikeCode,
  looksLikeDate,
  looksLikeIcdList,
  looksLikeMinutes,
  looksLikeModifiers,
  looksLikeMoney,
  looksLikePointers,
  looksLikePos,
  looksLikeSmallCount,
} from './shapes';
import type { FieldRole } from './types';
import {
  DECOY_CONTEXT_WORDS,
  DECOY_FIELD_WORDS,
  NOT_A_CHARGE_FIELD,
  NOT_SUBMIT_WORDS,
  ROLE_WORDS,
  SUBMIT_WORDS,
} from './vocabulary';
import { toWords } from './words';

/**
 * Decides what each collected record is, from plain data only (no DOM). Three layers, first
 * one wins: a taught mapping, a site adapter, then heuristics (label words from every source,
 * plus the shape of the value). Decoys (search boxes, history tables, log-in forms) get no role.
 */

export type ValueRole = Exclude<FieldRole, 'submit'>;

export interface Qualified {
  role: ValueRole | null;
  source: 'taught' | 'adapter' | 'heuristic' | null;
  score: number;
  /** Why a record was set aside as a decoy (for tests and debugging; never shown with values). */
  decoy: string | null;
}

/** Best heuristic score needed to call a field anything: one naming word, or a weak word plus a matching value. */
export const MIN_SCORE = 2.5;

/** Text just before a field is a label more often than not (a naming word alone still passes MIN_SCORE), but sometimes the previous field's. */
const NEARBY_WEIGHT = 0.85;

const NONE: Qualified = { role: null, source: null, score: 0, decoy: null };

/** Label texts repeat across rows ("Modifier" over 24 boxes): their word sets are worked out once per reading. */
export type WordMemo = Map<string, Set<string>>;

export function qualifyField(
  field: FieldRecord,
  decoyForms: ReadonlySet<number> = new Set(),
  memo: WordMemo = new Map(),
): Qualified {
  if (field.assigned) {
    if (field.assigned.role === 'submit') return NONE;
    return {
      role: field.assigned.role,
      source: field.assigned.source,
      score: Number.POSITIVE_INFINITY,
      decoy: null,
    };
  }
  // A row hidden by the page (a template row, a collapsed section) is not being charged.
  if (!field.visible && field.kind !== 'hidden') return NONE;
  const decoy = decoyReason(field, decoyForms, memo);
  if (decoy) return { ...NONE, decoy };

  const ownTexts = [field.labels.join(' '), field.header, `${field.name} ${field.id}`, field.hints.join(' ')];
  const own = ownTexts.map((t) => gramsOf(t, memo));
  if (own.some((g) => hasAny(g, NOT_A_CHARGE))) return NONE;

  const scores = new Map<ValueRole, number>();
  for (const g of own) addVotes(scores, g, 1);
  // The text before a field is often its own label[for]: count it once.
  if (field.nearby && !ownTexts.includes(field.nearby))
    addVotes(scores, gramsOf(field.nearby, memo), NEARBY_WEIGHT);
  addShapeVotes(scores, field);

  let best: ValueRole | null = null;
  let bestScore = 0;
  for (const [role, score] of scores) {
    if (score > bestScore) {
      best = role;
      bestScore = score;
    }
  }
  if (!best || bestScore < MIN_SCORE) return NONE;
  // A hidden input is read only when its name says what it holds and it holds something.
  if (field.kind === 'hidden' && (!field.value.trim() || !nameSays(field, best))) return NONE;
  // A read-only text cell needs its value to fit: "Units" over "2", "CPT" over "97535".
  if (field.kind === 'text' && !shapeFits(best, field.value)) return NONE;
  return { role: best, source: 'heuristic', score: bestScore, decoy: null };
}

function addVotes(scores: Map<ValueRole, number>, grams: Set<string>, factor: number): void {
  if (grams.size === 0) return;
  const best = new Map<ValueRole, number>();
  let top = 0;
  for (const gram of grams) {
    for (const [role, weight] of ROLE_INDEX.get(gram) ?? []) {
      if (weight > (best.get(role) ?? 0)) best.set(role, weight);
      if (weight > top) top = weight;
    }
  }
  // "Dx pointer": the overriding word silences the weaker roles in the same text.
  for (const [role, weight] of best) {
    if (top >= 5 && weight < 5) continue;
    scores.set(role, (scores.get(role) ?? 0) + weight * factor);
  }
}

function addShapeVotes(scores: Map<ValueRole, number>, field: FieldRecord): void {
  const value = valueForShape(field);
  if (!value) return;
  const bump = (role: ValueRole, by: number) => {
    if (scores.has(role) || by > 0) scores.set(role, (scores.get(role) ?? 0) + by);
  };
  if (field.kind === 'text' && leadingCode(value)) bump('code', 3);
  else if (looksLikeCode(value)) bump('code', 2);
  else if (scores.has('code') && !startsWithCode(value)) bump('code', -2);
  // A "Dx" column holding "1,2" or "AB" is the line's pointer to the diagnoses, not a diagnosis.
  const dxScore = scores.get('dx') ?? 0;
  const icdList = looksLikeIcdList(value);
  if (dxScore > 0 && looksLikePointers(value) && !icdList) bump('dx-pointer', dxScore);
  if (icdList && !looksLikeCode(value)) bump('dx', 2);
  else if (scores.has('dx')) bump('dx', -2);
  for (const [role, fits] of SHAPE_CHECKS) if (scores.has(role)) bump(role, fits(value) ? 0.5 : -2);
}

/** Roles whose words a fitting value confirms (+0.5) and a misfit contradicts (-2). */
const SHAPE_CHECKS = [
  ['units', looksLikeSmallCount],
  ['minutes', looksLikeMinutes],
  ['dx-pointer', looksLikePointers],
  ['pos', looksLikePos],
  ['dos', looksLikeDate],
  ['charge', looksLikeMoney],
  ['modifier', looksLikeModifiers],
] as const;

function startsWithCode(value: string): boolean {
  return /^\s*[A-Za-z]?\d{4}[0-9A-Za-z]?\b/.test(value);
}

function valueForShape(field: FieldRecord): string {
  return (field.kind === 'select' ? field.value || field.optionText : field.value).trim();
}

function shapeFits(role: ValueRole, value: string): boolean {
  switch (role) {
    case 'code':
      return looksLikeCode(value);
    case 'modifier':
      return looksLikeModifiers(value);
    case 'units':
      return looksLikeSmallCount(value);
    case 'minutes':
      return looksLikeMinutes(value);
    case 'dx':
      return looksLikeIcdList(value);
    case 'dx-pointer':
      return looksLikePointers(value);
    case 'pos':
      return looksLikePos(value);
    case 'dos':
      return looksLikeDate(value);
    case 'charge':
      return looksLikeMoney(value);
    case 'payer':
      return value.length > 1;
  }
}

function nameSays(field: FieldRecord, role: ValueRole): boolean {
  for (const gram of gramsOf(`${field.name} ${field.id}`, new Map())) {
    if (ROLE_INDEX.get(gram)?.some(([r, weight]) => r === role && weight >= 3)) return true;
  }
  return false;
}

function decoyReason(field: FieldRecord, decoyForms: ReadonlySet<number>, memo: WordMemo): string | null {
  if (field.inputType === 'search' || field.ariaRole === 'searchbox' || field.ariaRole === 'combobox')
    return 'search box';
  const own = [...field.labels, ...field.hints, field.name, field.id].join(' ');
  if (DECOY_FIELD_HINT.test(own) && hasAny(gramsOf(own, memo), DECOY_FIELD)) return 'search or log-in field';
  if (decoyForms.has(field.form)) return 'search or log-in form';
  if (hasAny(gramsOf(field.context, memo), DECOY_CONTEXT)) return 'history or lookup section';
  return null;
}

const ROLE_INDEX = new Map<string, [ValueRole, number][]>();
for (const [phrase, role, weight] of ROLE_WORDS)
  ROLE_INDEX.set(phrase, [...(ROLE_INDEX.get(phrase) ?? []), [role, weight]]);
const NOT_A_CHARGE: ReadonlySet<string> = new Set(NOT_A_CHARGE_FIELD);
const DECOY_FIELD: ReadonlySet<string> = new Set(DECOY_FIELD_WORDS);
const DECOY_CONTEXT: ReadonlySet<string> = new Set(DECOY_CONTEXT_WORDS);
/**
 * One word of every role phrase (its longest): a text in which none of them appears, in any
 * case, has no role phrase among its grams (`toWords` only splits and lower-cases, so every
 * word it gives is a piece of the text). The `u` flag folds case the way `toLowerCase` does
 * (the Kelvin sign is a k).
 */
function hintFor(phrases: readonly string[]): RegExp {
  const keys = new Set(phrases.map((p) => p.split(' ').reduce((a, b) => (b.length > a.length ? b : a))));
  return new RegExp([...keys].sort((a, b) => b.length - a.length).join('|'), 'iu');
}
const ROLE_WORD_HINT = hintFor(ROLE_WORDS.map(([phrase]) => phrase));
/** The same for the words of search and log-in fields: most fields' names and labels hold none. */
const DECOY_FIELD_HINT = hintFor(DECOY_FIELD_WORDS);

/**
 * Could this text give a record any role vote? False means none of its phrases names a
 * charge field, so a read-only cell with only such texts around it cannot qualify (unless its
 * value starts with a code): the collector then never builds its record. Answers per distinct
 * text are kept in `memo` (one reading).
 */
export function mayNameRole(text: string, memo: Map<string, boolean>): boolean {
  if (!text || !ROLE_WORD_HINT.test(text)) return false;
  let names = memo.get(text);
  if (names === undefined) {
    names = false;
    for (const gram of gramsOf(text, new Map())) if (ROLE_INDEX.has(gram)) names = true;
    memo.set(text, names);
  }
  return names;
}

/** Per role, the largest weight a phrase of the text gives it. */
export function roleWeights(text: string, memo: WordMemo): Map<ValueRole, number> {
  const weights = new Map<ValueRole, number>();
  for (const gram of gramsOf(text, memo)) {
    for (const [role, weight] of ROLE_INDEX.get(gram) ?? [])
      if (weight > (weights.get(role) ?? 0)) weights.set(role, weight);
  }
  return weights;
}

/** Each phrase's key word (its longest), and the phrases each key word stands for. */
const PHRASES_BY_KEY = new Map<string, [ValueRole, number][]>();
for (const [phrase, role, weight] of ROLE_WORDS) {
  const key = phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  PHRASES_BY_KEY.set(key, [...(PHRASES_BY_KEY.get(key) ?? []), [role, weight]]);
}
/** Key words that start the given one ("mod" for "modifiers"): found where it was found. */
const KEYS_STARTING = new Map<string, string[]>();
for (const key of PHRASES_BY_KEY.keys())
  KEYS_STARTING.set(
    key,
    [...PHRASES_BY_KEY.keys()].filter((k) => key.startsWith(k)),
  );
const KEY_SCAN_SOURCE = [...PHRASES_BY_KEY.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * Per role, the most that any phrase of any part of the text could give it: every key word
 * found anywhere in it (any case, overlapping, across what were separate cells) counts with
 * all its phrases. An upper bound of `roleWeights` over every piece of the text.
 */
export function possibleRoleWeights(text: string): Map<ValueRole, number> {
  const weights = new Map<ValueRole, number>();
  const scan = new RegExp(KEY_SCAN_SOURCE, 'giu');
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    for (const key of KEYS_STARTING.get(m[0].toLowerCase()) ?? []) {
      for (const [role, weight] of PHRASES_BY_KEY.get(key) ?? [])
        if (weight > (weights.get(role) ?? 0)) weights.set(role, weight);
    }
    scan.lastIndex = m.index + 1; // overlapping: "unitsvc" holds "units" and "svc"
  }
  return weights;
}

const VALUE_ROLES: readonly ValueRole[] = [
  'code',
  'modifier',
  'units',
  'minutes',
  'dx',
  'dx-pointer',
  'pos',
  'dos',
  'payer',
  'charge',
];

/**
 * Could a read-only cell with no label, name or hint of its own, and no leading code, reach
 * MIN_SCORE when its header gives each role at most `header` and the text before it at most
 * `nearby`? An upper bound on `qualifyField`: the value's shape adds at most 2 (code, dx),
 * the dx words (dx-pointer) plus 0.5, or 0.5; everything else it does only lowers a score.
 */
export function textCellMayQualify(
  header: ReadonlyMap<ValueRole, number>,
  nearby: ReadonlyMap<ValueRole, number>,
): boolean {
  const words = (role: ValueRole) => (header.get(role) ?? 0) + NEARBY_WEIGHT * (nearby.get(role) ?? 0);
  for (const role of VALUE_ROLES) {
    const shape = role === 'code' || role === 'dx' ? 2 : role === 'dx-pointer' ? 0.5 + words('dx') : 0.5;
    if (words(role) + shape >= MIN_SCORE) return true;
  }
  return false;
}

/** Longest phrase in the vocabulary, in words ("date s of service"). */
const MAX_PHRASE_WORDS = 4;

const SUBMIT: ReadonlySet<string> = new Set(SUBMIT_WORDS);
const NOT_SUBMIT: ReadonlySet<string> = new Set(NOT_SUBMIT_WORDS);
/** Every phrase any test here looks for. */
const VOCABULARY: ReadonlySet<string> = new Set([
  ...ROLE_INDEX.keys(),
  ...NOT_A_CHARGE,
  ...DECOY_FIELD,
  ...DECOY_CONTEXT,
  ...SUBMIT,
  ...NOT_SUBMIT,
]);
/** The first 1, 2, ... words of every phrase: a run of words that is none of these starts no phrase. */
const PHRASE_STARTS: ReadonlySet<string> = new Set(
  [...VOCABULARY].flatMap((phrase) =>
    phrase.split(' ').map((_, n, words) => words.slice(0, n + 1).join(' ')),
  ),
);

/**
 * The runs of 1–4 consecutive words in a text that are phrases of the vocabulary: phrase
 * tests become set lookups, and a run stops growing as soon as no phrase starts with it, so
 * the cost grows with the label's length, not with the size of the vocabulary.
 */
function gramsOf(text: string, memo: WordMemo): Set<string> {
  let grams = memo.get(text);
  if (grams) return grams;
  grams = new Set();
  const padded = toWords(text);
  const words = padded ? padded.slice(1, -1).split(' ') : [];
  for (let i = 0; i < words.length; i++) {
    let gram = words[i] as string;
    for (let n = 1; PHRASE_STARTS.has(gram); n++) {
      if (VOCABULARY.has(gram)) grams.add(gram);
      if (n >= MAX_PHRASE_WORDS || i + n >= words.length) break;
      gram = `${gram} ${words[i + n]}`;
    }
  }
  memo.set(text, grams);
  return grams;
}

function hasAny(grams: Set<string>, phrases: ReadonlySet<string>): boolean {
  for (const gram of grams) if (phrases.has(gram)) return true;
  return false;
}

/** Forms that search, look up or log in: none of their fields or buttons are charges. */
export function findDecoyForms(
  forms: readonly FormRecord[],
  controls: readonly ControlRecord[],
  memo: WordMemo = new Map(),
): Set<number> {
  const decoys = new Set<number>();
  for (const form of forms) {
    const words = gramsOf(`${form.context} ${form.name} ${form.id}`, memo);
    const own = controls.filter((c) => c.form === form.index);
    const searchOnly =
      own.length > 0 &&
      own.every((c) => !isPositiveSubmit(c, memo)) &&
      own.some((c) => hasAny(gramsOf(c.text, memo), DECOY_FIELD));
    if (hasAny(words, DECOY_CONTEXT) || searchOnly) decoys.add(form.index);
  }
  return decoys;
}

function isPositiveSubmit(control: ControlRecord, memo: WordMemo): boolean {
  const words = gramsOf(control.text, memo);
  return hasAny(words, SUBMIT) && !hasAny(words, NOT_SUBMIT);
}

/**
 * Is this control the charge form's submit? `chargeForms` are the forms holding the service
 * lines (-1 when the lines sit outside any form, as many SPA grids do).
 */
export function isSubmitControl(
  control: ControlRecord,
  chargeForms: ReadonlySet<number>,
  memo: WordMemo = new Map(),
): boolean {
  if (control.assigned) return true;
  const words = gramsOf(control.text, memo);
  // Lines outside any form (SPA grids): a clearly named submit anywhere outside a decoy form.
  const formless = chargeForms.has(-1) && hasAny(words, SUBMIT);
  if (!chargeForms.has(control.form) && !formless) return false;
  if (hasAny(words, NOT_SUBMIT)) return false;
  if (hasAny(gramsOf(control.context, memo), DECOY_CONTEXT)) return false;
  if (hasAny(words, SUBMIT)) return true;
  // An unlabelled-by-intent type=submit inside the charge form ("Save", "Continue") still submits it.
  return control.form !== -1 && (control.type === 'submit' || control.type === 'image');
}
