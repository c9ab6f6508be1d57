import { BUILT_IN_PROFILES } from '../core/profile';
import {
  bool,
  builtInProfileId,
  type Check,
  mueRow,
  ncciRow,
  overrideEntry,
  pathPattern,
  profileId,
  profileName,
  rationale as rationaleCheck,
  ruleId,
  ruleSetting,
  siteKey,
  tableMeta,
  taughtField,
  text,
  unitMethod,
} from './checks';
import { formatPath, isPlainObject, type SettingsIssue, shortJson } from './issues';
import {
  BUILT_IN_PROFILE_IDS,
  type CustomProfile,
  defaultSettings,
  type MueTable,
  type NcciTable,
  OVERRIDE_LOG_MAX,
  type Settings,
  SITE_KEY,
  type SiteSetting,
  type StoredTaughtMapping,
  type Tables,
} from './schema';

/**
 * Field-by-field validation (Dark Reader style): a bad value falls back to its default and
 * the repair is reported; one bad field never resets the rest. The same pass is the strict
 * check for imports, where any issue rejects the file.
 */
export interface RepairResult {
  settings: Settings;
  issues: SettingsIssue[];
}

type Issues = SettingsIssue[];

export function repairSettings(input: unknown): RepairResult {
  const issues: Issues = [];
  const defaults = defaultSettings();
  if (!isPlainObject(input)) {
    if (input !== undefined)
      issues.push({ path: '(settings)', problem: `expected an object, got ${shortJson(input)}` });
    return { settings: defaults, issues };
  }
  const customProfiles = repairProfiles(input.customProfiles, issues);
  const knownProfiles = new Set<string>([...BUILT_IN_PROFILE_IDS, ...customProfiles.map((p) => p.id)]);
  const settings: Settings = {
    schemaVersion: defaults.schemaVersion,
    sites: repairSites(input.sites, knownProfiles, issues, 'sites'),
    customProfiles,
    taught: repairTaught(input.taught, issues, 'taught'),
    tables: repairTables(input.tables, issues),
    unitMethod: leaf(unitMethod, input.unitMethod, defaults.unitMethod, ['unitMethod'], issues),
    overrides: repairOverrides(input.overrides, issues),
  };
  return { settings, issues };
}

/** A value checked, or the fallback with the issue recorded. Absent values take the fallback silently. */
export function leaf<T, F>(
  check: Check<T>,
  value: unknown,
  fallback: F,
  path: PropertyKey[],
  issues: Issues,
): T | F {
  if (value === undefined) return fallback;
  const result = check(value);
  if (result.ok) return result.value;
  issues.push({ path: formatPath([...path, ...result.path]), problem: result.problem });
  return fallback;
}

function list(value: unknown, path: string, issues: Issues): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  issues.push({ path, problem: `expected a list, got ${shortJson(value)}` });
  return [];
}

function record(value: unknown, path: string, issues: Issues): Record<string, unknown> {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  issues.push({ path, problem: `expected an object, got ${shortJson(value)}` });
  return {};
}

export function normalizeSiteKey(key: string): string {
  return key.trim().toLowerCase().replace(/\.$/, '');
}

export function repairSites(
  value: unknown,
  knownProfiles: ReadonlySet<string>,
  issues: Issues,
  base: string,
): Record<string, SiteSetting> {
  const sites: Record<string, SiteSetting> = {};
  for (const [rawKey, entry] of Object.entries(record(value, base, issues))) {
    const key = normalizeSiteKey(rawKey);
    const path = `${base}[${JSON.stringify(rawKey)}]`;
    if (!SITE_KEY.test(key)) {
      issues.push({ path, problem: 'not a hostname (e.g. "portal.example.com" or "*.example.com")' });
      continue;
    }
    if (!isPlainObject(entry)) {
      issues.push({ path, problem: `expected an object, got ${shortJson(entry)}` });
      continue;
    }
    const enabled = leaf(bool, entry.enabled, false, [base, rawKey, 'enabled'], issues);
    let profile = leaf(text(), entry.profile ?? undefined, null, [base, rawKey, 'profile'], issues);
    if (profile !== null && !knownProfiles.has(profile)) {
      issues.push({ path: `${path}.profile`, problem: `unknown profile ${JSON.stringify(profile)}` });
      profile = null;
    }
    sites[key] = { enabled, profile };
  }
  return sites;
}

export function repairProfiles(value: unknown, issues: Issues, base = 'customProfiles'): CustomProfile[] {
  const out: CustomProfile[] = [];
  list(value, base, issues).forEach((entry, index) => {
    const profile = repairProfile(entry, [base, index], issues);
    if (!profile) return;
    if (
      out.some((p) => p.id === profile.id) ||
      (BUILT_IN_PROFILE_IDS as readonly string[]).includes(profile.id)
    ) {
      issues.push({
        path: `${base}[${index}].id`,
        problem: `duplicate profile id ${JSON.stringify(profile.id)}`,
      });
      return;
    }
    out.push(profile);
  });
  return out;
}

function repairProfile(entry: unknown, path: PropertyKey[], issues: Issues): CustomProfile | null {
  const at = (...more: PropertyKey[]) => [...path, ...more];
  if (!isPlainObject(entry)) {
    issues.push({ path: formatPath(path), problem: `expected an object, got ${shortJson(entry)}` });
    return null;
  }
  // Identity cannot be guessed: without a valid id and base profile the entry is dropped.
  const id = leaf(profileId, entry.id ?? '', null, at('id'), issues);
  const basedOn = leaf(builtInProfileId, entry.basedOn ?? '', null, at('basedOn'), issues);
  if (id === null || basedOn === null) return null;
  // Everything else falls back to the built-in it was cloned from.
  const base = BUILT_IN_PROFILES.find((p) => p.id === basedOn)!;
  const severity: CustomProfile['severity'] = {};
  for (const [rule, setting] of Object.entries(record(entry.severity, formatPath(at('severity')), issues))) {
    const id = ruleId(rule);
    if (!id.ok) {
      issues.push({ path: formatPath(at('severity', rule)), problem: 'unknown rule id' });
      continue;
    }
    const parsed = leaf(ruleSetting, setting, null, at('severity', rule), issues);
    if (parsed) severity[id.value] = parsed;
  }
  const required = record(entry.requiredModifiers, formatPath(at('requiredModifiers')), issues);
  const requiredModifiers = {
    discipline: leaf(
      bool,
      required.discipline,
      base.requiredModifiers.discipline,
      at('requiredModifiers', 'discipline'),
      issues,
    ),
    telehealth95: leaf(
      bool,
      required.telehealth95,
      base.requiredModifiers.telehealth95,
      at('requiredModifiers', 'telehealth95'),
      issues,
    ),
  };
  const rationale = leaf(rationaleCheck, entry.rationale, undefined, at('rationale'), issues);
  return {
    id,
    name: leaf(profileName, entry.name, id, at('name'), issues),
    builtIn: false,
    basedOn,
    unitMethod: leaf(unitMethod, entry.unitMethod, base.unitMethod, at('unitMethod'), issues),
    severity,
    requiredModifiers,
    kxApplies: leaf(bool, entry.kxApplies, base.kxApplies, at('kxApplies'), issues),
    ...(rationale && { rationale }),
  };
}

export function repairTaught(value: unknown, issues: Issues, base: string): StoredTaughtMapping[] {
  const out: StoredTaughtMapping[] = [];
  list(value, base, issues).forEach((entry, index) => {
    if (!isPlainObject(entry)) {
      issues.push({ path: `${base}[${index}]`, problem: `expected an object, got ${shortJson(entry)}` });
      return;
    }
    const host = typeof entry.host === 'string' ? normalizeSiteKey(entry.host) : entry.host;
    const hostOk = leaf(siteKey, host ?? '', null, [base, index, 'host'], issues);
    const pathOk = leaf(pathPattern, entry.pathPattern ?? '', null, [base, index, 'pathPattern'], issues);
    if (hostOk === null || pathOk === null) return;
    const fields = list(entry.fields, `${base}[${index}].fields`, issues).flatMap((field, f) => {
      const parsed = leaf(taughtField, field, null, [base, index, 'fields', f], issues);
      return parsed ? [parsed] : [];
    });
    const existing = out.find((m) => m.host === hostOk && m.pathPattern === pathOk);
    if (existing) existing.fields.push(...fields);
    else out.push({ host: hostOk, pathPattern: pathOk, fields });
  });
  return out;
}

function repairTables(value: unknown, issues: Issues): Tables {
  const tables = record(value, 'tables', issues);
  return {
    ncci: repairTable<NcciTable>(tables.ncci, 'ncci', ncciRow, 'pairs', issues),
    mue: repairTable<MueTable>(tables.mue, 'mue', mueRow, 'entries', issues),
  };
}

/** Bad rows are dropped one by one (counted in one issue, not one per row); bad metadata drops the table. */
function repairTable<T>(
  value: unknown,
  name: string,
  row: Check<unknown>,
  rowsKey: string,
  issues: Issues,
): T | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    issues.push({ path: `tables.${name}`, problem: `expected an object, got ${shortJson(value)}` });
    return null;
  }
  const rows = list(value[rowsKey], `tables.${name}.${rowsKey}`, issues);
  const good = rows.flatMap((r) => {
    const checked = row(r);
    return checked.ok ? [checked.value] : [];
  });
  if (good.length < rows.length)
    issues.push({
      path: `tables.${name}.${rowsKey}`,
      problem: `${rows.length - good.length} invalid rows dropped`,
    });
  const meta = leaf(tableMeta, value, null, ['tables', name], issues);
  return meta ? ({ ...meta, [rowsKey]: good } as T) : null;
}

function repairOverrides(value: unknown, issues: Issues): Settings['overrides'] {
  const entries = list(value, 'overrides', issues);
  const good = entries.flatMap((entry) => {
    const checked = overrideEntry(entry);
    return checked.ok ? [checked.value] : [];
  });
  if (good.length < entries.length)
    issues.push({ path: 'overrides', problem: `${entries.length - good.length} invalid entries dropped` });
  return good.slice(-OVERRIDE_LOG_MAX);
}
