import * as z from 'zod/mini';
import { PayerProfileSchema } from '../core';
import { RULE_IDS } from '../core/finding';
import { SEVERITY_SETTINGS } from '../core/profile';
import { FIELD_ROLES } from '../page/types';
import {
  BUILT_IN_PROFILE_IDS,
  type CustomProfile,
  ISO_DATE,
  LIMITS,
  type MueTable,
  type NcciTable,
  OVERRIDE_REASON_MAX,
  type OverrideEntry,
  PROCEDURE_CODE,
  PROFILE_ID,
  SITE_KEY,
  type SiteSetting,
  type StoredTaughtMapping,
  type UnitMethod,
} from './schema';

/**
 * The stored settings as zod/mini schemas: the documented, declarative statement of what
 * checks.ts enforces by hand (the content script cannot afford zod's bytes). Kept out of the
 * content script; schema-equivalence.test.ts holds the two equal on generated values.
 */

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
  selector: z.string().check(z.minLength(1), z.maxLength(LIMITS.selector)),
  line: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(LIMITS.maxLine))),
  /** The user's name for the field in the options page ("Units, line 1"). */
  label: z.optional(z.string().check(z.maxLength(LIMITS.label))),
});

export const TaughtMappingSchema = z.object({
  host: z.string().check(z.regex(SITE_KEY)),
  pathPattern: z.string().check(z.regex(/^\//), z.maxLength(LIMITS.pathPattern)),
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
  version: z.string().check(z.minLength(1), z.maxLength(LIMITS.tableVersion)),
  fileName: z.string().check(z.maxLength(LIMITS.fileName)),
  loadedAt: z.string(),
  /** Rows in the file before keeping the therapy-relevant ones. */
  rowsRead: z.number().check(z.int(), z.minimum(0)),
};

export const NcciTableSchema = z.object({ ...tableMeta, pairs: z.array(NcciRowSchema) });
export const MueTableSchema = z.object({ ...tableMeta, entries: z.array(MueRowSchema) });
export const TablesSchema = z.object({ ncci: z.nullable(NcciTableSchema), mue: z.nullable(MueTableSchema) });

export const OverrideEntrySchema = z.object({
  rule: z.string().check(z.minLength(1), z.maxLength(LIMITS.ruleId)),
  site: z.string().check(z.maxLength(LIMITS.site)),
  time: z.string(),
  reason: z.string().check(z.maxLength(OVERRIDE_REASON_MAX)),
});

// Compile-time: each schema's output is the shape in schema.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T => true as T;
same<Same<z.infer<typeof UnitMethodSchema>, UnitMethod>>();
same<Same<z.infer<typeof SiteSettingSchema>, SiteSetting>>();
same<Same<z.infer<typeof TaughtMappingSchema>['host'], StoredTaughtMapping['host']>>();
same<Same<z.infer<typeof NcciTableSchema>['pairs'], NcciTable['pairs']>>();
same<Same<z.infer<typeof MueTableSchema>['entries'], MueTable['entries']>>();
same<Same<z.infer<typeof OverrideEntrySchema>, OverrideEntry>>();
same<Same<z.infer<typeof CustomProfileSchema>['basedOn'], CustomProfile['basedOn']>>();
