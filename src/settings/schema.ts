import type { RuleId } from '../core/finding';
import type { PayerProfile, SeveritySetting } from '../core/profile';
import type { FieldRole } from '../page/types';

/**
 * The stored settings: shapes, limits and defaults. Plain TypeScript on purpose: the content
 * script loads settings on every page and must stay within its size budget, so stored data is
 * checked field by field with the plain validators in checks.ts (repair.ts). The same rules as
 * zod/mini schemas, for import files, the options page and the tests, are in zod-schema.ts; a
 * property test holds the two equal. Settings hold no patient data: hostnames, profile ids,
 * selectors, code-pair tables and the override log (rule id, site, time, reason).
 */

export const SCHEMA_VERSION = 1;

/** The payer profiles the core ships (design.md, "Claim JSON": `payer`). */
export const BUILT_IN_PROFILE_IDS = ['medicare', 'medicare-advantage', 'medicaid', 'commercial'] as const;
export type BuiltInProfileId = (typeof BUILT_IN_PROFILE_IDS)[number];

/** Oldest entries are dropped past this, so storage cannot grow without bound. */
export const OVERRIDE_LOG_MAX = 500;
/** A reason is a short note ("separate time blocks documented"), not a place for chart text. */
export const OVERRIDE_REASON_MAX = 200;

/** A hostname ("portal.example-ehr.com", "127.0.0.1") or a subdomain wildcard ("*.example-ehr.com"). */
export const SITE_KEY = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
/** A custom profile id: a short slug that cannot collide with JSON paths or CSS. */
export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** CPT (5 digits, or 4 digits + F/T/U) or HCPCS level II (letter + 4 digits). */
export const PROCEDURE_CODE = /^([0-9]{4}[0-9FTU]|[A-Z][0-9]{4})$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Length limits shared by checks.ts and zod-schema.ts. */
export const LIMITS = {
  profileName: 120,
  selector: 500,
  label: 80,
  pathPattern: 300,
  maxLine: 199,
  tableVersion: 80,
  fileName: 200,
  ruleId: 60,
  site: 253,
} as const;

export type UnitMethod = 'cms' | 'ama';

export interface SiteSetting {
  enabled: boolean;
  /** Payer profile id; null: detect from the page, else Medicare. */
  profile: string | null;
}

/** A rule's severity for a payer, or 'off' to silence it (the core's SeveritySetting). */
export type RuleSetting = SeveritySetting;

/**
 * A user's payer profile: the core's PayerProfile (so checkClaim takes it as is), with a slug
 * id and the built-in it was cloned from. Rules it does not mention use the core's default.
 */
export interface CustomProfile extends PayerProfile {
  builtIn: false;
  basedOn: BuiltInProfileId;
}

export interface StoredTaughtField {
  role: FieldRole;
  selector: string;
  line?: number;
  /** The user's name for the field in the options page ("Units, line 1"). */
  label?: string;
}

export interface StoredTaughtMapping {
  host: string;
  pathPattern: string;
  fields: StoredTaughtField[];
}

export interface NcciRow {
  column1: string;
  column2: string;
  modifierIndicator: 0 | 1 | 9;
  effective: string;
  deleted: string | null;
}

export interface MueRow {
  code: string;
  maxUnits: number;
  /** MUE adjudication indicator: 1 line edit, 2 date of service (policy), 3 date of service (clinical). */
  adjudication?: 1 | 2 | 3;
}

interface TableMeta {
  /** The quarter or version the user loaded, e.g. "2026 Q2 v1" (carried on findings as dataVersion). */
  version: string;
  fileName: string;
  loadedAt: string;
  /** Rows in the file before keeping the therapy-relevant ones. */
  rowsRead: number;
}

export interface NcciTable extends TableMeta {
  pairs: NcciRow[];
}
export interface MueTable extends TableMeta {
  entries: MueRow[];
}
export interface Tables {
  ncci: NcciTable | null;
  mue: MueTable | null;
}

export interface OverrideEntry {
  rule: string;
  site: string;
  time: string;
  reason: string;
}

export interface Settings {
  schemaVersion: number;
  /** Keyed by hostname or "*.domain". */
  sites: Record<string, SiteSetting>;
  customProfiles: CustomProfile[];
  taught: StoredTaughtMapping[];
  tables: Tables;
  /** The popup calculator's preferred method (the minutes themselves are never stored). */
  unitMethod: UnitMethod;
  /** Newest last, at most OVERRIDE_LOG_MAX entries. */
  overrides: OverrideEntry[];
}

export type { RuleId };

export function defaultSettings(): Settings {
  return {
    schemaVersion: SCHEMA_VERSION,
    sites: {},
    customProfiles: [],
    taught: [],
    tables: { ncci: null, mue: null },
    unitMethod: 'cms',
    overrides: [],
  };
}
