/** The core's public API (src/core/api.md): pure functions over plain data, no DOM, no browser APIs. */
export { type CheckOptions, checkClaim } from './check';
export type { Claim, Discipline, RawClaim, RawServiceLine, RenderedBy, ServiceLine } from './claim';
export { RawClaimSchema, RawServiceLineSchema } from './claim';
export { claimShapeError } from './claim-shape';
export { isCodeShape, isTimedCode, lookupCode, THERAPY_CODES, type TherapyCode } from './data/codes';
export { type Confidence, inForce, type Sourced } from './data/dated';
export { DX_BILLABLE_PERIODS, DX_POLICIES, DX_RULES, describeDx, isIcd10Shape } from './data/dx';
export type { EditTables, MueEntry, NcciPair } from './data/edit-tables';
export { KX_DATA_VERSION, KX_THRESHOLDS, kxThresholdFor, REVIEW_THRESHOLD } from './data/kx';
export { MUE, MUE_BUILT_IN_VERSION } from './data/mue';
export { NCCI_BUILT_IN_VERSION, NCCI_NON_PAIRS, NCCI_PAIRS } from './data/ncci';
export { TELEHEALTH_POS } from './data/telehealth';
export {
  type Finding,
  type FindingField,
  type Fix,
  META_RULE_IDS,
  type MetaRuleId,
  RULE_IDS,
  type RuleId,
  type Severity,
} from './finding';
export { normalizeClaim } from './normalize-claim';
export { parseClaim } from './parse-claim';
export {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_ID,
  detectPayerFromText,
  findProfile,
  isPayerProfile,
  type PayerProfile,
  resolveProfile,
  SEVERITY_SETTINGS,
  type SeveritySetting,
} from './profile';
export { PayerProfileSchema } from './profile-schema';
export { RULE_REGISTRY, RULES, type Rule, type RuleContext, type RuleMeta } from './rules';
export { countUnits, type UnitMethod, type UnitsResult, unitsForMinutes } from './units';
