import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import { describeDx } from '../../../src/core/data/dx';
import { KX_THRESHOLDS, kxThresholdFor } from '../../../src/core/data/kx';
import { NCCI_NON_PAIRS, NCCI_PAIRS } from '../../../src/core/data/ncci';
import { summary } from './match';

const ids = (claim: unknown) => [...new Set(checkClaim(claim).map((f) => f.rule))].sort();
const loud = (claim: unknown) => checkClaim(claim).filter((f) => f.severity !== 'info');

/** Three coding examples as published billing guides present them, checked the way a careful biller would. */
describe('coding examples from published guides', () => {
  test('97535-GO ×2 for 30 minutes after a hip replacement is clean', () => {
    const claim = {
      payer: 'medicare',
      dateOfService: '2026-02-03',
      placeOfService: '11',
      discipline: 'OT',
      ytdTherapyCharges: { PT_SLP: 0, OT: 410 },
      diagnoses: ['Z96.641', 'Z47.1'],
      lines: [
        { code: '97535', modifiers: ['GO'], units: 2, minutes: 30, dxPointers: ['A', 'B'], charge: 96 },
      ],
    };
    expect(summary(checkClaim(claim))).toEqual([]);
  });

  describe('OT evaluation plus 97535 for 20 minutes after a stroke', () => {
    const base = {
      payer: 'medicare',
      dateOfService: '2026-02-03',
      placeOfService: '11',
      ytdTherapyCharges: { PT_SLP: 0, OT: 0 },
      diagnoses: ['I69.351', 'Z74.09'],
    };
    const evaluation = {
      code: '97166',
      modifiers: ['GO'],
      units: 1,
      minutes: 45,
      dxPointers: ['A', 'B'],
      charge: 150,
    };
    const selfCare = (modifiers: string[], units: number) => ({
      code: '97535',
      modifiers,
      units,
      minutes: 20,
      dxPointers: ['A', 'B'],
      charge: 48 * units,
    });

    test('right: GO on both lines, 1 unit for 20 minutes, no 59, Z74.09 beside the stroke code', () => {
      expect(summary(checkClaim({ ...base, lines: [evaluation, selfCare(['GO'], 1)] }))).toEqual([]);
    });
    test('wrong: 2 units for 20 minutes (20 minutes is 8–22: one unit)', () => {
      expect(ids({ ...base, lines: [evaluation, selfCare(['GO'], 2)] })).toEqual(['units/exceeds-minutes']);
    });
    test('wrong: 59 on 97535 beside the OT evaluation: no edit pairs them, so 59 is flagged, not demanded', () => {
      const findings = checkClaim({ ...base, lines: [evaluation, selfCare(['GO', '59'], 1)] });
      expect(findings.map((f) => f.rule)).toEqual(['modifier/misplaced']);
      // A warning, as for every 59/X with no code-pair partner that day (audit defect 14).
      expect(findings[0]?.severity).toBe('warning');
      expect(findings[0]?.fix).toEqual({ line: 1, removeModifier: '59' });
    });
    test('wrong: GP on 97535 beside an OT evaluation', () => {
      expect(ids({ ...base, lines: [evaluation, selfCare(['GP'], 1)] })).toContain(
        'modifier/discipline-conflict',
      );
    });
    test('the explanation of the stroke codes gets laterality right: I69.352 is the LEFT DOMINANT side', () => {
      expect(describeDx('I69.352')).toMatch(/left dominant side/);
      expect(describeDx('I69.352')).not.toMatch(/non-dominant/);
      expect(describeDx('I69.354')).toMatch(/left non-dominant side/);
    });
  });

  describe('97535 with KX for a patient with multiple sclerosis', () => {
    const claim = (extra: Record<string, unknown>) => ({
      payer: 'medicare',
      dateOfService: '2025-11-03',
      placeOfService: '11',
      discipline: 'OT',
      diagnoses: ['G35'],
      lines: [
        { code: '97535', modifiers: ['GO', 'KX'], units: 2, minutes: 30, dxPointers: ['A'], charge: 96 },
      ],
      ...extra,
    });
    test('G35 after 2025-10-01 is not billable, and KX cannot be judged without year-to-date amounts', () => {
      const findings = checkClaim(claim({}));
      expect(loud(claim({})).map((f) => f.rule)).toEqual(['dx/not-billable']);
      const skipped = findings.filter((f) => f.rule === 'check/skipped');
      expect(skipped).toHaveLength(1);
      expect(skipped[0]?.field).toBe('ytdTherapyCharges');
    });
    test('with OT year-to-date over $2,410, KX is right; under it, KX is unsupported', () => {
      expect(ids(claim({ diagnoses: ['G35.D'], ytdTherapyCharges: { PT_SLP: 0, OT: 2500 } }))).toEqual([]);
      expect(ids(claim({ diagnoses: ['G35.D'], ytdTherapyCharges: { PT_SLP: 0, OT: 1000 } }))).toEqual([
        'modifier/kx-unsupported',
      ]);
    });
  });
});

/** Facts file, "Known errors in common guides": our data and rules must not repeat them. */
describe('errors common guides make, which we must not', () => {
  test('the 2025 KX threshold is $2,410, not $2,230 or $2,240', () => {
    expect(kxThresholdFor('2025-07-01')?.amount).toBe(2410);
    expect(KX_THRESHOLDS.map((t) => t.amount)).not.toContain(2240);
    expect(kxThresholdFor('2023-07-01')?.amount).toBe(2230);
  });
  test('CO with GN is an error (there is no SLP-assistant modifier)', () => {
    const findings = checkClaim({
      payer: 'medicare',
      dateOfService: '2026-01-05',
      diagnoses: ['R13.12'],
      lines: [{ code: '92526', modifiers: ['GN', 'CO'], units: 1, dxPointers: ['A'] }],
    });
    expect(findings.some((f) => f.rule === 'modifier/assistant' && f.severity === 'error')).toBe(true);
  });
  test('I69.352 is left dominant', () => {
    expect(describeDx('I69.352')).toContain('left dominant');
  });
  test('no 59 demanded for 97535 + 97530, nor 97530 + 97110', () => {
    const pairKeys = NCCI_PAIRS.map((p) => `${p.column1}|${p.column2}`);
    for (const { codes } of NCCI_NON_PAIRS) {
      expect(pairKeys).not.toContain(`${codes[0]}|${codes[1]}`);
      expect(pairKeys).not.toContain(`${codes[1]}|${codes[0]}`);
    }
    const claim = {
      payer: 'medicare',
      dateOfService: '2026-01-05',
      discipline: 'OT',
      ytdTherapyCharges: { PT_SLP: 0, OT: 100 },
      diagnoses: ['I69.351'],
      lines: [
        { code: '97535', modifiers: ['GO'], units: 1, minutes: 15, dxPointers: ['A'], charge: 48 },
        { code: '97530', modifiers: ['GO'], units: 1, minutes: 15, dxPointers: ['A'], charge: 40 },
      ],
    };
    expect(summary(checkClaim(claim))).toEqual([]);
  });
  test('G35 is not billable from 2025-10-01', () => {
    const claim = (dateOfService: string) => ({
      payer: 'medicare',
      dateOfService,
      diagnoses: ['G35'],
      lines: [{ code: '97110', modifiers: ['GP'], units: 1, minutes: 15, dxPointers: ['A'] }],
    });
    expect(ids(claim('2025-10-01'))).toContain('dx/not-billable');
    expect(ids(claim('2025-09-30'))).not.toContain('dx/not-billable');
  });
});
