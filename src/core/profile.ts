import { RULE_IDS, type RuleId } from './finding';

/**
 * Payer profiles: which counting method the payer uses, which rules apply and how loud they
 * are. Users add their own (stored in settings, validated with this schema); the four built-ins
 * below say why each choice was made.
 */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** A payer profile (the zod twin for settings and the CLI is PayerProfileSchema in profile-schema.ts). */
export interface PayerProfile {
  /** 1–64 characters. */
  id: string;
  /** 1–120 characters. */
  name: string;
  builtIn: boolean;
  /** `cms`: total timed minutes of the day (8-minute rule); `ama`: each code on its own (CPT midpoint). */
  unitMethod: 'cms' | 'ama';
  /** Per-rule severity override, or `off` to silence the rule for this payer. */
  severity: Partial<Record<RuleId, SeveritySetting>>;
  requiredModifiers: {
    /** GP/GO/GN on every always-therapy line. */
    discipline: boolean;
    /** Modifier 95 (or 93 for audio-only) on each telehealth line, not just the telehealth POS. */
    telehealth95: boolean;
  };
  /** Medicare's KX threshold and targeted-review threshold apply to this payer. */
  kxApplies: boolean;
  /** One sentence per choice: why, and where it comes from. Shown in the options page. */
  rationale?: string[] | undefined;
}

const RULE_ID_SET: ReadonlySet<string> = new Set(RULE_IDS);
const SEVERITY_SET: ReadonlySet<unknown> = new Set(SEVERITY_SETTINGS);

function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown, max: number): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= max;
}

/** A record of severities as the schema's partialRecord reads it: own enumerable keys, each a rule id. */
function isSeverityMap(v: unknown): boolean {
  if (!isObjectLike(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(v)) {
    if (key === '__proto__') continue;
    if (!RULE_ID_SET.has(key)) return false;
    const value = v[key];
    if (!SEVERITY_SET.has(value)) return false;
  }
  return true;
}

/**
 * What PayerProfileSchema accepts, checked without zod (the content script validates the
 * profiles settings hand it, and zod alone would exceed its size budget). A property test
 * holds the two equal.
 */
export function isPayerProfile(v: unknown): v is PayerProfile {
  if (!isObjectLike(v)) return false;
  const required = v.requiredModifiers;
  const rationale = v.rationale;
  return (
    isText(v.id, 64) &&
    isText(v.name, 120) &&
    typeof v.builtIn === 'boolean' &&
    (v.unitMethod === 'cms' || v.unitMethod === 'ama') &&
    isSeverityMap(v.severity) &&
    isObjectLike(required) &&
    typeof required.discipline === 'boolean' &&
    typeof required.telehealth95 === 'boolean' &&
    typeof v.kxApplies === 'boolean' &&
    (rationale === undefined ||
      (Array.isArray(rationale) && rationale.every((line) => typeof line === 'string')))
  );
}

const MEDICARE: PayerProfile = {
  id: 'medicare',
  name: 'Medicare Part B',
  builtIn: true,
  unitMethod: 'cms',
  severity: {},
  requiredModifiers: { discipline: true, telehealth95: false },
  kxApplies: true,
  rationale: [
    'Units by total timed minutes of the day: CMS Pub. 100-04, ch. 5, §20.2.',
    'GP/GO/GN required on every always-therapy code, whoever performs it: Pub. 100-04, ch. 5, §20.',
    'KX threshold and the $3,000 targeted medical review apply: SSA §1833(g), BBA 2018 §50202.',
    'Telehealth is identified by POS 02/10, so 95 is not required; 95 on an in-person POS is wrong: CMS telehealth FAQ.',
  ],
};

const MEDICARE_ADVANTAGE: PayerProfile = {
  id: 'medicare-advantage',
  name: 'Medicare Advantage',
  builtIn: true,
  unitMethod: 'cms',
  severity: {
    'modifier/kx-required': 'info',
    'modifier/kx-unsupported': 'info',
    'modifier/review-threshold': 'off',
  },
  requiredModifiers: { discipline: true, telehealth95: false },
  kxApplies: true,
  rationale: [
    'Medicare Advantage plans follow CMS coding, including the 8-minute rule and GP/GO/GN: plan provider manuals.',
    'Most plans manage therapy by authorisation rather than the KX threshold, so KX findings are informational only.',
    'Targeted medical review is a Medicare Part B (MAC) process, so it is off.',
    'Plans follow Medicare billing for assistants too, so a missing or mispaired CQ/CO stays an error: CMS CQ/CO billing examples.',
  ],
};

const MEDICAID: PayerProfile = {
  id: 'medicaid',
  name: 'Medicaid',
  builtIn: true,
  unitMethod: 'cms',
  severity: { 'units/excessive': 'error', 'modifier/assistant': 'warning' },
  requiredModifiers: { discipline: true, telehealth95: false },
  kxApplies: false,
  rationale: [
    'Most state Medicaid programs count units the CMS way and ask for GP/GO/GN: state Medicaid therapy bulletins.',
    'Medicaid enforces daily unit maximums (MUE) strictly, so units above the maximum are errors.',
    'CQ/CO are Medicare modifiers (CMS CQ/CO billing examples); state programs differ on assistants, so CQ/CO findings are warnings.',
    'The Medicare KX threshold does not apply to Medicaid.',
    'Telehealth modifiers vary by state: turn on "95 on telehealth lines" in a copy of this profile if yours asks.',
  ],
};

const COMMERCIAL: PayerProfile = {
  id: 'commercial',
  name: 'Commercial',
  builtIn: true,
  unitMethod: 'ama',
  severity: { 'modifier/discipline-missing': 'warning', 'modifier/assistant': 'warning' },
  requiredModifiers: { discipline: true, telehealth95: true },
  kxApplies: false,
  rationale: [
    'Units per code on its own (CPT midpoint method), as most commercial contracts say: CPT introduction, APTA/ASHA guidance.',
    'Most commercial payers ask for GP/GO/GN, but not all: a missing one is a warning.',
    'CQ/CO are Medicare modifiers (CMS CQ/CO billing examples); many commercial plans ask for them, some do not, so CQ/CO findings are warnings.',
    'Many commercial payers still want 95 on each telehealth line besides the POS: payer telehealth policies.',
    'The Medicare KX threshold does not apply to commercial plans.',
  ],
};

export const BUILT_IN_PROFILES: readonly PayerProfile[] = [
  MEDICARE,
  MEDICARE_ADVANTAGE,
  MEDICAID,
  COMMERCIAL,
];
export const DEFAULT_PROFILE_ID = 'medicare';

const MEDICARE_BILLING_IDS: ReadonlySet<unknown> = new Set(['medicare', 'medicare-advantage']);

/**
 * Medicare Part B, a Medicare Advantage plan (they follow Medicare billing), or a user's profile
 * cloned from either (settings keep `basedOn`): where a finding may say "Medicare returns the
 * line unpaid" rather than "most payers ask for it".
 */
export function billsLikeMedicare(profile: PayerProfile): boolean {
  return (
    MEDICARE_BILLING_IDS.has(profile.id) ||
    MEDICARE_BILLING_IDS.has((profile as { basedOn?: unknown }).basedOn)
  );
}

const BUILT_IN_BY_ID = new Map(BUILT_IN_PROFILES.map((p) => [p.id, p]));

/** Carriers that sell commercial plans under their own name. */
const COMMERCIAL_CARRIERS =
  'aetna|blue\\s*cross|blue\\s*shield|bcbs|cigna|united\\s*health\\s*care|uhc|anthem|kaiser';
/** Any carrier: with "Medicare" in the plan name it is a Medicare Advantage plan. Humana and WellCare alone say too little. */
const CARRIERS = `${COMMERCIAL_CARRIERS}|humana|wellcare`;

/**
 * Payer names as portals print them. Order matters: Medicare Advantage names contain
 * "Medicare", and plan names contain carrier names, so the specific patterns go first.
 */
const PAYER_PATTERNS: readonly [RegExp, string][] = [
  [
    /medicare[\s-]*advantage|\bhumana\s+gold\s+plus\b|\baarp\b|\bpart\s*c\b|medicare\s+replacement/i,
    'medicare-advantage',
  ],
  [
    new RegExp(`\\b(${CARRIERS})\\b.*\\bmedicare\\b|\\bmedicare\\b.*\\b(${CARRIERS})\\b`, 'i'),
    'medicare-advantage',
  ],
  [/\bmedicaid\b|\bmedi-?cal\b|\bmasshealth\b/i, 'medicaid'],
  [/\bmedicare\b|\bpart\s*b\b/i, 'medicare'],
  [new RegExp(`\\b(${COMMERCIAL_CARRIERS})\\b|\\bcommercial\\b`, 'i'), 'commercial'],
];

/** The built-in profile a payer name on a page points to, or null when the text names no payer we know. */
export function detectPayerFromText(text: string): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const sample = text.length > 200 ? text.slice(0, 200) : text;
  for (const [pattern, id] of PAYER_PATTERNS) if (pattern.test(sample)) return id;
  return null;
}

/** A profile by id (custom first, so a user can shadow a built-in), by name, or by payer text; null if none fits. */
export function findProfile(
  idOrName: string | null | undefined,
  custom: readonly PayerProfile[] = [],
): PayerProfile | null {
  if (typeof idOrName !== 'string') return null;
  const wanted = idOrName.trim();
  if (wanted === '') return null;
  for (const p of custom) if (p.id === wanted) return p;
  const builtIn = BUILT_IN_BY_ID.get(wanted);
  if (builtIn) return builtIn;
  const lower = wanted.toLowerCase();
  for (const p of custom) if (p.name.toLowerCase() === lower) return p;
  for (const p of BUILT_IN_PROFILES) if (p.id === lower || p.name.toLowerCase() === lower) return p;
  const detected = detectPayerFromText(wanted);
  return detected ? (BUILT_IN_BY_ID.get(detected) ?? null) : null;
}

/** Like findProfile, but falls back to Medicare (the most demanding built-in) when nothing fits. */
export function resolveProfile(
  idOrName: string | null | undefined,
  custom: readonly PayerProfile[] = [],
): PayerProfile {
  return findProfile(idOrName, custom) ?? MEDICARE;
}
