import { describe, expect, test } from 'vitest';
import { checkClaim } from '../check';
import { MEMO_LIMIT } from '../normalize/memo';
import { RULE_REGISTRY } from './index';
import { citeOnce } from './ncci';

const MLN = 'Proper Use of Modifier 59';

function pairClaim(first: string, second: string) {
  const line = (code: string) => ({
    code,
    modifiers: [code === '97168' ? 'GO' : 'GP'],
    units: 1,
    minutes: 15,
    dxPointers: ['A'],
  });
  return {
    payer: 'medicare',
    dateOfService: '2025-06-02',
    diagnoses: ['M17.11'],
    lines: [line(first), line(second)],
  };
}

function parts(source: string): string[] {
  return source.split(';').map((p) => p.trim());
}

/** Facts §6: only the 97140/97530 row comes from the MLN modifier-59 sheet (example 9). */
describe('NCCI citations: each source once, the MLN sheet only for the row it documents', () => {
  test.each([
    ['97140', '97530', true],
    ['97530', '97168', false],
    ['97162', '97140', false],
    ['97150', '97164', false],
  ])('%s with %s (MLN cited: %s)', (first, second, citesMln) => {
    const found = checkClaim(pairClaim(first, second)).filter((f) => f.rule === 'ncci/pair-needs-modifier');
    expect(found).toHaveLength(1);
    const cited = parts(found[0]!.source);
    expect(new Set(cited).size).toBe(cited.length);
    expect(cited.filter((p) => /ptp/i.test(p) && !/evaluation/i.test(p))).toHaveLength(1);
    expect(cited.filter((p) => p.includes('NCCI Policy Manual'))).toHaveLength(1);
    expect(found[0]!.source.includes(MLN)).toBe(citesMln);
  });

  test('the catalog entry names the NCCI Policy Manual once', () => {
    const source = RULE_REGISTRY.get('ncci/pair-needs-modifier')!.source;
    expect(parts(source).filter((p) => p.includes('NCCI Policy Manual'))).toHaveLength(1);
  });

  test.each([
    [['a; b', 'b; c'], 'a; b; c'],
    [
      ['CMS NCCI practitioner procedure-to-procedure (PTP) edits', 'NCCI practitioner PTP edits'],
      'CMS NCCI practitioner procedure-to-procedure (PTP) edits',
    ],
    [['a', ''], 'a'],
    // Remembered answers keep the sources apart: these two must not share one.
    [['ab', 'c'], 'ab; c'],
    [['a', 'bc'], 'a; bc'],
  ])('citeOnce(%j) = %s', (sources, expected) => {
    expect(citeOnce(...sources)).toBe(expected);
    expect(citeOnce(...sources)).toBe(expected); // the second answer is the remembered one
  });

  test('citeOnce answers right past the bound on what it remembers', () => {
    for (let i = 0; i <= MEMO_LIMIT + 1; i++) expect(citeOnce(`s${i}`, `s${i}; t`)).toBe(`s${i}; t`);
  });
});
