import type { Claim, Discipline } from '../claim';
import { THERAPY_CODES, type TherapyCode } from '../data/codes';
import { inForce } from '../data/dated';
import type { EditTables, MueEntry, NcciPair } from '../data/edit-tables';
import { DISCIPLINE_OF_MODIFIER } from '../data/modifiers';
import { MUE, MUE_BUILT_IN_VERSION } from '../data/mue';
import { NCCI_BUILT_IN_VERSION, NCCI_PAIRS } from '../data/ncci';
import { MEMO_LIMIT } from '../normalize/memo';
import type { PayerProfile } from '../profile';
import { DISCIPLINE, modifierKind, withUnknown } from './modifier-kinds';
import type { EditLookup, LineView, RuleContext } from './types';

export function pairKey(column1: string, column2: string): string {
  return `${column1}|${column2}`;
}

function ncciLookup(pairs: readonly NcciPair[]): { map: Map<string, NcciPair[]>; codes: Set<string> } {
  const map = new Map<string, NcciPair[]>();
  const codes = new Set<string>();
  for (const p of pairs) {
    // Loaded files come from users: a malformed row is skipped, never trusted or thrown on.
    if (!p || typeof p.column1 !== 'string' || typeof p.column2 !== 'string') continue;
    const key = pairKey(p.column1, p.column2);
    const rows = map.get(key);
    if (rows) rows.push(p);
    else map.set(key, [p]);
    codes.add(p.column1);
    codes.add(p.column2);
  }
  return { map, codes };
}

function mueLookup(entries: readonly MueEntry[]): Map<string, MueEntry> {
  const map = new Map<string, MueEntry>();
  for (const e of entries)
    if (e && typeof e.code === 'string' && typeof e.maxUnits === 'number') map.set(e.code, e);
  return map;
}

const builtInNcci = ncciLookup(NCCI_PAIRS);
export const BUILT_IN_LOOKUP: EditLookup = {
  ncci: builtInNcci.map,
  ncciCodes: builtInNcci.codes,
  ncciVersion: NCCI_BUILT_IN_VERSION,
  mue: mueLookup(MUE),
  mueVersion: MUE_BUILT_IN_VERSION,
};

/** Loaded tables are built into lookups once per object; settings hand us the same object each check. */
const loadedLookups = new WeakMap<EditTables, EditLookup>();

/** A loaded table of a kind replaces the built-in one of that kind; the other kind keeps the built-in. */
export function editLookup(tables: EditTables | undefined): EditLookup {
  if (!tables || (!tables.ncci && !tables.mue)) return BUILT_IN_LOOKUP;
  const cached = loadedLookups.get(tables);
  if (cached) return cached;
  let lookup: EditLookup = BUILT_IN_LOOKUP;
  if (tables.ncci && Array.isArray(tables.ncci.pairs)) {
    const built = ncciLookup(tables.ncci.pairs);
    lookup = { ...lookup, ncci: built.map, ncciCodes: built.codes, ncciVersion: String(tables.ncci.version) };
  }
  if (tables.mue && Array.isArray(tables.mue.entries)) {
    lookup = { ...lookup, mue: mueLookup(tables.mue.entries), mueVersion: String(tables.mue.version) };
  }
  loadedLookups.set(tables, lookup);
  return lookup;
}

/**
 * lookupCode for codes the normaliser already upper-cased and dates it already checked: the
 * same table and validity rule, without re-reading the input on every line of every check.
 */
const CODE_TABLE: ReadonlyMap<string, TherapyCode> = new Map(THERAPY_CODES.map((e) => [e.code, e]));

/** What the tables say of one code, whatever the date: read with one lookup per line instead of one per table. */
interface CodeFacts {
  entry: TherapyCode | undefined;
  limited: boolean;
  paired: boolean;
}

/** Per lookup (built-in, or a loaded file's), the facts of each code seen; bounded like the normalisers' memos. */
const codeFactsOf = new WeakMap<EditLookup, Map<string, CodeFacts>>();

function factsTable(tables: EditLookup): Map<string, CodeFacts> {
  let facts = codeFactsOf.get(tables);
  if (!facts) {
    facts = new Map();
    codeFactsOf.set(tables, facts);
  }
  return facts;
}

function factsOf(table: Map<string, CodeFacts>, tables: EditLookup, code: string): CodeFacts {
  let facts = table.get(code);
  if (facts === undefined) {
    facts = {
      entry: CODE_TABLE.get(code),
      limited: tables.mue.has(code),
      paired: tables.ncciCodes.has(code),
    };
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(code, facts);
  }
  return facts;
}

/** A line without a code is in no table. */
const NO_CODE: CodeFacts = { entry: undefined, limited: false, paired: false };

function entryOn(entry: TherapyCode | undefined, dos: string | null): TherapyCode | null {
  if (!entry) return null;
  return dos === null || inForce(entry, dos) ? entry : null;
}

function isBlank(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

/** Shared by every line without a discipline modifier; never mutated. */
const NONE: readonly string[] = [];
/**
 * Each discipline modifier with the list shared by every line that carries only it (nearly every
 * line; never mutated) and its discipline. Three entries: a scan of them beats two Map gets per line.
 */
const DISCIPLINE_ENTRIES: readonly { modifier: string; only: readonly string[]; discipline: Discipline }[] = [
  ...DISCIPLINE_OF_MODIFIER,
].map(([modifier, discipline]) => ({ modifier, only: [modifier], discipline }));

function lineViews(claim: Claim, tables: EditLookup): LineView[] {
  const views: LineView[] = [];
  const table = factsTable(tables);
  for (const line of claim.lines) {
    const dos = line.dateOfService ?? claim.dateOfService;
    const raw = line.raw ?? {};
    const blank =
      line.code === null &&
      line.modifiers.length === 0 &&
      isBlank(raw.code) &&
      isBlank(raw.units) &&
      isBlank(raw.minutes) &&
      isBlank(raw.charge);
    let disciplineModifiers = NONE;
    let firstDiscipline: Discipline | null = null;
    let kinds = 0;
    const modifiers = line.modifiers;
    for (let i = 0; i < modifiers.length; i++) {
      const m = modifiers[i]!;
      const kind = modifierKind(m);
      kinds |= withUnknown(kind);
      if ((kind & DISCIPLINE) === 0 || disciplineModifiers.includes(m)) continue;
      if (disciplineModifiers !== NONE) {
        disciplineModifiers = [...disciplineModifiers, m];
        continue;
      }
      for (const e of DISCIPLINE_ENTRIES) {
        if (e.modifier !== m) continue;
        disciplineModifiers = e.only;
        firstDiscipline = e.discipline;
        break;
      }
    }
    const facts = line.code === null ? NO_CODE : factsOf(table, tables, line.code);
    views.push({
      line,
      dos,
      entry: entryOn(facts.entry, dos),
      limited: facts.limited,
      paired: facts.paired,
      blank,
      disciplineModifiers,
      modifierDiscipline: disciplineModifiers.length === 1 ? firstDiscipline : null,
      modifierKinds: kinds,
    });
  }
  return views;
}

/** Every clue to the clinician's discipline; a single answer only when they all agree. */
function claimDiscipline(claim: Claim, views: readonly LineView[]): Discipline | null {
  let found: Discipline | null = claim.discipline;
  for (const v of views) {
    if (v.blank) continue;
    const coded = v.entry?.discipline;
    if (coded) {
      if (found === null) found = coded;
      else if (found !== coded) return null;
    }
    if (v.modifierDiscipline !== null) {
      if (found === null) found = v.modifierDiscipline;
      else if (found !== v.modifierDiscipline) return null;
      continue;
    }
    for (const m of v.disciplineModifiers) {
      const d = DISCIPLINE_OF_MODIFIER.get(m);
      if (!d) continue;
      if (found === null) found = d;
      else if (found !== d) return null;
    }
  }
  return found;
}

export function buildContext(claim: Claim, profile: PayerProfile, tables: EditLookup): RuleContext {
  const lines = lineViews(claim, tables);
  return { claim, profile, tables, lines, discipline: claimDiscipline(claim, lines) };
}

/** The discipline a line belongs to: its own single modifier, else the code's, else the claim's. */
export function lineDiscipline(view: LineView, ctx: RuleContext): Discipline | null {
  if (view.disciplineModifiers.length === 1) return view.modifierDiscipline;
  if (view.disciplineModifiers.length > 1) return null;
  return view.entry?.discipline ?? ctx.discipline;
}
