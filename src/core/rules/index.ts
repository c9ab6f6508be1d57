import type { RuleId } from '../finding';
import { codeMeta } from './code';
import { dxMeta } from './dx';
import { RULES } from './families';
import { assistantMeta } from './modifier-assistant';
import { disciplineMeta } from './modifier-discipline';
import { kxMeta } from './modifier-kx';
import { modifierMiscMeta } from './modifier-misc';
import { ncciMeta } from './ncci';
import { telehealthMeta } from './telehealth';
import type { RuleCatalog, RuleMeta } from './types';
import { unitsMeta } from './units';

export { RULES } from './families';
export type { EditLookup, LineView, Rule, RuleCatalog, RuleContext, RuleMeta } from './types';

/** Each family's catalog entries, by family name (the registry below pairs them with RULES). */
const CATALOGS: Record<string, RuleCatalog> = {
  code: codeMeta,
  units: unitsMeta,
  'modifier-discipline': disciplineMeta,
  'modifier-assistant': assistantMeta,
  'modifier-kx': kxMeta,
  'modifier-misc': modifierMiscMeta,
  ncci: ncciMeta,
  telehealth: telehealthMeta,
  dx: dxMeta,
};

/**
 * Rule id → what it catches, default severity, source (and which profiles run it): the README
 * table, the options page and the meta-test read this. Checks never do, so the content script
 * carries none of this text (the pure-annotated builder is dropped when nothing reads it).
 */
export const RULE_REGISTRY: ReadonlyMap<RuleId, RuleMeta & { family: string }> = /* @__PURE__ */ (() =>
  new Map(
    RULES.flatMap((rule) =>
      rule.ids.flatMap((id) => {
        const meta = CATALOGS[rule.family]?.[id];
        return meta ? [[id, { ...meta, family: rule.family }] as const] : [];
      }),
    ),
  ))();
