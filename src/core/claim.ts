import * as z from 'zod/mini';
import type { FindingField } from './finding';

/**
 * The Claim JSON from design.md as people and pages really produce it. Only the structure is
 * strict: a claim is an object whose `lines` is a list of objects, so the CLI can reject "not a
 * claim" with the field's name. Every other field is optional and taken as it comes ("2.0",
 * "30 min", "97535-GO 59", or a value no one could have meant, such as an object): what a value
 * means is `normalizeClaim`'s job, which reports what it cannot read as an `input/unreadable`
 * finding, so one bad box never rejects the whole claim (design.md: every field but `lines` is
 * optional; input that cannot be understood is a finding, never thrown).
 */
const leaf = () => z.optional(z.unknown());

// Built lazily and pure-annotated: the content script checks structure by hand (claim-shape.ts),
// so its bundle drops these schemas and zod with them.
export const RawServiceLineSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    code: leaf(),
    modifiers: leaf(),
    units: leaf(),
    minutes: leaf(),
    dxPointers: leaf(),
    charge: leaf(),
    /** CMS-1500 box 24A; falls back to the claim's dateOfService. */
    dateOfService: leaf(),
    /** Box 24B; falls back to the claim's placeOfService. */
    placeOfService: leaf(),
  }))();

export const RawClaimSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    payer: leaf(),
    dateOfService: leaf(),
    placeOfService: leaf(),
    discipline: leaf(),
    renderedBy: leaf(),
    /** `{ PT_SLP, OT }` amounts; anything else is reported as unreadable. */
    ytdTherapyCharges: leaf(),
    /** A list of boxes or one text ("I69.351, Z74.09"). */
    diagnoses: leaf(),
    lines: z.array(RawServiceLineSchema),
  }))();

export type RawServiceLine = z.infer<typeof RawServiceLineSchema>;
export type RawClaim = z.infer<typeof RawClaimSchema>;

export type Discipline = 'PT' | 'OT' | 'SLP';
export type RenderedBy = 'therapist' | 'assistant';

/** A service line after normalisation. `null` means missing or unreadable (a finding says which). */
export interface ServiceLine {
  index: number;
  /** Upper case CPT/HCPCS, e.g. "97535", "G0283". */
  code: string | null;
  /** Upper case two-character modifiers in the order typed, duplicates kept (rules report them). */
  modifiers: string[];
  units: number | null;
  minutes: number | null;
  /** 0-based indexes into `Claim.diagnoses`, each once, in the order typed. May name an empty slot or one past the end (`dx/pointer` reports those). */
  dxPointers: number[];
  /** Pointer tokens as typed that point nowhere: `M`, `20`, a diagnosis code not on the claim. */
  dxPointerErrors: readonly string[];
  /** Pointer tokens read one way that may mean another (`12`: read as 1 and 2, may mean L); dx/pointer asks to confirm. */
  dxPointerGuesses?: string[];
  charge: number | null;
  /** ISO date (YYYY-MM-DD): the line's own when readable, else the claim's. */
  dateOfService: string | null;
  /** Two-digit place of service code: the line's own when readable, else the claim's. */
  placeOfService: string | null;
  /** What was typed, for messages ("you typed '2,5'"). */
  raw: RawServiceLine;
}

export interface Claim {
  payer: string | null;
  dateOfService: string | null;
  placeOfService: string | null;
  discipline: Discipline | null;
  renderedBy: RenderedBy | null;
  ytdTherapyCharges: { PT_SLP: number | null; OT: number | null } | null;
  /** Dotted upper case ICD-10-CM ("I69.351"); `null` for an empty or unreadable slot, so pointers keep their letters. */
  diagnoses: (string | null)[];
  lines: ServiceLine[];
  /** Claim-level fields something was typed in that could not be read (each has an `input/unreadable` finding): "could not be read", not "missing". */
  unreadable?: FindingField[];
}
