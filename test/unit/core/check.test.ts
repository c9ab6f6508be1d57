import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import type { Claim } from '../../../src/core/claim';
import { normalizeClaim } from '../../../src/core/normalize-claim';
import { parseClaim } from '../../../src/core/parse-claim';
import { resolveProfile } from '../../../src/core/profile';
import { BUILT_IN_LOOKUP } from '../../../src/core/rules/context';
import { INTERNAL_SOURCE, runRules } from '../../../src/core/rules/run';
import { claim, line } from './claims';

const ids = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('choosing the payer profile', () => {
  // 97110 20 + 97140 18 min billed 2 + 1: right under CMS (3 units), over under AMA (2).
  const visit = (payer: unknown) =>
    claim([line('97110', ['GP'], 2, 20), line('97140', ['GP'], 1, 18)], { payer });

  test('options.profile wins over the claim payer', () => {
    expect(ids(checkClaim(visit('medicare'), { profile: 'commercial' }))).toContain('units/exceeds-minutes');
    expect(ids(checkClaim(visit('commercial'), { profile: 'medicare' }))).not.toContain(
      'units/exceeds-minutes',
    );
  });

  test('the claim payer is read as id, name or payer text', () => {
    expect(ids(checkClaim(visit('Aetna Choice POS II')))).toContain('units/exceeds-minutes');
    expect(ids(checkClaim(visit('Medicare Part B')))).not.toContain('units/exceeds-minutes');
  });

  test('unknown or missing payer: Medicare, and one info finding says so', () => {
    for (const payer of [undefined, 'Self pay']) {
      const findings = checkClaim(visit(payer));
      const notes = findings.filter((f) => f.rule === 'check/skipped' && f.field === 'payer');
      expect(notes).toHaveLength(1);
      expect(notes[0]?.severity).toBe('info');
    }
    expect(checkClaim(visit('medicare')).filter((f) => f.field === 'payer')).toEqual([]);
  });

  test('a custom profile: severity overrides and off', () => {
    const base = resolveProfile('medicare');
    const quiet = {
      ...base,
      id: 'quiet',
      name: 'Quiet',
      builtIn: false,
      severity: { 'units/exceeds-minutes': 'off' as const },
    };
    const loud = {
      ...base,
      id: 'loud',
      name: 'Loud',
      builtIn: false,
      severity: { 'dx/avoid': 'error' as const },
    };
    const over = claim([line('97110', ['GP'], 3, 20)], { payer: 'quiet', diagnoses: ['R69'] });
    expect(ids(checkClaim(over, { customProfiles: [quiet] }))).not.toContain('units/exceeds-minutes');
    expect(ids(checkClaim(over))).toContain('units/exceeds-minutes');
    const avoid = checkClaim(over, { profile: loud }).find((f) => f.rule === 'dx/avoid');
    expect(avoid?.severity).toBe('error');
  });

  test('a profile object that is not a valid profile falls back to Medicare with a note', () => {
    const findings = checkClaim(visit(undefined), { profile: { id: 'x' } as never });
    expect(findings.some((f) => f.field === 'payer')).toBe(true);
  });
});

test('findings are sorted by line, then severity, claim-level last', () => {
  const findings = checkClaim(
    claim([line('97110', ['GP'], 3, 20), line('97140', [], 1, 20, { dxPointers: ['C'] })], {
      diagnoses: ['R69'],
    }),
  );
  const order = findings.map((f) => [
    f.line ?? Number.POSITIVE_INFINITY,
    { error: 0, warning: 1, info: 2 }[f.severity],
  ]);
  const sorted = [...order].sort(
    (a, b) => (a[0]! as number) - (b[0]! as number) || (a[1]! as number) - (b[1]! as number),
  );
  expect(order).toEqual(sorted);
  expect(findings.at(-1)?.line).toBeUndefined();
});

test('not a claim: one input/unreadable error naming the field', () => {
  const findings = checkClaim({ lines: [1] });
  expect(ids(findings)).toEqual(['input/unreadable']);
  expect(findings[0]?.message).toContain('lines[0]');
  expect(ids(checkClaim('hello'))).toEqual(['input/unreadable']);
});

test('a rule that throws becomes one internal info finding, and the other rules still run', () => {
  const parsed = parseClaim(claim([line('97110', ['GP'], 3, 20)]));
  if (!parsed.ok) throw new Error(parsed.error);
  const normal = normalizeClaim(parsed.claim).claim;
  const broken: Claim = Object.defineProperty({ ...normal }, 'diagnoses', {
    get() {
      throw new Error('boom');
    },
  });
  const findings = runRules(broken, resolveProfile('medicare'), BUILT_IN_LOOKUP);
  expect(ids(findings)).toContain('units/exceeds-minutes');
  const internal = findings.filter((f) => f.source === INTERNAL_SOURCE);
  expect(internal).toHaveLength(1);
  expect(internal[0]).toMatchObject({ rule: 'check/skipped', severity: 'info' });
});

test('findings that used an edit table carry its version', () => {
  const pair = checkClaim(claim([line('97140', ['GP'], 1, 15), line('97530', ['GP'], 1, 15)])).find(
    (f) => f.rule === 'ncci/pair-needs-modifier',
  );
  expect(pair?.dataVersion).toBe('built-in, documented pairs');
  const loaded = checkClaim(claim([line('97140', ['GP'], 1, 15), line('97530', ['GP'], 1, 15)]), {
    tables: {
      ncci: {
        version: 'CMS PTP 2026Q1',
        pairs: [
          {
            column1: '97140',
            column2: '97530',
            modifierIndicator: 1,
            effective: '2020-01-01',
            deleted: null,
            source: 'CMS',
          },
        ],
      },
    },
  }).find((f) => f.rule === 'ncci/pair-needs-modifier');
  expect(loaded?.dataVersion).toBe('CMS PTP 2026Q1');
});

test('no patient values leak into anything but the message: sources and ids are fixed text', () => {
  const findings = checkClaim(claim([line('97110', ['GP', 'ZZ'], 3, 20)], { diagnoses: ['R69', 'XYZ123'] }));
  for (const f of findings) {
    expect(f.source).not.toContain('XYZ123');
    expect(f.source).not.toContain('ZZ');
  }
});

describe('what could not be checked is said once, never guessed', () => {
  const skipped = (input: unknown, field: string) =>
    checkClaim(input).filter((f) => f.rule === 'check/skipped' && f.field === field);

  test('KX: one finding for missing year-to-date and missing charges together', () => {
    const input = claim(
      [line('97110', ['GP'], 1, 15, { charge: null }), line('97535', ['GO'], 1, 15, { charge: null })],
      {
        ytdTherapyCharges: null,
      },
    );
    expect(skipped(input, 'ytdTherapyCharges')).toHaveLength(1);
    expect(
      ids(checkClaim(input)).filter((id) => id.startsWith('modifier/kx') || id.includes('review')),
    ).toEqual([]);
  });

  test('KX: a charge missing while year-to-date is under the threshold', () => {
    const input = claim([line('97110', ['GP'], 1, 15, { charge: '' })], {
      ytdTherapyCharges: { PT_SLP: 2400, OT: 0 },
    });
    expect(skipped(input, 'ytdTherapyCharges')).toHaveLength(1);
    expect(ids(checkClaim(input))).not.toContain('modifier/kx-required');
  });

  test('units: one finding for all lines without minutes', () => {
    const input = claim([
      line('97110', ['GP'], 2, null),
      line('97112', ['GP'], 1, ''),
      line('97161', ['GP'], 1, null),
    ]);
    const notes = skipped(input, 'minutes');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toContain('line 1, line 2');
    expect(notes[0]?.message).not.toContain('line 3');
  });

  test('diagnosis dates: a date-dependent code without a date of service', () => {
    const input = {
      diagnoses: ['G35'],
      lines: [{ code: '97110', modifiers: ['GP'], units: 1, minutes: 15, dxPointers: ['A'] }],
    };
    expect(skipped(input, 'dateOfService')).toHaveLength(1);
    expect(ids(checkClaim(input))).not.toContain('dx/not-billable');
  });
});
