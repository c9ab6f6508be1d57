import { DX_CASES } from './dx';
import { KX_CASES } from './kx';
import { ASSISTANT_CASES, DISCIPLINE_CASES, MODIFIER_MISC_CASES } from './modifiers';
import { NCCI_CASES } from './ncci';
import { CODE_CASES, TELEHEALTH_CASES } from './telehealth-code';
import type { RuleCase } from './types';
import { UNITS_CASES } from './units';

export type { Expected, RuleCase } from './types';

export const CASE_TABLES: Record<string, RuleCase[]> = {
  units: UNITS_CASES,
  'modifier-discipline': DISCIPLINE_CASES,
  'modifier-assistant': ASSISTANT_CASES,
  'modifier-kx': KX_CASES,
  'modifier-misc': MODIFIER_MISC_CASES,
  ncci: NCCI_CASES,
  dx: DX_CASES,
  telehealth: TELEHEALTH_CASES,
  code: CODE_CASES,
};
