import type { Claim, Discipline, ServiceLine } from '../claim';
import type { TherapyCode } from '../data/codes';
import type { MueEntry, NcciPair } from '../data/edit-tables';
import type { Finding, RuleId, Severity } from '../finding';
import type { PayerProfile } from '../profile';

/** What the registry says about one rule id: the README table and the meta-test read it. */
export interface RuleMeta {
  /** One line: what it catches. */
  summary: string;
  severity: Severity;
  source: string;
  /** False when a profile switch (not a severity) keeps the rule from running, e.g. KX for commercial plans. */
  runsFor?: (profile: PayerProfile) => boolean;
}

/** A family's entries in the registry, kept apart from its checks so the content script ships no catalog text. */
export type RuleCatalog = Partial<Record<RuleId, RuleMeta>>;

export interface Rule {
  family: string;
  ids: RuleId[];
  check(ctx: RuleContext): Finding[];
}

/** NCCI/MUE lookups, built once per table object (built-in at module load, loaded files on first use). */
export interface EditLookup {
  /** Key `${column1}|${column2}`; several rows may share a key with different dates. */
  ncci: ReadonlyMap<string, readonly NcciPair[]>;
  ncciVersion: string;
  /** Codes that appear in any pair, so most lines skip the pair search. */
  ncciCodes: ReadonlySet<string>;
  mue: ReadonlyMap<string, MueEntry>;
  mueVersion: string;
}

/** A service line with what several rules need, worked out once. */
export interface LineView {
  line: ServiceLine;
  /** The line's date of service, else the claim's; null when neither is readable. */
  dos: string | null;
  /** Table entry for the code on that date (null: not a therapy code we know). */
  entry: TherapyCode | null;
  /** The code has a daily maximum in the MUE table in use. */
  limited: boolean;
  /** The code is in a pair of the NCCI table in use, so the pair search must look at the line. */
  paired: boolean;
  /** Nothing typed on the line: portals show empty rows, and they are not errors. */
  blank: boolean;
  /** Discipline modifiers on the line, in order, duplicates removed. */
  disciplineModifiers: readonly string[];
  /** The discipline the line's one discipline modifier names; null with none or several. */
  modifierDiscipline: Discipline | null;
  /** Every modifier's kind bits (modifier-kinds.ts) or-ed together, and UNKNOWN_SEEN: rules test a bit, not the list. */
  modifierKinds: number;
}

export interface RuleContext {
  claim: Claim;
  profile: PayerProfile;
  tables: EditLookup;
  lines: LineView[];
  /** The claim's discipline when every clue agrees (claim field, evaluation/SLP codes, modifiers); else null. */
  discipline: Discipline | null;
}
