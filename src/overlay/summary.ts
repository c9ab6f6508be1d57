import type { Finding, Fix, Severity } from '../core/finding';

/** Most severe first: the order counts, badges and lists use. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || RANK[f.severity] < RANK[worst]) worst = f.severity;
  return worst;
}

export function bySeverity(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity];
}

export interface FindingGroup {
  /** `null` for findings about the whole claim (diagnoses, payer, thresholds). */
  line: number | null;
  findings: Finding[];
}

/**
 * Groups by service line, the groups with the worst findings first (what holds a submit is
 * what the biller must see first), then whole-claim before lines, then page order; most
 * severe first inside a group.
 */
export function groupByLine(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<number | null, Finding[]>();
  for (const f of findings) {
    const key = f.line ?? null;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const worst = (list: Finding[]) => RANK[worstSeverity(list) ?? 'info'];
  return [...groups.entries()]
    .sort(([a, la], [b, lb]) => worst(la) - worst(lb) || (a === null ? -1 : b === null ? 1 : a - b))
    .map(([line, list]) => ({ line, findings: [...list].sort(bySeverity) }));
}

/**
 * Identity of a finding across re-checks (rule + where it points), so the live region
 * announces only errors that are new and an override covers exactly the errors it saw.
 */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.line ?? ''}|${f.diagnosis ?? ''}|${f.field ?? ''}`;
}

/**
 * The same finding as far as anything shown goes (every re-check makes new objects): lets the
 * overlay skip re-rendering what did not change.
 */
export function sameFinding(a: Finding, b: Finding): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function openErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** The button text for a one-click fix: says exactly what will be written. */
export function fixLabel(fix: Fix): string {
  if ('addModifier' in fix) return `Add ${fix.addModifier}`;
  if ('removeModifier' in fix) return `Remove ${fix.removeModifier}`;
  if ('replaceModifier' in fix) return `Change ${fix.replaceModifier.from} to ${fix.replaceModifier.to}`;
  if ('setUnits' in fix) return `Set units to ${fix.setUnits}`;
  return `Use ${fix.setDiagnosis}`;
}

/** Short badge text per rule family: the badge says what kind of problem, the tooltip says why. */
export function shortLabel(rule: string): string {
  const [family, name] = rule.split('/');
  switch (family) {
    case 'units':
      return name === 'under-billed' ? 'Units low' : 'Units';
    case 'modifier':
      if (name === 'discipline-missing') return 'GP/GO/GN';
      if (name === 'kx-required' || name === 'kx-unsupported') return 'KX';
      if (name === 'assistant') return 'CQ/CO';
      return 'Modifier';
    case 'ncci':
      return 'Code pair';
    case 'dx':
      return name === 'pointer' ? 'Dx pointer' : 'Diagnosis';
    case 'telehealth':
      return 'Telehealth';
    case 'code':
      return 'Code';
    case 'input':
      return 'Unreadable';
    default:
      return 'Check';
  }
}
