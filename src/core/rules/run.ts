import type { Claim } from '../claim';
import type { Finding, RuleId } from '../finding';
import { BUILT_IN_PROFILES, type PayerProfile, type SeveritySetting } from '../profile';
import { buildContext } from './context';
import { RULES } from './families';
import { finding } from './finding';
import type { EditLookup, Rule } from './types';

/** Marks findings about our own failures, so tests can prove no rule failed on real claims. */
export const INTERNAL_SOURCE = 'Charge Guard (internal problem)';

const CATALOG: ReadonlySet<string> = new Set(RULES.flatMap((r) => r.ids));

/** What a profile runs: the families not wholly off, and the severity it sets for each catalog id. */
interface Plan {
  rules: readonly Rule[];
  severity: ReadonlyMap<string, SeveritySetting>;
  /** Per rule in `rules`: whether the profile sets the severity of any of its ids. */
  adjusted: readonly boolean[];
}

function allOff(rule: Rule, profile: PayerProfile): boolean {
  for (const id of rule.ids) if (profile.severity[id] !== 'off') return false;
  return true;
}

function planFor(profile: PayerProfile): Plan {
  const severity = new Map<string, SeveritySetting>();
  for (const id of CATALOG) {
    const setting = profile.severity[id as RuleId];
    if (setting !== undefined) severity.set(id, setting);
  }
  const rules = RULES.filter((rule) => !allOff(rule, profile));
  const adjusted = rules.map((rule) => rule.ids.some((id) => severity.has(id)));
  return { rules, severity, adjusted };
}

/**
 * The built-in profiles are constants of this module's making, so their plans are worked out
 * once. A user's profile is read afresh on every check: settings may change it in place.
 */
const BUILT_IN_PLANS: ReadonlyMap<PayerProfile, Plan> = new Map(
  BUILT_IN_PROFILES.map((p) => [p, planFor(p)]),
);

/**
 * Runs every rule family on a normalised claim and applies the profile's severities. A family
 * that throws becomes one info finding: a bug in one rule must never hide the others, nor
 * reach the page as an exception.
 */
export function runRules(claim: Claim, profile: PayerProfile, tables: EditLookup): Finding[] {
  const ctx = buildContext(claim, profile, tables);
  const plan = BUILT_IN_PLANS.get(profile) ?? planFor(profile);
  const out: Finding[] = [];
  // A family whose every id is off says nothing, not even what it could not check.
  for (let r = 0; r < plan.rules.length; r++) {
    const rule = plan.rules[r]!;
    let found: Finding[];
    try {
      found = rule.check(ctx);
    } catch {
      out.push(
        finding(
          'check/skipped',
          'info',
          `The ${rule.family} checks hit an internal problem and were skipped for this claim; the other checks ran.`,
          INTERNAL_SOURCE,
        ),
      );
      continue;
    }
    // Most families have no severity set by the profile: their findings go out as the rules said them.
    if (!plan.adjusted[r]) {
      for (const f of found) out.push(f);
      continue;
    }
    for (const f of found) {
      const setting = plan.severity.get(f.rule);
      if (setting === 'off') continue;
      if (setting !== undefined) f.severity = setting;
      out.push(f);
    }
  }
  return out;
}
