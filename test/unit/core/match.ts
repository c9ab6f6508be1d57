import type { Finding } from '../../../src/core/finding';
import type { Expected } from './cases/types';

/** True when a finding has everything the expectation names (`fix: null`: the finding has no fix). */
export function matches(f: Finding, e: Expected): boolean {
  if (f.rule !== e.rule) return false;
  if (e.line !== undefined && f.line !== e.line) return false;
  if (e.diagnosis !== undefined && f.diagnosis !== e.diagnosis) return false;
  if (e.severity !== undefined && f.severity !== e.severity) return false;
  if (e.fix === null && f.fix !== undefined) return false;
  if (e.fix && JSON.stringify(f.fix) !== JSON.stringify(e.fix)) return false;
  return true;
}

/** Findings as short lines for failure messages (ids, lines, fixes: never message wording). */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.rule} ${f.severity}${f.line !== undefined ? ` line ${f.line}` : ''}${f.diagnosis !== undefined ? ` dx ${f.diagnosis}` : ''}${f.fix ? ` fix ${JSON.stringify(f.fix)}` : ''}`,
  );
}
