import type { RuleId } from '../finding';
import { codeRules } from './code';
import { dxRules } from './dx';
import { assistantRules } from './modifier-assistant';
import { disciplineRules } from './modifier-discipline';
import { kxRules } from './modifier-kx';
import { modifierMiscRules } from './modifier-misc';
import { ncciRules } from './ncci';
import { telehealthRules } from './telehealth';
import type { Rule, RuleMeta } from './types';
import { unitsRules } from './units';

export type { EditLookup, LineView, Rule, RuleContext, RuleMeta } from './types';

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

/** Rule id → what it catches, default severity, source: the README table and the meta-test read this. */
export const RULE_REGISTRY: ReadonlyMap<RuleId, RuleMeta & { family: string }> = new Map(
  RULES.flatMap((rule) =>
    rule.ids.flatMap((id) => {
      const meta = rule.meta[id];
      return meta ? [[id, { ...meta, family: rule.family }] as const] : [];
    }),
  ),
);
