import { describe, expect, test } from 'vitest';
import { CASE_TABLES } from '../../test/unit/core/cases';
import { RULE_IDS } from './finding';
import { RULE_REGISTRY, RULES } from './rules';

/**
 * Every catalog id is implemented, documented and tested both ways. Coverage is read from the
 * rule tables themselves (test/unit/core/cases), which rules.test.ts runs, so it cannot drift.
 */
const allCases = Object.values(CASE_TABLES).flat();

describe.each(RULE_IDS.map((id) => [id]))('%s', (id) => {
  test('is registered by exactly one family, with a summary, a default severity and a source', () => {
    const owners = RULES.filter((r) => r.ids.includes(id));
    expect(owners.map((r) => r.family)).toHaveLength(1);
    const meta = RULE_REGISTRY.get(id);
    expect(meta?.summary.length).toBeGreaterThan(10);
    expect(['error', 'warning', 'info']).toContain(meta?.severity);
    expect(meta?.source.length).toBeGreaterThan(5);
  });

  test('has a case where it fires and a case where it stays quiet', () => {
    expect(allCases.some((c) => c.fires?.some((e) => e.rule === id))).toBe(true);
    expect(allCases.some((c) => c.quiet?.includes(id))).toBe(true);
  });
});

test('the registry holds no id outside the catalog', () => {
  expect([...RULE_REGISTRY.keys()].filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  expect(RULE_REGISTRY.size).toBe(RULE_IDS.length);
});
