import { lookupCode } from '../core/data/codes';
import type { MueTable, NcciTable } from '../settings/schema';
import { type Progress, parseInChunks } from './chunked';
import { createMueParser } from './mue';
import { createPtpParser } from './ptp';
import type { Rejected } from './types';

/**
 * Turns CMS downloads into the tables stored in settings. Only therapy-relevant rows are
 * kept: a PTP pair whose two codes are both in the therapy code table (a pair only fires when
 * both codes are on one claim), an MUE row for a therapy code. That keeps a table of over a
 * million rows down to what fits in extension storage.
 */
export const isTherapyCode = (code: string): boolean => lookupCode(code) !== null;

export interface LoadReport<T> {
  table: T;
  rejected: (Rejected & { file: string })[];
}

export class TableLoadError extends Error {}

export async function loadPtpFiles(
  files: readonly File[],
  version: string,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<LoadReport<NcciTable>> {
  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  let done = 0;
  const pairs: NcciTable['pairs'] = [];
  const rejected: LoadReport<NcciTable>['rejected'] = [];
  let rowsRead = 0;
  for (const file of files) {
    const parser = createPtpParser((row) => isTherapyCode(row.column1) && isTherapyCode(row.column2));
    await parseInChunks(file, parser, (p: Progress) => onProgress((done + p.bytesRead) / total), signal);
    done += file.size;
    const result = parser.result();
    if (result.rowsRead === 0)
      throw new TableLoadError(`${file.name}: no PTP rows found (is this the practitioner PTP .txt file?)`);
    pairs.push(...result.rows);
    rowsRead += result.rowsRead;
    rejected.push(...result.rejected.map((r) => ({ ...r, file: file.name })));
  }
  return {
    table: {
      version,
      fileName: files.map((f) => f.name).join(', '),
      loadedAt: new Date().toISOString(),
      rowsRead,
      pairs,
    },
    rejected,
  };
}

export async function loadMueFile(
  file: File,
  version: string,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<LoadReport<MueTable> & { effective: string | null }> {
  const parser = createMueParser((row) => isTherapyCode(row.code));
  await parseInChunks(file, parser, (p) => onProgress(p.bytesRead / (file.size || 1)), signal);
  const result = parser.result();
  if (result.rowsRead === 0)
    throw new TableLoadError(
      `${file.name}: no MUE rows found (expected the practitioner services MUE file, with its header row)`,
    );
  return {
    table: {
      version,
      fileName: file.name,
      loadedAt: new Date().toISOString(),
      rowsRead: result.rowsRead,
      entries: result.rows,
    },
    rejected: result.rejected.map((r) => ({ ...r, file: file.name })),
    effective: parser.effective(),
  };
}
