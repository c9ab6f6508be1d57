import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isoFromCmsDate, splitCells } from './cells';
import { parseInChunks } from './chunked';
import { loadMueFile, loadPtpFiles, TableLoadError } from './load';
import { createMueParser, effectiveFromPreamble } from './mue';
import { createPtpParser, ptpVersionFromFileName } from './ptp';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/cms');
const fixture = (name: string) => new File([readFileSync(join(FIXTURES, name))], name);

describe('cells', () => {
  test('tabs, plain commas and quoted commas', () => {
    expect(splitCells('97140\t97530\t\t20200101\t*\t1\tx')).toEqual([
      '97140',
      '97530',
      '',
      '20200101',
      '*',
      '1',
      'x',
    ]);
    expect(splitCells('97110,6,3 Date of Service Edit: Clinical')).toEqual([
      '97110',
      '6',
      '3 Date of Service Edit: Clinical',
    ]);
    expect(splitCells('97140,97530,,1,"a, b ""c"""')).toEqual(['97140', '97530', '', '1', 'a, b "c"']);
  });

  test('CMS dates to ISO, nothing else', () => {
    expect(isoFromCmsDate('20260101')).toBe('2026-01-01');
    expect(isoFromCmsDate('*')).toBeNull();
    expect(isoFromCmsDate('20261301')).toBeNull();
  });
});

describe('PTP parser', () => {
  test('reads the tab-delimited practitioner file, keeping what the filter keeps', async () => {
    const parser = createPtpParser(() => true);
    await parseInChunks(fixture('ccipra-v321r0-f1.txt'), parser);
    const { rows, rowsRead, rejected } = parser.result();
    expect(rowsRead).toBe(7);
    expect(rejected).toEqual([]);
    expect(rows[0]).toEqual({
      column1: '97140',
      column2: '97530',
      modifierIndicator: 1,
      effective: '2020-01-01',
      deleted: null,
    });
    expect(rows.find((r) => r.column2 === '97116')?.deleted).toBe('2015-01-01');
    expect(rows.find((r) => r.column2 === '97113')?.modifierIndicator).toBe(9);
    expect(rows.find((r) => r.column2 === '20604')?.modifierIndicator).toBe(0);
  });

  test('a line that is not a row after the data began is reported with its line number', async () => {
    const parser = createPtpParser(() => true);
    await parseInChunks(fixture('ccipra-v321r0-f2.txt'), parser);
    expect(parser.result().rejected.map((r) => r.line)).toEqual([4]);
    expect(parser.result().rowsRead).toBe(2);
  });

  test('the CSV saved from the workbook reads the same columns', async () => {
    const parser = createPtpParser(() => true);
    await parseInChunks(fixture('ccipra-sample.csv'), parser);
    expect(parser.result().rows.map((r) => [r.column1, r.column2, r.modifierIndicator])).toEqual([
      ['97140', '97530', 1],
      ['99213', '97140', 1],
    ]);
  });

  test('rows split across chunk boundaries are read whole', async () => {
    const body = Array.from(
      { length: 2000 },
      (_, i) => `97140\t97530\t\t2020010${(i % 9) + 1}\t*\t1\tr`,
    ).join('\n');
    const parser = createPtpParser(() => true);
    const progress: number[] = [];
    // A stream of many small chunks: cut mid-line on purpose.
    const bytes = new TextEncoder().encode(`header\n${body}\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 777) }, (_, i) =>
      bytes.slice(i * 777, (i + 1) * 777),
    );
    await parseInChunks(new Blob(chunks), parser, (p) => progress.push(p.bytesRead));
    expect(parser.result().rowsRead).toBe(2000);
    expect(parser.result().rejected).toEqual([]);
    expect(progress.at(-1)).toBe(bytes.length);
  });

  test('version tag from the CMS file name', () => {
    expect(ptpVersionFromFileName('ccipra-v321r0-f1.txt')).toBe('v321r0');
    expect(ptpVersionFromFileName('mine.txt')).toBeNull();
  });
});

describe('MUE parser', () => {
  test('finds columns by header, reads the MAI digit and the effective date in the preamble', async () => {
    const parser = createMueParser(() => true);
    await parseInChunks(fixture('mue-practitioner-sample.csv'), parser);
    const { rows, rowsRead } = parser.result();
    expect(rowsRead).toBe(6);
    expect(rows.find((r) => r.code === '97535')).toEqual({ code: '97535', maxUnits: 8, adjudication: 3 });
    expect(rows.find((r) => r.code === '97161')?.adjudication).toBe(2);
    expect(parser.effective()).toBe('2026-01-01');
  });

  test('a header in another column order is followed', () => {
    const parser = createMueParser(() => true);
    parser.line('MUE Rationale,MUE Adjudication Indicator,Practitioner Services MUE Values,HCPCS/CPT Code');
    parser.line('Clinical: Data,1 Line Edit,4,97140');
    expect(parser.result().rows).toEqual([{ code: '97140', maxUnits: 4, adjudication: 1 }]);
  });

  test('effective date wording', () => {
    expect(effectiveFromPreamble('MUE table effective October 1, 2025')).toBe('2025-10-01');
    expect(effectiveFromPreamble('no date here')).toBeNull();
  });
});

describe('loading for storage', () => {
  test('PTP parts load together and keep only pairs of two therapy codes', async () => {
    const fractions: number[] = [];
    const { table, rejected } = await loadPtpFiles(
      [fixture('ccipra-v321r0-f1.txt'), fixture('ccipra-v321r0-f2.txt')],
      '2026 Q1',
      (f) => fractions.push(f),
    );
    expect(table.version).toBe('2026 Q1');
    expect(table.rowsRead).toBe(9);
    const pairs = table.pairs.map((p) => `${p.column1}/${p.column2}`);
    expect(pairs).toContain('97140/97530');
    expect(pairs).toContain('97150/97164');
    expect(pairs).not.toContain('99213/36415');
    expect(pairs).not.toContain('29881/29877');
    expect(rejected).toEqual([expect.objectContaining({ file: 'ccipra-v321r0-f2.txt', line: 4 })]);
    expect(fractions.at(-1)).toBe(1);
  });

  test('MUE keeps therapy codes only', async () => {
    const { table, effective } = await loadMueFile(fixture('mue-practitioner-sample.csv'), '2026 Q1');
    expect(table.entries.map((e) => e.code).sort()).toEqual(['97110', '97161', '97535', 'G0283']);
    expect(effective).toBe('2026-01-01');
  });

  test('the wrong file is refused with a reason', async () => {
    await expect(loadPtpFiles([fixture('mue-practitioner-sample.csv')], 'x')).rejects.toBeInstanceOf(
      TableLoadError,
    );
    await expect(loadMueFile(fixture('ccipra-v321r0-f1.txt'), 'x')).rejects.toBeInstanceOf(TableLoadError);
  });
});
