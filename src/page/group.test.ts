import { describe, expect, test } from 'vitest';
import { groupFields, nameIndex } from './group';
import { qualifyField } from './qualify';
import type { FieldRecord } from './record';
import { field } from './testing/records';

function group(fields: Partial<FieldRecord>[]) {
  const records = fields.map((f, index) => field({ ...f, index }));
  return groupFields(
    records,
    records.map((r) => qualifyField(r)),
  );
}

describe('nameIndex', () => {
  test.each([
    ['bill[3][units]', 3],
    ['lines.2.units', 2],
    ['units_3', 3],
    ['line-4-cpt', 4],
    ['svc[0].cpt', 0],
    ['cpt1', 1],
    ['units', null],
    ['cpt_code', null],
  ])('%s -> %s', (name, index) => {
    expect(nameIndex(name)).toBe(index);
  });
});

describe('grouping on plain records', () => {
  test('table rows: each code with the fields of its own row (container = the row)', () => {
    // ancestors nearest first: cell, row, tbody, table, form
    const row = (r: number) => ({ ancestors: [100 + r * 10, 10 + r, 5, 4, 3], row: 10 + r });
    const g = group([
      { header: 'CPT', value: '97110', ...row(0) },
      { header: 'Units', value: '2', ...row(0) },
      { header: 'CPT', value: '97140', ...row(1) },
      { header: 'Units', value: '1', ...row(1) },
      { labels: ['Diagnosis'], value: 'M62.81', ancestors: [3] },
    ]);
    expect(g?.claim.lines).toEqual([
      { code: '97110', units: '2' },
      { code: '97140', units: '1' },
    ]);
    expect(g?.claim.diagnoses).toBe('M62.81');
  });

  test('flat form with repeated name indices: fields join the line with their index', () => {
    const flat = { ancestors: [1, 0] };
    const g = group([
      { name: 'cpt_1', value: '97110', ...flat },
      { name: 'cpt_2', value: '97112', ...flat },
      { name: 'units_2', value: '1', ...flat },
      { name: 'units_1', value: '2', ...flat },
    ]);
    expect(g?.claim.lines.map((l) => [l.code, l.units])).toEqual([
      ['97110', '2'],
      ['97112', '1'],
    ]);
  });

  test('four modifier boxes keep slot order; empty boxes are left out of the list but stay bound', () => {
    const g = group([
      { header: 'CPT', value: '97530', ancestors: [1] },
      { header: 'Modifier', value: 'GO', ancestors: [1] },
      { header: 'Modifier', value: '', ancestors: [1] },
      { header: 'Modifier', value: '59', ancestors: [1] },
      { header: 'Units', value: '2', ancestors: [1] },
    ]);
    expect(g?.claim.lines[0]?.modifiers).toEqual(['GO', '59']);
    expect(g?.bindings.filter((b) => b.role === 'modifier').map((b) => b.slot)).toEqual([0, 1, 2]);
  });

  test('a lone code field (a lookup, not a line) is not a charge line', () => {
    expect(group([{ labels: ['CPT'], value: '97110' }])).toBeNull();
  });

  test('an all-empty row is not a line; a row with a code but no units still is', () => {
    const row = (r: number) => ({ ancestors: [10 + r, 5], row: 10 + r });
    const g = group([
      { header: 'CPT', value: '97110', ...row(0) },
      { header: 'Units', value: '', ...row(0) },
      { header: 'CPT', value: '', ...row(1) },
      { header: 'Units', value: '', ...row(1) },
      { header: 'POS', value: '11', ...row(1) },
    ]);
    expect(g?.claim.lines).toEqual([{ code: '97110', units: '' }]);
  });

  test('a table of text only (no field a person could edit) is a display, not charge lines', () => {
    const row = (r: number) => ({
      kind: 'text' as const,
      editable: false,
      ancestors: [10 + r, 5],
      row: 10 + r,
    });
    expect(
      group([
        { header: 'CPT', value: '97110', ...row(0) },
        { header: 'Units', value: '2', ...row(0) },
      ]),
    ).toBeNull();
  });

  test('box 21: empty diagnosis boxes stay null so pointer letters keep their meaning', () => {
    const g = group([
      { labels: ['CPT'], value: '97110', ancestors: [2, 1] },
      { labels: ['Units'], value: '2', ancestors: [2, 1] },
      { labels: ['Diagnosis A'], value: 'I69.351', ancestors: [1] },
      { labels: ['Diagnosis B'], value: '', ancestors: [1] },
      { labels: ['Diagnosis C'], value: 'Z74.09', ancestors: [1] },
      { labels: ['Diagnosis D'], value: '', ancestors: [1] },
    ]);
    expect(g?.claim.diagnoses).toEqual(['I69.351', null, 'Z74.09']);
  });

  test('claim-level fields from another form are not part of the claim', () => {
    const g = group([
      { labels: ['CPT'], value: '97110', ancestors: [2, 1], form: 0 },
      { labels: ['Units'], value: '2', ancestors: [2, 1], form: 0 },
      { labels: ['Date of service'], value: '03/04/2026', ancestors: [9], form: 1 },
    ]);
    expect(g?.claim.dateOfService).toBeUndefined();
  });

  test('with one line, date and place belong to the claim; with several, to each line', () => {
    const one = group([
      { labels: ['CPT'], value: '97110', ancestors: [1] },
      { labels: ['Units'], value: '2', ancestors: [1] },
      { labels: ['POS'], value: '11', ancestors: [1] },
    ]);
    expect(one?.claim.placeOfService).toBe('11');
    expect(one?.claim.lines[0]?.placeOfService).toBeUndefined();
  });

  test('a description cell starting with a code gives the code only', () => {
    const g = group([
      { kind: 'text', editable: false, value: '97535 SELF CARE MNGMENT TRAINING', ancestors: [1], row: 1 },
      { header: 'Units', value: '2', ancestors: [1], row: 1 },
    ]);
    expect(g?.claim.lines[0]?.code).toBe('97535');
  });

  test('a select gives the payer by its text and the place of service by its value', () => {
    const g = group([
      { labels: ['CPT'], value: '97110', ancestors: [1] },
      { labels: ['Units'], value: '2', ancestors: [1] },
      { kind: 'select', labels: ['Insurance'], value: 'mcr', optionText: 'Medicare Part B', ancestors: [1] },
      {
        kind: 'select',
        labels: ['Place of service'],
        value: '11',
        optionText: '11 - Office',
        ancestors: [1],
      },
    ]);
    expect(g?.claim.payer).toBe('Medicare Part B');
    expect(g?.claim.placeOfService).toBe('11');
  });

  test("diagnosis codes typed on each line become the claim list and that line's pointers", () => {
    const row = (r: number) => ({ ancestors: [10 + r, 5], row: 10 + r });
    const g = group([
      { header: 'CPT', value: '97110', ...row(0) },
      { header: 'Units', value: '2', ...row(0) },
      { header: 'Dx 1', value: 'M54.50', ...row(0) },
      { header: 'Dx 2', value: '', ...row(0) },
      { header: 'CPT', value: '97140', ...row(1) },
      { header: 'Units', value: '1', ...row(1) },
      { header: 'Dx 1', value: 'M62.81', ...row(1) },
      { header: 'Dx 2', value: 'm54.50', ...row(1) },
    ]);
    expect(g?.claim.diagnoses).toEqual(['M54.50', 'M62.81']);
    expect(g?.claim.lines.map((l) => l.dxPointers)).toEqual([['1'], ['2', '1']]);
    expect(g?.bindings.filter((b) => b.role === 'dx').map((b) => [b.line, b.slot])).toEqual([
      [0, 0],
      [0, undefined],
      [1, 1],
      [1, 0],
    ]);
  });
});
