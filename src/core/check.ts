import { claimShapeError, isClaimShape } from './claim-shape';
import type { EditTables } from './data/edit-tables';
import type { Finding, Severity } from './finding';
import { normalizeClaim } from './normalize-claim';
import { findProfile, isPayerProfile, type PayerProfile, resolveProfile } from './profile';
import { editLookup } from './rules/context';
import { finding } from './rules/finding';
import { INTERNAL_SOURCE, runRules } from './rules/run';

export interface CheckOptions {
  /** Wins over the claim's `payer`: an id or name, or a profile object (a user's own). */
  profile?: string | PayerProfile;
  /** User profiles from settings, for ids and names. */
  customProfiles?: PayerProfile[];
  /** Loaded CMS NCCI/MUE tables; the built-in documented rows are the fallback. */
  tables?: EditTables;
}

/** Errors first, then warnings, then infos: compared, not read from a table keyed by text. */
function severityOrder(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}
/** Up to this many findings are sorted by insertion (no comparator calls); more by Array.prototype.sort. */
const SMALL = 32;
/** Where claim-level findings sort: after every line a claim can have. */
const LAST_LINE = 2 ** 32;
const PROFILE_SOURCE = 'Charge Guard payer profiles (options page)';

/** Profile objects already validated: settings hand us the same objects on every keystroke. */
const validProfiles = new WeakSet<object>();

function usableProfile(p: unknown): p is PayerProfile {
  if (typeof p !== 'object' || p === null) return false;
  if (validProfiles.has(p)) return true;
  if (!isPayerProfile(p)) return false;
  validProfiles.add(p);
  return true;
}

function customList(options: CheckOptions): PayerProfile[] {
  const list = options.customProfiles;
  return Array.isArray(list) ? list.filter(usableProfile) : [];
}

/** options.profile, else the claim's payer (id, name or payer text), else Medicare, said out loud. */
function chooseProfile(
  payer: string | null,
  options: CheckOptions,
  unreadablePayer = false,
): { profile: PayerProfile; note: Finding | null } {
  const custom = customList(options);
  const wanted = options.profile;
  if (wanted !== undefined && wanted !== null) {
    if (typeof wanted === 'object' && usableProfile(wanted)) return { profile: wanted, note: null };
    const found = typeof wanted === 'string' ? findProfile(wanted, custom) : null;
    if (found) return { profile: found, note: null };
  }
  const fromClaim = findProfile(payer, custom);
  if (fromClaim) return { profile: fromClaim, note: null };
  const profile = resolveProfile(null);
  const why = payer
    ? `the payer "${payer.length > 40 ? `${payer.slice(0, 40)}…` : payer}" is not a profile we know`
    : unreadablePayer
      ? 'the payer could not be read'
      : 'no payer was given';
  return {
    profile,
    note: finding(
      'check/skipped',
      'info',
      `Checked by the ${profile.name} rules because ${why}. Pick the payer's profile if it is not Medicare: counting method, KX and modifiers differ by payer.`,
      PROFILE_SOURCE,
      { field: 'payer' },
    ),
  };
}

/**
 * Findings by line, then severity (claim-level findings last), ties in the order the rules said
 * them (a stable sort). Each finding's key is read once rather than on every comparison:
 * findings come in many shapes, so each read of them is slow.
 */
function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  const keys: number[] = new Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    // Lines are array indexes (below 2^32), so line and severity fit one exact double.
    keys[i] = (f.line ?? LAST_LINE) * 4 + severityOrder(f.severity);
    if (i > 0 && keys[i]! < keys[i - 1]!) sorted = false;
  }
  if (sorted) return findings;
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n <= SMALL) {
    // Insertion sort, which keeps equal keys in order: a claim has a handful of findings.
    for (let i = 1; i < n; i++) {
      const at = order[i]!;
      let j = i;
      while (j > 0 && keys[order[j - 1]!]! > keys[at]!) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = at;
    }
  } else order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const out: Finding[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = findings[order[i]!]!;
  return out;
}

function internalProblem(): Finding[] {
  return [
    finding(
      'check/skipped',
      'info',
      'Charge Guard could not check this claim because of an internal problem; nothing on the page was changed.',
      INTERNAL_SOURCE,
    ),
  ];
}

/**
 * Parse → normalise → rules → profile severities → findings sorted by line, then severity
 * (claim-level findings last). Never throws, whatever the input.
 */
export function checkClaim(input: unknown, options: CheckOptions = {}): Finding[] {
  try {
    const opts: CheckOptions = typeof options === 'object' && options !== null ? options : {};
    if (!isClaimShape(input)) {
      return [
        finding(
          'input/unreadable',
          'error',
          `This is not a claim: ${claimShapeError(input)}.`,
          'Charge Guard Claim JSON (design.md)',
        ),
      ];
    }
    const { claim, findings } = normalizeClaim(input);
    const { profile, note } = chooseProfile(claim.payer, opts, claim.unreadable?.includes('payer'));
    const ruled = runRules(claim, profile, editLookup(opts.tables));
    // Normalisation's findings first; most claims have none, and then no copy is made.
    const out = findings.length === 0 ? ruled : findings.concat(ruled);
    if (note) out.push(note);
    return sortFindings(out);
  } catch {
    return internalProblem();
  }
}
