import { expect, test } from 'vitest';
import type { Finding } from '../core/finding';
import { announceNewErrors } from './announce';
import { countBySeverity, findingKey, fixLabel, groupByLine, shortLabel, worstSeverity } from './summary';

const f = (rule: Finding['rule'], severity: Finding['severity'], line?: number): Finding => ({
  rule,
  severity,
  ...(line === undefined ? {} : { line }),
  message: `${rule} message`,
  source: 'CMS Pub. 100-04, ch. 5, §20',
});

test('counts and worst severity', () => {
  const list = [f('dx/avoid', 'warning'), f('units/invalid', 'error', 0), f('check/skipped', 'info')];
  expect(countBySeverity(list)).toEqual({ error: 1, warning: 1, info: 1 });
  expect(worstSeverity(list)).toBe('error');
  expect(worstSeverity([])).toBeNull();
});

test('groups: those with errors first, then whole claim before lines, errors first inside a line', () => {
  const groups = groupByLine([
    f('units/under-billed', 'warning', 1),
    f('modifier/discipline-missing', 'error', 1),
    f('units/invalid', 'error', 0),
    f('dx/avoid', 'warning'),
    f('units/under-billed', 'warning', 2),
    f('check/skipped', 'info'),
  ]);
  expect(groups.map((g) => g.line)).toEqual([0, 1, null, 2]);
  expect(groups[2]!.findings.map((x) => x.rule)).toEqual(['dx/avoid', 'check/skipped']);
  expect(groups[1]!.findings.map((x) => x.rule)).toEqual([
    'modifier/discipline-missing',
    'units/under-billed',
  ]);
});

test('fix labels say what will be written', () => {
  expect(fixLabel({ line: 0, addModifier: 'GO' })).toBe('Add GO');
  expect(fixLabel({ line: 0, removeModifier: '25' })).toBe('Remove 25');
  expect(fixLabel({ line: 0, replaceModifier: { from: 'GP', to: 'GO' } })).toBe('Change GP to GO');
  expect(fixLabel({ line: 1, setUnits: 2 })).toBe('Set units to 2');
  expect(fixLabel({ diagnosis: 0, setDiagnosis: 'M54.50' })).toBe('Use M54.50');
});

test('badge labels name the rule family', () => {
  expect(shortLabel('modifier/discipline-missing')).toBe('GP/GO/GN');
  expect(shortLabel('units/exceeds-minutes')).toBe('Units');
  expect(shortLabel('ncci/pair-needs-modifier')).toBe('Code pair');
});

test('the live region announces only errors that are new', () => {
  const a = f('modifier/discipline-missing', 'error', 0);
  const b = f('units/exceeds-minutes', 'error', 1);
  const first = announceNewErrors([a, f('dx/avoid', 'warning')], new Set());
  expect(first.text).toContain('line 1');
  const again = announceNewErrors([a], first.seen);
  expect(again.text).toBe('');
  const more = announceNewErrors([a, b], again.seen);
  expect(more.text).toContain('line 2');
  expect(more.seen.has(findingKey(b))).toBe(true);
});
