import * as z from 'zod/mini';
import { RULE_IDS } from '../core/finding';
import { PayerProfileSchema, SEVERITY_SETTINGS } from '../core/profile';
import { FIELD_ROLES } from '../page/types';

/**
 * The stored settings, one zod/mini schema per top-level field so that a bad field can be
 * repaired on its own (repair.ts). Settings hold no patient data: hostnames, profile ids,
 * selectors, code-pair tables and the override log (rule id, site, time, reason).
 */

export const SCHEMA_VERSION = 1;

/** The payer profiles the core ships (design.md, "Claim JSON": `payer`). */
export const BUILT_IN_PROFILE_IDS = ['medicare', 'medicare-advantage', 'medicaid', 'commercial'] as const;

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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const UnitMethodSchema = z.enum(['cms', 'ama']);
export const RuleIdSchema = z.enum(RULE_IDS);

export const SiteSettingSchema = z.object({
  enabled: z.boolean(),
  /** Payer profile id; null: detect from the page, else Medicare. */
  profile: z.nullable(z.string()),
});

/** A rule's severity for a payer, or 'off' to silence it (the core's SeveritySetting). */
export const RuleSettingSchema = z.enum(SEVERITY_SETTINGS);

/**
 * A user's payer profile: the core's PayerProfile (so checkClaim takes it as is), with a
 * slug id and the built-in it was cloned from. Rules it does not mention use the core's default.
 */
export const CustomProfileSchema = z.extend(PayerProfileSchema, {
  id: z.string().check(z.regex(PROFILE_ID)),
  builtIn: z.literal(false),
  basedOn: z.enum(BUILT_IN_PROFILE_IDS),
});

export const TaughtFieldSchema = z.object({
  role: z.enum(FIELD_ROLES),
  selector: z.string().check(z.minLength(1), z.maxLength(500)),
  line: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(199))),
  /** The user's name for the field in the options page ("Units, line 1"). */
  label: z.optional(z.string().check(z.maxLength(80))),
});

export const TaughtMappingSchema = z.object({
  host: z.string().check(z.regex(SITE_KEY)),
  pathPattern: z.string().check(z.regex(/^\//), z.maxLength(300)),
  fields: z.array(TaughtFieldSchema),
});

export const NcciRowSchema = z.object({
  column1: z.string().check(z.regex(PROCEDURE_CODE)),
  column2: z.string().check(z.regex(PROCEDURE_CODE)),
  modifierIndicator: z.union([z.literal(0), z.literal(1), z.literal(9)]),
  effective: z.string().check(z.regex(ISO_DATE)),
  deleted: z.nullable(z.string().check(z.regex(ISO_DATE))),
});

export const MueRowSchema = z.object({
  code: z.string().check(z.regex(PROCEDURE_CODE)),
  maxUnits: z.number().check(z.int(), z.minimum(0)),
  /** MUE adjudication indicator: 1 line edit, 2 date of service (policy), 3 date of service (clinical). */
  adjudication: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])),
});

const tableMeta = {
  /** The quarter or version the user loaded, e.g. "2026 Q2 v1" (carried on findings as dataVersion). */
  version: z.string().check(z.minLength(1), z.maxLength(80)),
  fileName: z.string().check(z.maxLength(200)),
  loadedAt: z.string(),
  /** Rows in the file before keeping the therapy-relevant ones. */
  rowsRead: z.number().check(z.int(), z.minimum(0)),
};

export const NcciTableSchema = z.object({ ...tableMeta, pairs: z.array(NcciRowSchema) });
export const MueTableSchema = z.object({ ...tableMeta, entries: z.array(MueRowSchema) });
export const TablesSchema = z.object({ ncci: z.nullable(NcciTableSchema), mue: z.nullable(MueTableSchema) });

export const OverrideEntrySchema = z.object({
  rule: z.string().check(z.minLength(1), z.maxLength(60)),
  site: z.string().check(z.maxLength(253)),
  time: z.string(),
  reason: z.string().check(z.maxLength(OVERRIDE_REASON_MAX)),
});

export type UnitMethod = z.infer<typeof UnitMethodSchema>;
export type SiteSetting = z.infer<typeof SiteSettingSchema>;
export type RuleSetting = z.infer<typeof RuleSettingSchema>;
export type CustomProfile = z.infer<typeof CustomProfileSchema>;
export type StoredTaughtField = z.infer<typeof TaughtFieldSchema>;
export type StoredTaughtMapping = z.infer<typeof TaughtMappingSchema>;
export type NcciRow = z.infer<typeof NcciRowSchema>;
export type MueRow = z.infer<typeof MueRowSchema>;
export type NcciTable = z.infer<typeof NcciTableSchema>;
export type MueTable = z.infer<typeof MueTableSchema>;
export type Tables = z.infer<typeof TablesSchema>;
export type OverrideEntry = z.infer<typeof OverrideEntrySchema>;

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
