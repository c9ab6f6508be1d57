import { expect, test } from 'vitest';
import { checkClaim } from '../check';

const line = (code: string, modifiers: string[]) => ({
  code,
  modifiers,
  units: 1,
  minutes: 15,
  dxPointers: ['A'],
});

/**
 * Audit issue 2, defect 14: the "59 with no edit" finding used to name the line's own code as
 * the code it needs no edit with ("no code-pair edit needs it with 97110" on a 97110 line).
 */
test.each([
  [[line('97110', ['GP', '59']), line('97110', ['GP'])]],
  [[line('97110', ['GP', '59'])]],
  [[line('97530', ['GP', '59']), line('97110', ['GP'])]],
])('the 59/X finding never names its own code as a partner (%#)', (lines) => {
  const found = checkClaim({
    payer: 'medicare',
    dateOfService: '2025-06-02',
    diagnoses: ['M17.11'],
    lines,
  }).filter((f) => f.rule === 'modifier/misplaced');
  expect(found).toHaveLength(1);
  const own = lines[found[0]!.line!]!.code;
  expect(found[0]!.message).not.toContain(own);
});
