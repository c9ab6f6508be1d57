import type { Finding } from '../core/finding';
import { findingKey, openErrors } from './summary';

/**
 * What the live region says after a check: only errors that were not there before, so a
 * screen reader user hears about a new problem once, not the whole list on every keystroke.
 */
export function announceNewErrors(
  findings: readonly Finding[],
  seen: Set<string>,
): { text: string; seen: Set<string> } {
  const errors = openErrors(findings);
  const now = new Set(errors.map(findingKey));
  const fresh = errors.filter((f) => !seen.has(findingKey(f)));
  if (fresh.length === 0) return { text: '', seen: now };
  const first = fresh[0]!;
  const where = first.line === undefined ? '' : ` on line ${first.line + 1}`;
  const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more)` : '';
  return { text: `Charge Guard: new error${where}: ${first.message}${more}`, seen: now };
}
