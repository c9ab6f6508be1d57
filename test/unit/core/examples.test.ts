import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import type { RuleId } from '../../../src/core/finding';
import { summary } from './match';

const DIR = join(import.meta.dirname, '../../../examples/claims');

/** Each example file and the exact rule ids a careful biller expects from it ([]: clean). */
const EXPECTED: Record<string, RuleId[]> = {
  'clean-pt-medicare.json': [],
  'clean-ot-commercial-ama.json': [],
  'units-over-minutes.json': ['units/exceeds-minutes'],
  'missing-go.json': ['modifier/discipline-missing'],
  'kx-over-threshold.json': ['modifier/kx-required'],
  'g35-after-2025-10-01.json': ['dx/not-billable'],
  'ncci-97140-97530-no-59.json': ['ncci/pair-needs-modifier'],
  'telehealth-pos10-no-95-commercial.json': ['telehealth/pos-modifier'],
  // CMS §20.2: 44 min = 3 units; the third is tied between the codes and 97140 already holds it.
  'units-tie-settled-medicare.json': ['units/under-billed'],
  // 30 min = 2 units over three codes: the 0-unit line is right, and only an info says to leave it off.
  'zero-unit-line-medicare.json': ['units/allocation'],
};

test('every example file has an expectation, and every expectation a file', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.entries(EXPECTED))('%s gives exactly %j', (file, ids) => {
  const claim: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const findings = checkClaim(claim);
  const got = [...new Set(findings.map((f) => f.rule))].sort();
  expect(got, summary(findings).join('\n')).toEqual([...ids].sort());
  if (ids.length === 0) expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('the fixes in the faulty examples are the ones a biller would apply', () => {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  expect(checkClaim(read('units-over-minutes.json'))[0]?.fix).toEqual({ line: 0, setUnits: 2 });
  expect(checkClaim(read('missing-go.json'))[0]?.fix).toEqual({ line: 1, addModifier: 'GO' });
  expect(checkClaim(read('kx-over-threshold.json')).map((f) => f.fix)).toEqual([
    { line: 0, addModifier: 'KX' },
    { line: 1, addModifier: 'KX' },
  ]);
  expect(checkClaim(read('ncci-97140-97530-no-59.json'))[0]?.fix).toBeUndefined();
  expect(checkClaim(read('units-tie-settled-medicare.json'))[0]?.fix).toEqual({ line: 0, setUnits: 2 });
  expect(checkClaim(read('zero-unit-line-medicare.json'))).toMatchObject([
    { rule: 'units/allocation', severity: 'info', line: 1 },
  ]);
  expect(checkClaim(read('zero-unit-line-medicare.json'))[0]?.fix).toBeUndefined();
  expect(checkClaim(read('telehealth-pos10-no-95-commercial.json'))[0]?.fix).toEqual({
    line: 0,
    addModifier: '95',
  });
});
