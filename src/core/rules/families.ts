import { codeRules } from './code';
import { dxRules } from './dx';
import { assistantRules } from './modifier-assistant';
import { disciplineRules } from './modifier-discipline';
import { kxRules } from './modifier-kx';
import { modifierMiscRules } from './modifier-misc';
import { ncciRules } from './ncci';
import { telehealthRules } from './telehealth';
import type { Rule } from './types';
import { unitsRules } from './units';

/** Every rule family, in the order their findings read best (code before units before modifiers). */
export const RULES: readonly Rule[] = [
  codeRules,
  unitsRules,
  disciplineRules,
  assistantRules,
  kxRules,
  modifierMiscRules,
  ncciRules,
  telehealthRules,
  dxRules,
];
