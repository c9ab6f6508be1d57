import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { groupFields } from './group';
import { qualifyField } from './qualify';
import type { FieldRecord } from './record';
import { field } from './testing/records';
import { FIELD_ROLES } from './types';

const words = fc.constantFrom(
  'CPT',
  'Mod',
  'Units',
  'Min',
  'Dx',
  'ptr',
  'POS',
  'Date',
  'Search',
  'Total',
  'Note',
  'Fee',
  'code',
  '',
);
const text = fc.oneof(
  words,
  fc.string({ maxLength: 30 }),
  fc.array(words, { maxLength: 4 }).map((w) => w.join(' ')),
);
const value = fc.oneof(
  fc.constantFrom(
    '97110',
    '97535 SELF CARE',
    'GP:KX',
    'GO 59',
    'I69.351',
    'A',
    '1,2',
    '2',
    '30',
    '11',
    '03/04/2026',
    '$64.04',
    '',
  ),
  fc.string({ maxLength: 20 }),
);
const record = fc.record({
  kind: fc.constantFrom('input', 'select', 'textarea', 'hidden', 'editable', 'text') as fc.Arbitrary<
    FieldRecord['kind']
  >,
  value,
  optionText: value,
  name: text,
  id: text,
  labels: fc.array(text, { maxLength: 2 }),
  hints: fc.array(text, { maxLength: 2 }),
  header: text,
  nearby: text,
  context: text,
  visible: fc.boolean(),
  form: fc.integer({ min: -1, max: 2 }),
  row: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  ancestors: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
});

describe('whatever a page holds, the reader answers instead of throwing', () => {
  test('qualifyField gives a known role or none', () => {
    fc.assert(
      fc.property(record, (r) => {
        const q = qualifyField(field(r));
        expect(q.role === null || (FIELD_ROLES as readonly string[]).includes(q.role)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('groupFields gives null or dense lines, each with a code binding, and bindings to real records', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (list) => {
        const records = list.map((r, index) => field({ ...r, index }));
        const g = groupFields(
          records,
          records.map((r) => qualifyField(r)),
        );
        if (!g) return;
        expect(g.claim.lines.length).toBeGreaterThan(0);
        g.claim.lines.forEach((_, line) => {
          expect(g.bindings.filter((b) => b.role === 'code' && b.line === line)).toHaveLength(1);
        });
        for (const b of g.bindings) {
          expect(records[b.field]).toBeDefined();
          if (b.line !== undefined) expect(b.line).toBeLessThan(g.claim.lines.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
