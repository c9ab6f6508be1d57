import { BUILT_IN_PROFILES } from '../core/profile';
import { bool, ruleId, ruleSetting, unitMethod } from './checks';
import { isPlainObject, type SettingsIssue, shortJson } from './issues';
import { leaf, repairProfiles, repairSites, repairTaught } from './repair';
import {
  BUILT_IN_PROFILE_IDS,
  type CustomProfile,
  type RuleId,
  type RuleSetting,
  type Settings,
  type SiteSetting,
  type StoredTaughtMapping,
  type UnitMethod,
} from './schema';

/**
 * The administrator's policy (`browser.storage.managed`, set through Chrome/Edge enterprise
 * policy or Firefox policies.json; keys in public/managed-schema.json and MANAGED.md). It
 * is validated like user settings; managed values win and are reported as locked.
 */
export interface ManagedPolicy {
  sites: Record<string, SiteSetting>;
  customProfiles: CustomProfile[];
  taught: StoredTaughtMapping[];
  /** Rule settings forced on every payer profile. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  unitMethod: UnitMethod | null;
  /** false: only the sites in the policy may be switched on. */
  allowUserSites: boolean;
}

export const EMPTY_POLICY: ManagedPolicy = {
  sites: {},
  customProfiles: [],
  taught: [],
  rules: {},
  unitMethod: null,
  allowUserSites: true,
};

export function parsePolicy(input: unknown): { policy: ManagedPolicy; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  if (!isPlainObject(input) || Object.keys(input).length === 0) return { policy: EMPTY_POLICY, issues };
  const customProfiles = repairProfiles(input.customProfiles, issues, 'customProfiles');
  const known = new Set<string>([...BUILT_IN_PROFILE_IDS, ...customProfiles.map((p) => p.id)]);
  const rules: ManagedPolicy['rules'] = {};
  if (input.rules !== undefined) {
    if (isPlainObject(input.rules)) {
      for (const [rule, setting] of Object.entries(input.rules)) {
        const id = ruleId(rule);
        if (!id.ok) issues.push({ path: `rules[${JSON.stringify(rule)}]`, problem: 'unknown rule id' });
        else {
          const parsed = leaf(ruleSetting, setting, null, ['rules', rule], issues);
          if (parsed) rules[id.value] = parsed;
        }
      }
    } else issues.push({ path: 'rules', problem: `expected an object, got ${shortJson(input.rules)}` });
  }
  const method = leaf(unitMethod, input.unitMethod, null, ['unitMethod'], issues);
  const allowUserSites = leaf(bool, input.allowUserSites, true, ['allowUserSites'], issues);
  return {
    policy: {
      sites: repairSites(input.sites, known, issues, 'sites'),
      customProfiles,
      taught: repairTaught(input.taught, issues, 'taught'),
      rules,
      unitMethod: method,
      allowUserSites,
    },
    issues: issues.map((i) => ({ path: `policy.${i.path}`, problem: i.problem })),
  };
}

/**
 * User settings with the policy on top. `locked` names what the user cannot change, in the
 * same path words as repairs: `sites["portal.x.com"]`, `customProfiles["clinic-bcbs"]`,
 * `taught["portal.x.com"/charges/*]`, `rules["modifier/kx-required"]`, `unitMethod`, `sites`.
 */
export function applyPolicy(user: Settings, policy: ManagedPolicy): { settings: Settings; locked: string[] } {
  const locked: string[] = [];
  const sites: Record<string, SiteSetting> = policy.allowUserSites ? { ...user.sites } : {};
  if (!policy.allowUserSites) locked.push('sites');
  for (const [host, site] of Object.entries(policy.sites)) {
    sites[host] = site;
    locked.push(`sites[${JSON.stringify(host)}]`);
  }
  const policyIds = new Set(policy.customProfiles.map((p) => p.id));
  const customProfiles = [
    ...policy.customProfiles,
    ...user.customProfiles.filter((p) => !policyIds.has(p.id)),
  ];
  for (const id of policyIds) locked.push(`customProfiles[${JSON.stringify(id)}]`);
  // Policy rules win over every profile's own setting.
  const ruleEntries = Object.entries(policy.rules);
  for (const rule of Object.keys(policy.rules)) locked.push(`rules[${JSON.stringify(rule)}]`);
  const profiles = ruleEntries.length ? withPolicyRules(customProfiles, policy.rules) : customProfiles;
  const taught = [...policy.taught];
  for (const mapping of policy.taught) locked.push(taughtKey(mapping));
  for (const mapping of user.taught) {
    const same = taught.find((m) => m.host === mapping.host && m.pathPattern === mapping.pathPattern);
    // The administrator's fields come first, so their selectors win on the same role and line.
    if (same) taught[taught.indexOf(same)] = { ...same, fields: [...same.fields, ...mapping.fields] };
    else taught.push(mapping);
  }
  if (policy.unitMethod) locked.push('unitMethod');
  return {
    settings: {
      ...user,
      sites,
      customProfiles: profiles,
      taught,
      unitMethod: policy.unitMethod ?? user.unitMethod,
    },
    locked,
  };
}

/**
 * Policy rule settings on every profile: merged into the custom ones, and built-ins get a
 * custom copy under their own id (the core looks custom profiles up first, so it shadows them).
 */
function withPolicyRules(custom: CustomProfile[], rules: ManagedPolicy['rules']): CustomProfile[] {
  const shadows: CustomProfile[] = BUILT_IN_PROFILES.map((p) => ({
    ...structuredClone(p),
    builtIn: false,
    basedOn: p.id as CustomProfile['basedOn'],
  }));
  return [...custom, ...shadows].map((p) => ({ ...p, severity: { ...p.severity, ...rules } }));
}

export function taughtKey(mapping: { host: string; pathPattern: string }): string {
  return `taught[${JSON.stringify(mapping.host + mapping.pathPattern)}]`;
}

export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.includes(path);
}
