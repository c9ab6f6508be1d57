/**
 * The core's output contract (design.md, "Findings"). Tests and the e2e hooks assert on
 * rule ids, never on message wording, so the id list below is the stable public surface.
 */

export const RULE_IDS = [
  'units/invalid',
  'units/below-minimum',
  'units/exceeds-minutes',
  'units/under-billed',
  'units/allocation',
  'units/excessive',
  'modifier/discipline-missing',
  'modifier/discipline-conflict',
  'modifier/assistant',
  'modifier/kx-required',
  'modifier/kx-unsupported',
  'modifier/review-threshold',
  'modifier/misplaced',
  'modifier/unknown',
  'modifier/conflict',
  'ncci/pair-needs-modifier',
  'ncci/pair-never',
  'dx/avoid',
  'dx/nonspecific',
  'dx/not-billable',
  'dx/invalid',
  'dx/pointer',
  'telehealth/pos-modifier',
  'code/unknown',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * Not catalog rules, but findings the core must still be able to say:
 * - `input/unreadable`: a field the core could not understand (reported, never thrown).
 * - `check/skipped`: a check that could not run because input was missing (always `info`).
 */
export const META_RULE_IDS = ['input/unreadable', 'check/skipped'] as const;
export type MetaRuleId = (typeof META_RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** Which claim field a finding is about, so the overlay knows where to put its badge. */
export type FindingField =
  | 'code'
  | 'modifiers'
  | 'units'
  | 'minutes'
  | 'dxPointers'
  | 'charge'
  | 'diagnoses'
  | 'placeOfService'
  | 'dateOfService'
  | 'payer'
  | 'ytdTherapyCharges'
  | 'renderedBy'
  | 'discipline';

/**
 * An unambiguous correction the overlay can apply with one click. Every variant names the
 * line (or diagnosis index) it changes; the overlay maps it back to the page field.
 */
export type Fix =
  | { line: number; addModifier: string }
  | { line: number; removeModifier: string }
  | { line: number; replaceModifier: { from: string; to: string } }
  | { line: number; setUnits: number }
  | { diagnosis: number; setDiagnosis: string };

export interface Finding {
  rule: RuleId | MetaRuleId;
  severity: Severity;
  /** Index of the service line, absent for claim-level findings. */
  line?: number;
  /** Index into `diagnoses`, for diagnosis findings. */
  diagnosis?: number;
  field?: FindingField;
  message: string;
  fix?: Fix;
  /** Human citation, e.g. "CMS Pub. 100-04, ch. 5, §20.2". */
  source: string;
  /** Which data table (and its version/quarter) the finding used, when it used one. */
  dataVersion?: string;
}
