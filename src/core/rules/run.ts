import type { Claim } from '../claim';
import type { Finding, RuleId, Severity } from '../finding';
import type { PayerProfile } from '../profile';
import { buildContext } from './context';
import { RULES } from './families';
import { finding } from './finding';
import type { EditLookup, Rule } from './types';

/** Marks findings about our own failures, so tests can prove no rule failed on real claims. */
export const INTERNAL_SOURCE = 'Charge Guard (internal problem)';

const CATALOG: ReadonlySet<string> = new Set(RULES.flatMap((r) => r.ids));

function allOff(rule: Rule, profile: PayerProfile): boolean {
  for (const id of rule.ids) if (profile.severity[id] !== 'off') return false;
  return true;
}

/**
 * Runs every rule family on a normalised claim and applies the profile's severities. A family
 * that throws becomes one info finding: a bug in one rule must never hide the others, nor
 * reach the page as an exception.
 */
export function runRules(claim: Claim, profile: PayerProfile, tables: EditLookup): Finding[] {
  const ctx = buildContext(claim, profile, tables);
  const out: Finding[] = [];
  for (const rule of RULES) {
    // A family whose every id is off says nothing, not even what it could not check.
    if (allOff(rule, profile)) continue;
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
    for (const f of found) {
      const setting = CATALOG.has(f.rule) ? profile.severity[f.rule as RuleId] : undefined;
      if (setting === 'off') continue;
      if (setting !== undefined) f.severity = setting as Severity;
      out.push(f);
    }
  }
  return out;
}
