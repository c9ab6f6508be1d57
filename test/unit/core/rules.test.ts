import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/core/check';
import { INTERNAL_SOURCE } from '../../../src/core/rules/run';
import { CASE_TABLES } from './cases';
import { matches, summary } from './match';

const GARBLED = /\b(a|an|the) (a|an|the|who|which)\b/i;

describe.each(Object.entries(CASE_TABLES))('%s rules', (_family, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const findings = checkClaim(c.claim, c.options);
    // Every case is a readable claim: a quiet rule must be quiet because the claim is right, not
    // because the claim was unreadable or a rule failed.
    expect(
      summary(findings.filter((f) => f.rule === 'input/unreadable' || f.source === INTERNAL_SOURCE)),
    ).toEqual([]);
    for (const e of c.fires ?? []) {
      expect(
        findings.some((f) => matches(f, e)),
        `expected ${JSON.stringify(e)} in\n${summary(findings).join('\n')}`,
      ).toBe(true);
    }
    // Messages are built from templates: a template that doubles an article or drops a noun
    // ("only for a an occupational therapy assistant", "The who rendered...") reads as broken.
    for (const f of findings) expect(f.message).not.toMatch(GARBLED);
    for (const id of c.quiet ?? []) {
      expect(summary(findings.filter((f) => f.rule === id)), `${id} should stay quiet`).toEqual([]);
    }
  });
});
