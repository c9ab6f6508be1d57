import type { Finding, FindingField } from '../core/finding';
import type { FieldBinding, FieldRole } from '../page/types';

/** Which page field a finding's `field` lives in. Claim facts with no field of their own map to null. */
const ROLE_OF_FIELD: Record<FindingField, FieldRole | null> = {
  code: 'code',
  modifiers: 'modifier',
  units: 'units',
  minutes: 'minutes',
  dxPointers: 'dx-pointer',
  charge: 'charge',
  diagnoses: 'dx',
  placeOfService: 'pos',
  dateOfService: 'dos',
  payer: 'payer',
  ytdTherapyCharges: null,
  renderedBy: null,
  discipline: null,
};

/**
 * Bindings by line, built once per reading's bindings (a reading keeps its array while typing
 * updates it in place): a 50-line page asks for an anchor per finding on every keystroke.
 */
const byLineCache = new WeakMap<readonly FieldBinding[], Map<number | undefined, FieldBinding[]>>();
function byLine(bindings: readonly FieldBinding[]): Map<number | undefined, FieldBinding[]> {
  let index = byLineCache.get(bindings);
  if (!index) {
    index = new Map();
    for (const b of bindings) {
      const list = index.get(b.line) ?? [];
      list.push(b);
      index.set(b.line, list);
    }
    byLineCache.set(bindings, index);
  }
  return index;
}

function firstBySlot(bindings: FieldBinding[]): FieldBinding | undefined {
  return [...bindings].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0))[0];
}

/**
 * The page element a finding's badge belongs at: the exact field when the page has one,
 * else the line's procedure code field, else nothing (the finding then lives in the panel).
 */
export function anchorFor(finding: Finding, bindings: readonly FieldBinding[]): Element | null {
  const role = finding.field ? ROLE_OF_FIELD[finding.field] : null;
  if (finding.diagnosis !== undefined && (role === 'dx' || role === null)) {
    const dx = bindings.find((b) => b.role === 'dx' && b.slot === finding.diagnosis);
    if (dx) return dx.element;
  }
  if (finding.line !== undefined) {
    const onLine = byLine(bindings).get(finding.line) ?? [];
    if (role) {
      const exact = firstBySlot(onLine.filter((b) => b.role === role));
      if (exact) return exact.element;
    }
    return onLine.find((b) => b.role === 'code')?.element ?? null;
  }
  if (role) {
    const claimLevel = byLine(bindings)
      .get(undefined)
      ?.find((b) => b.role === role);
    if (claimLevel) return claimLevel.element;
    if (role === 'dx') return firstBySlot(bindings.filter((b) => b.role === 'dx'))?.element ?? null;
  }
  return null;
}
