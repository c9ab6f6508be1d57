/** One measured figure, its budget and how it was measured, for the table and the JSON line. */
export interface Figure {
  key: string;
  value: number | null;
  unit: string;
  /** `max`: value must be at most `limit`; `min`: at least. No budget: reported only. */
  budget?: { kind: 'max' | 'min'; limit: number };
  method: string;
}

export type Verdict = 'pass' | 'FAIL' | 'n/a' | '-';

export function verdict(figure: Figure, judge: boolean): Verdict {
  if (!figure.budget || !judge) return '-';
  if (figure.value === null || Number.isNaN(figure.value)) return 'n/a';
  const { kind, limit } = figure.budget;
  return (kind === 'max' ? figure.value <= limit : figure.value >= limit) ? 'pass' : 'FAIL';
}

function formatValue(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 1000 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 3;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
}

function formatBudget(figure: Figure): string {
  if (!figure.budget) return '';
  return `${figure.budget.kind === 'max' ? '≤' : '≥'} ${formatValue(figure.budget.limit, figure.unit)}`;
}

/** A plain-text table: figure, value, budget, result, method (one line each). */
export function table(figures: Figure[], judge: boolean): string {
  const rows = figures.map((f) => [
    f.key,
    formatValue(f.value, f.unit),
    formatBudget(f),
    verdict(f, judge),
    f.method,
  ]);
  const head = ['figure', 'value', 'budget', 'result', 'method'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  widths[4] = head[4]!.length; // the method column is free text: not padded
  const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
