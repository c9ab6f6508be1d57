import { expect, test } from 'vitest';
import { rulesTable } from '../../../scripts/rules-table';
import { RULE_IDS } from '../../../src/core/finding';

test('the README rules table has one row per catalog id, with a severity per built-in profile', () => {
  const rows = rulesTable().split('\n').slice(2);
  expect(rows).toHaveLength(RULE_IDS.length);
  for (const id of RULE_IDS) expect(rows.some((r) => r.startsWith(`| \`${id}\` |`))).toBe(true);
  const kx = rows.find((r) => r.startsWith('| `modifier/kx-required` |'))!.split(' | ');
  // columns: rule, summary, medicare, medicare-advantage, medicaid, commercial, source
  expect(kx.slice(2, 6)).toEqual(['error', 'info', 'off', 'off']);
});
