/**
 * Shapes of the CMS edit tables (NCCI procedure-to-procedure pairs, MUE daily maximums), shared
 * by the built-in documented rows and the CMS files a user loads (parsed elsewhere). A loaded
 * table replaces the built-in one of the same kind; its `version` is quoted in findings.
 */
export interface NcciPair {
  column1: string;
  column2: string;
  /** 0: no modifier unbundles the pair; 1: a distinct-service modifier may; 9: edit not in effect. */
  modifierIndicator: 0 | 1 | 9;
  /** ISO date the edit took effect. */
  effective: string;
  /** ISO date the edit was deleted (no longer applies from that day), null while active. */
  deleted: string | null;
  source: string;
}

export interface MueEntry {
  code: string;
  maxUnits: number;
  source: string;
  effective?: string;
}

export interface EditTables {
  ncci?: { version: string; pairs: NcciPair[] };
  mue?: { version: string; entries: MueEntry[] };
}
