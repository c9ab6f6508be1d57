import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RawClaim } from './claim';
import { normalizeClaim } from './normalize-claim';

const unreadable = (findings: { rule: string; field?: string; line?: number }[]) =>
  findings.filter((f) => f.rule === 'input/unreadable').map((f) => [f.field, f.line ?? null]);

describe('normalizeClaim', () => {
  test('the design.md example comes out as typed, pointers as indexes', () => {
    const { claim, findings } = normalizeClaim({
      payer: 'medicare',
      dateOfService: '2026-03-04',
      placeOfService: '11',
      discipline: 'OT',
      renderedBy: 'therapist',
      ytdTherapyCharges: { PT_SLP: 1800, OT: 2400 },
      diagnoses: ['I69.351', 'Z74.09'],
      lines: [{ code: '97535', modifiers: ['GO'], units: 2, minutes: 30, dxPointers: ['A'], charge: 64.04 }],
    });
    expect(findings).toEqual([]);
    expect(claim).toMatchObject({
      payer: 'medicare',
      dateOfService: '2026-03-04',
      placeOfService: '11',
      discipline: 'OT',
      renderedBy: 'therapist',
      ytdTherapyCharges: { PT_SLP: 1800, OT: 2400 },
      diagnoses: ['I69.351', 'Z74.09'],
    });
    expect(claim.lines[0]).toMatchObject({
      index: 0,
      code: '97535',
      modifiers: ['GO'],
      units: 2,
      minutes: 30,
      dxPointers: [0],
      dxPointerErrors: [],
      charge: 64.04,
      dateOfService: '2026-03-04',
      placeOfService: '11',
    });
  });

  test('reads what a portal holds', () => {
    const { claim, findings } = normalizeClaim({
      dateOfService: '3/4/26',
      placeOfService: '2',
      discipline: 'physical therapy',
      renderedBy: 'PTA',
      ytdTherapyCharges: { PT_SLP: '$1,800.00', OT: '' },
      diagnoses: 'i69351, m5450',
      lines: [
        {
          code: '97535-GO 59',
          modifiers: 'kx',
          units: '2.0',
          minutes: '0:30',
          dxPointers: 'AB',
          charge: '$64.04',
        },
        { code: '97110', modifiers: ['GP', 'CQ'], units: '1 unit', minutes: '1h 5m', dxPointers: 'i69.351' },
      ],
    });
    expect(findings).toEqual([]);
    expect(claim).toMatchObject({
      dateOfService: '2026-03-04',
      placeOfService: '02',
      discipline: 'PT',
      renderedBy: 'assistant',
      ytdTherapyCharges: { PT_SLP: 1800, OT: null },
      diagnoses: ['I69.351', 'M54.50'],
    });
    expect(claim.lines[0]).toMatchObject({
      code: '97535',
      modifiers: ['GO', '59', 'KX'],
      units: 2,
      minutes: 30,
      dxPointers: [0, 1],
      charge: 64.04,
    });
    expect(claim.lines[1]).toMatchObject({ modifiers: ['GP', 'CQ'], units: 1, minutes: 65, dxPointers: [0] });
  });

  test('the discipline comes from an assistant title only when the claim names none', () => {
    expect(normalizeClaim({ renderedBy: 'COTA', lines: [] }).claim.discipline).toBe('OT');
    expect(normalizeClaim({ discipline: 'PT', renderedBy: 'COTA', lines: [] }).claim.discipline).toBe('PT');
    expect(normalizeClaim({ renderedBy: 'assistant', lines: [] }).claim.discipline).toBeNull();
  });

  test('what catalog rules explain is kept for them, without input/unreadable', () => {
    const { claim, findings } = normalizeClaim({
      diagnoses: ['back pain', '', 'i69351'],
      lines: [{ code: '9753', modifiers: 'GP ZZ goo', units: 'two', dxPointers: 'A, M, 20' }],
    });
    expect(findings).toEqual([]);
    expect(claim.diagnoses).toEqual(['BACKPAIN', null, 'I69.351']);
    expect(claim.lines[0]).toMatchObject({
      code: null,
      modifiers: ['GP', 'ZZ', 'GOO'],
      units: null,
      dxPointers: [0],
      dxPointerErrors: ['M', '20'],
      raw: { code: '9753', units: 'two' },
    });
  });

  test('units are kept as read even when invalid (units/invalid words them)', () => {
    const { claim } = normalizeClaim({ lines: [{ units: '0' }, { units: -1 }, { units: '2.5' }, {}] });
    expect(claim.lines.map((l) => l.units)).toEqual([0, -1, 2.5, null]);
  });

  test('fields without a catalog rule report input/unreadable, with field and line', () => {
    const { claim, findings } = normalizeClaim({
      payer: 'medicare',
      dateOfService: '13/45/2026',
      placeOfService: 'Office',
      discipline: 'chiropractic',
      renderedBy: 'aide',
      ytdTherapyCharges: { PT_SLP: 'lots', OT: 10 },
      lines: [
        {
          code: '97110',
          minutes: 'half an hour',
          charge: 'free',
          dateOfService: 'today',
          placeOfService: 'x',
        },
      ],
    });
    expect(unreadable(findings)).toEqual([
      ['dateOfService', null],
      ['placeOfService', null],
      ['renderedBy', null],
      ['discipline', null],
      ['ytdTherapyCharges', null],
      ['minutes', 0],
      ['charge', 0],
      ['dateOfService', 0],
      ['placeOfService', 0],
    ]);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expect(f.source).toMatch(/\S/);
    }
    expect(findings.find((f) => f.field === 'minutes')?.message).toContain('"half an hour"');
    expect(claim).toMatchObject({ dateOfService: null, discipline: null, renderedBy: null });
    expect(claim.ytdTherapyCharges).toEqual({ PT_SLP: null, OT: 10 });
    expect(claim.lines[0]).toMatchObject({ minutes: null, charge: null, dateOfService: null });
  });

  test('a line without its own date or place takes the claim’s; its own wins when readable', () => {
    const { claim } = normalizeClaim({
      dateOfService: '2026-03-04',
      placeOfService: '11',
      lines: [{ code: '97110' }, { code: '97110', dateOfService: '03/05/2026', placeOfService: '10' }],
    });
    expect(claim.lines.map((l) => [l.dateOfService, l.placeOfService])).toEqual([
      ['2026-03-04', '11'],
      ['2026-03-05', '10'],
    ]);
  });

  test('missing fields are null, with no finding: the rules say what they could not check', () => {
    const { claim, findings } = normalizeClaim({ lines: [{}] });
    expect(findings).toEqual([]);
    expect(claim).toMatchObject({ payer: null, dateOfService: null, ytdTherapyCharges: null, diagnoses: [] });
    expect(claim.lines[0]).toMatchObject({
      code: null,
      modifiers: [],
      units: null,
      minutes: null,
      dxPointers: [],
    });
  });

  test('never throws, whatever it is given', { timeout: 30_000 }, () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant(''));
    const line = fc.dictionary(
      fc.constantFrom('code', 'modifiers', 'units', 'minutes', 'dxPointers', 'charge', 'dateOfService'),
      fc.oneof(leaf, fc.array(leaf)),
    );
    const rawClaim = fc.record({
      dateOfService: leaf,
      discipline: leaf,
      renderedBy: leaf,
      diagnoses: fc.oneof(leaf, fc.array(leaf)),
      ytdTherapyCharges: fc.oneof(fc.constant(null), fc.record({ PT_SLP: leaf, OT: leaf })),
      lines: fc.array(line, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.oneof(rawClaim, fc.anything()), (raw) => {
        const { claim, findings } = normalizeClaim(raw as RawClaim);
        expect(Array.isArray(claim.lines)).toBe(true);
        for (const f of findings) expect(f.rule).toBe('input/unreadable');
      }),
    );
  });
});
