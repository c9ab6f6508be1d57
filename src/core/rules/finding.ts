import type { Finding, FindingField, Fix, MetaRuleId, RuleId, Severity } from '../finding';

interface Extra {
  line?: number;
  diagnosis?: number;
  field?: FindingField;
  fix?: Fix;
  dataVersion?: string;
}

/** Builds a finding with only the keys that have values, so findings compare cleanly in tests and JSON. */
export function finding(
  rule: RuleId | MetaRuleId,
  severity: Severity,
  message: string,
  source: string,
  extra?: Extra,
): Finding {
  const out: Finding = { rule, severity, message, source };
  if (extra) {
    if (extra.line !== undefined) out.line = extra.line;
    if (extra.diagnosis !== undefined) out.diagnosis = extra.diagnosis;
    if (extra.field !== undefined) out.field = extra.field;
    if (extra.fix !== undefined) out.fix = extra.fix;
    if (extra.dataVersion !== undefined) out.dataVersion = extra.dataVersion;
  }
  return out;
}

/** Nearly every message names a line: the labels of the lines a claim has are built once, not per finding. */
const LABELS: readonly string[] = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`);

/** "line 3" for people: portals number service lines from 1. */
export function lineLabel(index: number): string {
  return index < LABELS.length ? LABELS[index]! : `line ${index + 1}`;
}

/** Whole numbers from here on print in exponent form ("1e+21"), not as digits alone. */
const EXPONENT_FORM = 1e21;

/** "2410" → "2,410": commas every three digits from the right (a loop, not a look-ahead regex per amount). */
function groupThousands(whole: number): string {
  const digits = String(whole);
  // Amounts past 1e21 print in exponent form ("1.0000000000000001e+21"): grouped as they always were.
  // Told by the number, not by a regex over its text: below it, String() gives digits alone.
  if (whole >= EXPONENT_FORM) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** "$2,410" or "$2,410.01" (toLocaleString is slow and locale-dependent). */
export function money(amount: number): string {
  const cents = Math.round(amount * 100);
  const whole = Math.trunc(Math.abs(cents) / 100);
  const frac = Math.abs(cents) % 100;
  const grouped = whole < 1000 ? String(whole) : groupThousands(whole);
  return `${cents < 0 ? '-' : ''}$${grouped}${frac ? `.${String(frac).padStart(2, '0')}` : ''}`;
}
