import * as z from 'zod/mini';

/**
 * The Claim JSON from design.md as people and pages really produce it. The structure is
 * strict (a claim is an object whose `lines` is an array of objects) so the CLI can reject
 * "not a claim" with the field's name; the leaves are lenient (strings or numbers) because
 * "2.0", "30 min" and "97535-GO 59" are what portals hold. Leaves are understood by
 * `normalizeClaim`, which turns anything it cannot read into a finding, never an exception.
 */
const looseScalar = () => z.union([z.string(), z.number(), z.null()]);
const looseList = () => z.union([z.array(looseScalar()), z.string(), z.null()]);

// Built lazily and pure-annotated: the content script checks structure by hand (claim-shape.ts),
// so its bundle drops these schemas and zod with them.
export const RawServiceLineSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    code: z.optional(looseScalar()),
    modifiers: z.optional(looseList()),
    units: z.optional(looseScalar()),
    minutes: z.optional(looseScalar()),
    dxPointers: z.optional(looseList()),
    charge: z.optional(looseScalar()),
    /** CMS-1500 box 24A; falls back to the claim's dateOfService. */
    dateOfService: z.optional(looseScalar()),
    /** Box 24B; falls back to the claim's placeOfService. */
    placeOfService: z.optional(looseScalar()),
  }))();

export const RawClaimSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    payer: z.optional(looseScalar()),
    dateOfService: z.optional(looseScalar()),
    placeOfService: z.optional(looseScalar()),
    discipline: z.optional(looseScalar()),
    renderedBy: z.optional(looseScalar()),
    ytdTherapyCharges: z.optional(
      z.union([
        z.looseObject({ PT_SLP: z.optional(looseScalar()), OT: z.optional(looseScalar()) }),
        z.null(),
      ]),
    ),
    diagnoses: z.optional(looseList()),
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
  dxPointerErrors: string[];
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
}
