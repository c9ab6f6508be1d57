import type { EditTables } from '../core/data/edit-tables';
import type { PayerProfile } from '../core/profile';
import { E2E } from '../env';
import type { TaughtMapping } from '../page/types';
import type { Settings, SiteSetting, Tables } from './schema';

/** What the content script needs for one page: settings only, no patient data. */
export interface SiteConfig {
  /** The user or administrator switched the site on (the e2e build treats loopback pages as on). */
  enabled: boolean;
  /** The site's payer profile; null: detect from the page, else 'medicare'. */
  profileId: string | null;
  customProfiles: PayerProfile[];
  /** Mappings for this host and path. */
  taught: TaughtMapping[];
  /** Loaded CMS NCCI/MUE rows (therapy-relevant only); empty when none were loaded. */
  tables: EditTables;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export function siteConfigFor(settings: Settings, url: string): SiteConfig {
  let host = '';
  let path = '/';
  try {
    const parsed = new URL(url);
    host = parsed.hostname.toLowerCase();
    path = parsed.pathname || '/';
  } catch {
    // about:blank, srcdoc and unparsable URLs: no site settings apply.
  }
  const site = siteSettingFor(settings.sites, host);
  const enabled = site ? site.enabled : E2E && LOOPBACK.has(host);
  return {
    enabled,
    profileId: site?.profile ?? null,
    customProfiles: settings.customProfiles,
    taught: settings.taught
      .filter((m) => hostMatches(m.host, host) && pathMatches(m.pathPattern, path))
      .map((m) => ({
        host: m.host,
        pathPattern: m.pathPattern,
        fields: m.fields.map((f) => ({
          role: f.role,
          selector: f.selector,
          ...(f.line !== undefined && { line: f.line }),
        })),
      })),
    tables: editTables(settings.tables),
  };
}

/** The exact hostname first, then the closest "*.domain" entry. */
export function siteSettingFor(sites: Record<string, SiteSetting>, host: string): SiteSetting | undefined {
  if (!host) return undefined;
  const exact = sites[host];
  if (exact) return exact;
  const labels = host.split('.');
  for (let i = 1; i < labels.length; i++) {
    const wildcard = sites[`*.${labels.slice(i).join('.')}`];
    if (wildcard) return wildcard;
  }
  return undefined;
}

export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) || host === pattern.slice(2);
  return pattern === host;
}

/** `*` matches any run of characters (slashes included): "/charges/*" matches "/charges/123/edit". */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

export const NCCI_SOURCE = 'CMS NCCI practitioner PTP edits';
export const MUE_SOURCE = 'CMS practitioner services MUE table';

export function editTables(tables: Tables): EditTables {
  const out: EditTables = {};
  if (tables.ncci)
    out.ncci = {
      version: tables.ncci.version,
      pairs: tables.ncci.pairs.map((p) => ({ ...p, source: `${NCCI_SOURCE}, ${tables.ncci?.version}` })),
    };
  if (tables.mue)
    out.mue = {
      version: tables.mue.version,
      entries: tables.mue.entries.map((e) => ({
        code: e.code,
        maxUnits: e.maxUnits,
        source: `${MUE_SOURCE}, ${tables.mue?.version}`,
      })),
    };
  return out;
}
