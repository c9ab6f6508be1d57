import type { MueRow } from '../settings/schema';
import { isProcedureCode, splitCells } from './cells';
import type { LineParser, Rejected } from './types';

/**
 * The CMS Practitioner Services MUE table (quarterly, `.csv` and `.xlsx`). After a preamble,
 * the header "HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator,
 * MUE Rationale"; the indicator cell holds the MAI digit and its words ("1 Line Edit",
 * "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"). Columns are found by
 * header name, and rows are read only after the header: without it a PTP file's "97140,97530"
 * would pass for an MUE row.
 */
export function createMueParser(
  keep: (row: MueRow) => boolean,
): LineParser<MueRow> & { effective(): string | null } {
  const rows: MueRow[] = [];
  const rejected: Rejected[] = [];
  let columns: { code: number; value: number; mai: number } | null = null;
  let rowsRead = 0;
  let seenData = false;
  let lineNo = 0;
  let effective: string | null = null;
  return {
    line(text) {
      lineNo++;
      if (!text.trim()) return;
      const cells = splitCells(text);
      if (!seenData) {
        effective ??= effectiveFromPreamble(text);
        const header = headerColumns(cells);
        if (header) {
          columns = header;
          return;
        }
      }
      if (!columns) return;
      const row = mueRow(cells, columns);
      if (!row) {
        if (seenData) rejected.push({ line: lineNo, text: text.slice(0, 80) });
        return;
      }
      seenData = true;
      rowsRead++;
      if (keep(row)) rows.push(row);
    },
    result: () => ({ rows, rowsRead, rejected }),
    effective: () => effective,
  };
}

function headerColumns(cells: readonly string[]): { code: number; value: number; mai: number } | null {
  const lower = cells.map((c) => c.toLowerCase());
  const code = lower.findIndex((c) => c.includes('hcpcs') || c.includes('cpt code'));
  const value = lower.findIndex((c) => c.includes('mue value'));
  const mai = lower.findIndex((c) => c.includes('adjudication'));
  return code >= 0 && value >= 0 ? { code, value, mai } : null;
}

export function mueRow(cells: readonly string[], columns = { code: 0, value: 1, mai: 2 }): MueRow | null {
  const code = cells[columns.code] ?? '';
  const value = cells[columns.value] ?? '';
  if (!isProcedureCode(code) || !/^\d{1,5}$/.test(value)) return null;
  const mai = /^([123])\b/.exec(columns.mai >= 0 ? (cells[columns.mai] ?? '') : '')?.[1];
  return { code, maxUnits: Number(value), ...(mai && { adjudication: Number(mai) as 1 | 2 | 3 }) };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "... effective July 1, 2025" in the preamble → "2025-07-01". */
export function effectiveFromPreamble(text: string): string | null {
  const m = /effective\s+([a-z]+)\s+(\d{1,2}),?\s+(\d{4})/i.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}
