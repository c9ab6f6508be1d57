import type { OverrideEntry } from '../settings/schema';

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function overridesCsv(entries: readonly OverrideEntry[]): string {
  const rows = [
    ['time', 'site', 'rule', 'reason'],
    ...entries.map((e) => [e.time, e.site, e.rule, e.reason]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
