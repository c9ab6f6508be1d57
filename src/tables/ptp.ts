import type { NcciRow } from '../settings/schema';
import { isoFromCmsDate, isProcedureCode, splitCells } from './cells';
import type { LineParser, Rejected } from './types';

/**
 * The CMS practitioner PTP edit files (quarterly; the table comes as several tab-delimited
 * parts, `ccipra-vNNNrN-f1.txt` ... `-f4.txt`, plus `.xlsx`). After a copyright preamble and a
 * header, each row holds: Column 1, Column 2, "*" = in existence prior to 1996, Effective Date
 * (YYYYMMDD), Deletion Date (YYYYMMDD or "*" = no data), Modifier indicator (0 not allowed,
 * 1 allowed, 9 not applicable), PTP Edit Rationale. Only rows the `keep` test accepts are kept.
 */
export function createPtpParser(keep: (row: NcciRow) => boolean): LineParser<NcciRow> {
  const rows: NcciRow[] = [];
  const rejected: Rejected[] = [];
  let rowsRead = 0;
  let seenData = false;
  let lineNo = 0;
  return {
    line(text) {
      lineNo++;
      if (!text.trim()) return;
      const cells = splitCells(text);
      const row = ptpRow(cells);
      if (!row) {
        // The preamble and header come before the first row; after it, a line that is not a
        // row is reported (a corrupted or different file), not silently dropped.
        if (seenData) rejected.push({ line: lineNo, text: text.slice(0, 80) });
        return;
      }
      seenData = true;
      rowsRead++;
      if (keep(row)) rows.push(row);
    },
    result: () => ({ rows, rowsRead, rejected }),
  };
}

export function ptpRow(cells: readonly string[]): NcciRow | null {
  const [column1 = '', column2 = '', , effectiveRaw = '', deletedRaw = '', indicator = ''] = cells;
  if (!isProcedureCode(column1) || !isProcedureCode(column2)) return null;
  const effective = isoFromCmsDate(effectiveRaw);
  if (!effective) return null;
  let deleted: string | null = null;
  if (deletedRaw !== '*' && deletedRaw !== '') {
    deleted = isoFromCmsDate(deletedRaw);
    if (!deleted) return null;
  }
  if (indicator !== '0' && indicator !== '1' && indicator !== '9') return null;
  return { column1, column2, modifierIndicator: Number(indicator) as 0 | 1 | 9, effective, deleted };
}

/** "ccipra-v321r0-f1.txt" → "v321r0": CMS's version tag in the file name, a hint for the quarter label. */
export function ptpVersionFromFileName(name: string): string | null {
  return /v(\d{2,4})r(\d+)/i.exec(name)?.[0]?.toLowerCase() ?? null;
}
