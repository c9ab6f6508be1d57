import type { Discipline } from '../claim';
import { type Confidence, inForce, SINCE_EVER, type Sourced } from './dated';

/**
 * The outpatient therapy procedure codes Charge Guard knows (facts §3), as data. A code
 * absent from this table is not necessarily wrong; `code/unknown` decides what to say.
 */

export type { Confidence };

export type CodeCategory =
  | 'procedure'
  | 'attended-modality'
  | 'supervised-modality'
  | 'group'
  | 'evaluation'
  | 'slp-treatment'
  | 'cognitive';

export interface TherapyCode extends Sourced {
  code: string;
  /** What a biller calls it, for suggestions and messages. */
  name: string;
  category: CodeCategory;
  /** "Each 15 minutes": counted by the 8-minute rule. Untimed codes bill their own units. */
  timed: boolean;
  /** CMS therapy code list: "always therapy" needs GP/GO/GN whoever performs it. */
  therapy: 'always' | 'sometimes';
  /** The discipline the code itself fixes (evaluations, SLP codes); null when any discipline may bill it. */
  discipline: Discipline | null;
  /** At most one unit a day (97129 covers only the first 15 minutes). */
  oncePerDay: boolean;
  /** An add-on code billed only with this primary code on the same day. */
  addOnTo: string | null;
}

const CMS_LIST = 'CMS Pub. 100-04, ch. 5, §20; CMS annual therapy code list';
const FACTS_TIMED = `${CMS_LIST} (facts §3: always-therapy timed codes)`;
const FACTS_UNTIMED = `${CMS_LIST} (facts §3: untimed codes)`;

type Seed = Pick<TherapyCode, 'code' | 'name'> & Partial<TherapyCode>;

function timedProcedure(seed: Seed): TherapyCode {
  return {
    category: 'procedure',
    timed: true,
    therapy: 'always',
    discipline: null,
    oncePerDay: false,
    addOnTo: null,
    source: FACTS_TIMED,
    confidence: 'M-H',
    validFrom: SINCE_EVER,
    validTo: null,
    ...seed,
  };
}

function untimed(seed: Seed & Pick<TherapyCode, 'category'>): TherapyCode {
  return {
    timed: false,
    therapy: 'always',
    discipline: null,
    oncePerDay: false,
    addOnTo: null,
    source: FACTS_UNTIMED,
    confidence: 'M',
    validFrom: SINCE_EVER,
    validTo: null,
    ...seed,
  };
}

const PT_EVAL = {
  category: 'evaluation',
  discipline: 'PT',
  validFrom: '2017-01-01',
  confidence: 'H',
  source: `${CMS_LIST} (facts §3: 97161–97164 are PT); CPT 2017 replaced 97001–97002`,
} as const;
const OT_EVAL = {
  category: 'evaluation',
  discipline: 'OT',
  validFrom: '2017-01-01',
  confidence: 'H',
  source: `${CMS_LIST} (facts §3: 97165–97168 are OT); CPT 2017 replaced 97003–97004`,
} as const;
const SLP_EVAL = {
  category: 'evaluation',
  discipline: 'SLP',
  validFrom: '2014-01-01',
  confidence: 'H',
  source: `${CMS_LIST} (facts §3: SLP codes); CPT 2014 replaced 92506`,
} as const;
const SLP_TREATMENT = {
  category: 'slp-treatment',
  discipline: 'SLP',
  confidence: 'H',
  source: `${CMS_LIST} (facts §3: SLP codes)`,
} as const;
const COGNITIVE = {
  category: 'cognitive',
  timed: true,
  therapy: 'sometimes',
  confidence: 'M-L',
  validFrom: '2020-01-01',
  source: 'Facts §3 (97129/97130, M-L); CPT 2020 replaced 97127',
} as const;

export const THERAPY_CODES: readonly TherapyCode[] = [
  timedProcedure({ code: '97110', name: 'Therapeutic exercise' }),
  timedProcedure({ code: '97112', name: 'Neuromuscular re-education' }),
  timedProcedure({ code: '97113', name: 'Aquatic therapy with exercise' }),
  timedProcedure({ code: '97116', name: 'Gait training' }),
  timedProcedure({ code: '97124', name: 'Massage' }),
  timedProcedure({ code: '97140', name: 'Manual therapy' }),
  timedProcedure({ code: '97530', name: 'Therapeutic activities' }),
  timedProcedure({ code: '97533', name: 'Sensory integration' }),
  timedProcedure({ code: '97535', name: 'Self-care/home management training' }),
  timedProcedure({ code: '97537', name: 'Community/work reintegration training' }),
  timedProcedure({ code: '97542', name: 'Wheelchair management training' }),
  timedProcedure({ code: '97750', name: 'Physical performance test' }),
  timedProcedure({ code: '97755', name: 'Assistive technology assessment' }),
  timedProcedure({ code: '97760', name: 'Orthotic management and training' }),
  timedProcedure({ code: '97761', name: 'Prosthetic training' }),
  timedProcedure({
    code: '97763',
    name: 'Orthotic/prosthetic management, subsequent visit',
    validFrom: '2018-01-01',
    source: `${FACTS_TIMED}; CPT 2018 replaced 97762`,
  }),
  timedProcedure({ code: '97032', name: 'Electrical stimulation, attended', category: 'attended-modality' }),
  timedProcedure({ code: '97033', name: 'Iontophoresis', category: 'attended-modality' }),
  timedProcedure({ code: '97034', name: 'Contrast baths', category: 'attended-modality' }),
  timedProcedure({ code: '97035', name: 'Ultrasound', category: 'attended-modality' }),
  timedProcedure({ code: '97036', name: 'Hubbard tank', category: 'attended-modality' }),

  untimed({ code: '97010', name: 'Hot or cold packs', category: 'supervised-modality' }),
  untimed({ code: '97012', name: 'Mechanical traction', category: 'supervised-modality' }),
  untimed({
    code: '97014',
    name: 'Electrical stimulation, unattended (Medicare uses G0283)',
    category: 'supervised-modality',
  }),
  untimed({ code: '97016', name: 'Vasopneumatic device', category: 'supervised-modality' }),
  untimed({ code: '97018', name: 'Paraffin bath', category: 'supervised-modality' }),
  untimed({ code: '97022', name: 'Whirlpool', category: 'supervised-modality' }),
  untimed({ code: '97024', name: 'Diathermy', category: 'supervised-modality' }),
  untimed({ code: '97026', name: 'Infrared', category: 'supervised-modality' }),
  untimed({ code: '97028', name: 'Ultraviolet', category: 'supervised-modality' }),
  untimed({
    code: 'G0283',
    name: 'Electrical stimulation, unattended (Medicare)',
    category: 'supervised-modality',
  }),
  untimed({ code: '97150', name: 'Group therapy', category: 'group' }),

  untimed({ code: '97161', name: 'PT evaluation, low complexity', ...PT_EVAL }),
  untimed({ code: '97162', name: 'PT evaluation, moderate complexity', ...PT_EVAL }),
  untimed({ code: '97163', name: 'PT evaluation, high complexity', ...PT_EVAL }),
  untimed({ code: '97164', name: 'PT re-evaluation', ...PT_EVAL }),
  untimed({ code: '97165', name: 'OT evaluation, low complexity', ...OT_EVAL }),
  untimed({ code: '97166', name: 'OT evaluation, moderate complexity', ...OT_EVAL }),
  untimed({ code: '97167', name: 'OT evaluation, high complexity', ...OT_EVAL }),
  untimed({ code: '97168', name: 'OT re-evaluation', ...OT_EVAL }),

  untimed({ code: '92507', name: 'Speech/language treatment, individual', ...SLP_TREATMENT }),
  untimed({ code: '92508', name: 'Speech/language treatment, group', ...SLP_TREATMENT }),
  untimed({ code: '92521', name: 'Fluency evaluation', ...SLP_EVAL }),
  untimed({ code: '92522', name: 'Speech sound production evaluation', ...SLP_EVAL }),
  untimed({ code: '92523', name: 'Speech sound production and language evaluation', ...SLP_EVAL }),
  untimed({ code: '92524', name: 'Voice and resonance evaluation', ...SLP_EVAL }),
  untimed({ code: '92526', name: 'Swallowing/oral feeding treatment', ...SLP_TREATMENT }),

  timedProcedure({
    code: '97129',
    name: 'Cognitive function intervention, first 15 minutes',
    ...COGNITIVE,
    oncePerDay: true,
  }),
  timedProcedure({
    code: '97130',
    name: 'Cognitive function intervention, each additional 15 minutes',
    ...COGNITIVE,
    addOnTo: '97129',
  }),
];

const BY_CODE: ReadonlyMap<string, TherapyCode> = new Map(THERAPY_CODES.map((entry) => [entry.code, entry]));

function canonical(code: unknown): string {
  return typeof code === 'string' ? code.trim().toUpperCase() : '';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The table entry for a code, or null when the code is not in the table or not in force on
 * the date of service. Without a (readable) date the validity window is not applied.
 */
export function lookupCode(code: unknown, dateOfService?: string | null): TherapyCode | null {
  const entry = BY_CODE.get(canonical(code));
  if (!entry) return null;
  if (typeof dateOfService !== 'string' || !ISO_DATE.test(dateOfService)) return entry;
  return inForce(entry, dateOfService) ? entry : null;
}

/** True for a known timed ("each 15 minutes") therapy code. Unknown codes are not timed. */
export function isTimedCode(code: unknown): boolean {
  return BY_CODE.get(canonical(code))?.timed === true;
}

/**
 * CPT (five digits, or four digits and F/T/U for Category II/III and PLA codes) or HCPCS
 * Level II (a letter and four digits). Shape only: says nothing about whether the code exists.
 */
export function isCodeShape(code: unknown): boolean {
  return /^(\d{4}[\dFTU]|[A-Z]\d{4})$/.test(canonical(code));
}
