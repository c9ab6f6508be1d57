import * as z from 'zod/mini';
import { RULE_IDS } from './finding';
import { type PayerProfile, SEVERITY_SETTINGS } from './profile';

/**
 * Payer profiles as settings store them, for settings and the CLI (zod names the bad field).
 * The content script checks profiles with isPayerProfile (profile.ts) instead, held equal to
 * this schema by a property test. Built lazily and pure-annotated, so bundles that never read
 * it drop it and zod with it.
 */
export const PayerProfileSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    builtIn: z.boolean(),
    unitMethod: z.enum(['cms', 'ama']),
    severity: z.partialRecord(z.enum(RULE_IDS), z.enum(SEVERITY_SETTINGS)),
    requiredModifiers: z.object({ discipline: z.boolean(), telehealth95: z.boolean() }),
    kxApplies: z.boolean(),
    rationale: z.optional(z.array(z.string())),
  }))();

/** The schema and the hand-written interface describe the same thing; this fails to compile if they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ProfileSchemaMatchesInterface = Holds<Same<z.infer<typeof PayerProfileSchema>, PayerProfile>>;
