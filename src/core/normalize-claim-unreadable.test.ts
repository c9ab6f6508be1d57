import { describe, expect, test } from 'vitest';
import { checkClaim } from './check';
import { normalizeClaim } from './normalize-claim';
import { parseClaim } from './parse-claim';

/**
 * design.md: every field but `lines` is optional, and input that cannot be understood is a
 * finding, never a rejection. Audit issue 2, defect 5: one bad optional field used to make the
 * whole claim "not a claim" (CLI exit 2).
 */
describe('one unreadable field is one input/unreadable finding, and the claim is still checked', () => {
  test.each([
    [{ ytdTherapyCharges: 5, lines: [] }, 'ytdTherapyCharges', undefined],
    [{ ytdTherapyCharges: 'lots', lines: [] }, 'ytdTherapyCharges', undefined],
    [{ payer: { x: 1 }, lines: [] }, 'payer', undefined],
    [{ diagnoses: [{ code: 'M54.5' }], lines: [{ code: '97110' }] }, 'diagnoses', 0],
    [{ diagnoses: ['M17.11', true], lines: [] }, 'diagnoses', 1],
    [{ diagnoses: { A: 'M17.11' }, lines: [] }, 'diagnoses', undefined],
    [{ renderedBy: ['therapist'], lines: [] }, 'renderedBy', undefined],
    [{ lines: [{ code: '97110', modifiers: { GP: true } }] }, 'modifiers', undefined],
  ])('%j → input/unreadable on %s', (input, field, diagnosis) => {
    expect(parseClaim(input).ok).toBe(true);
    const found = checkClaim(input).filter((f) => f.rule === 'input/unreadable');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, severity: 'warning' });
    expect(found[0]!.diagnosis).toBe(diagnosis);
  });

  test('the other lines and fields are still checked', () => {
    const found = checkClaim({
      payer: 'medicare',
      dateOfService: '2025-06-02',
      ytdTherapyCharges: 5,
      diagnoses: [{ code: 'M54.5' }, 'M17.11'],
      lines: [{ code: '97110', units: 3, minutes: 15, dxPointers: ['B'] }],
    });
    expect(found.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['modifier/discipline-missing', 'units/exceeds-minutes', 'input/unreadable']),
    );
  });

  test('a slot that could not be read keeps its letter: B still points to the second diagnosis', () => {
    const { claim } = normalizeClaim({
      diagnoses: [{}, 'M17.11'],
      lines: [{ code: '97110', dxPointers: ['B'] }],
    });
    expect(claim.diagnoses).toEqual([null, 'M17.11']);
    expect(claim.lines[0]!.dxPointers).toEqual([1]);
  });
});

/** Audit defect 7: the field-label template read "The who rendered the service reads ...". */
describe('unreadable messages read as sentences', () => {
  test.each([
    [{ renderedBy: 'nobody', lines: [] }],
    [{ lines: [{ code: '97110', minutes: 'abc' }] }],
    [{ dateOfService: '2026-13-45', lines: [] }],
    [{ ytdTherapyCharges: { PT_SLP: 'many' }, lines: [] }],
    [{ diagnoses: [[]], lines: [] }],
  ])('%j', (input) => {
    const found = checkClaim(input).filter((f) => f.rule === 'input/unreadable');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^The [a-z-]+(?: [a-z-]+)*(?: [A-L])? field(?: on line \d+)? holds /);
  });
});

/** Audit defect 9: a discipline typed as an assistant's title says who rendered the service. */
describe('discipline typed as an assistant title', () => {
  test.each([
    ['PTA', 'PT', 'assistant'],
    ['COTA', 'OT', 'assistant'],
    ['PT', 'PT', null],
  ])('%s → %s, rendered by %s', (typed, discipline, renderedBy) => {
    const { claim } = normalizeClaim({ discipline: typed, lines: [] });
    expect(claim.discipline).toBe(discipline);
    expect(claim.renderedBy).toBe(renderedBy);
  });

  test('the claim says who rendered it: that wins', () => {
    expect(normalizeClaim({ discipline: 'PTA', renderedBy: 'therapist', lines: [] }).claim.renderedBy).toBe(
      'therapist',
    );
  });

  test('PTA on a 97110-GP line: add CQ', () => {
    const found = checkClaim({
      payer: 'medicare',
      discipline: 'PTA',
      lines: [{ code: '97110', modifiers: ['GP'], units: 1, minutes: 15 }],
    }).filter((f) => f.rule === 'modifier/assistant');
    expect(found).toMatchObject([{ line: 0, fix: { line: 0, addModifier: 'CQ' } }]);
  });
});

/** Audit defect 7: a date typed but unreadable is not a missing date. */
test.each([
  ['2026-13-45', /could not be read/],
  [undefined, /has no date of service/],
])('date %s: the KX and diagnosis notes say %s', (dateOfService, says) => {
  const notes = checkClaim({
    payer: 'medicare',
    dateOfService,
    ytdTherapyCharges: { PT_SLP: 100, OT: 0 },
    diagnoses: ['G35'],
    lines: [{ code: '97110', modifiers: ['GP'], units: 1, minutes: 15, dxPointers: ['A'], charge: 50 }],
  }).filter((f) => f.rule === 'check/skipped' && /date of service/.test(f.message));
  expect(notes.length).toBeGreaterThanOrEqual(2);
  for (const n of notes) expect(n.message).toMatch(says);
});
