import { expect, test } from 'vitest';
import { guardShown, hooks } from '../support/portal';
import { portalSuite } from '../support/suite';

const ctx = portalSuite({
  page: 'decoys.html',
  fix: { rule: 'modifier/misplaced', field: '[data-cg-role="modifier"][data-cg-line="0"]', value: /^GO\W*$/ },
});

test('decoy forms are never read and never held, even with open errors', async () => {
  const h = await ctx.reload();
  expect(h.findings.some((f) => f.severity === 'error')).toBe(true);
  const decoyForms = await ctx.frame.evaluate(() => {
    const charge = document.querySelector('[data-cg-role="code"]')?.closest('form');
    return Array.from(document.forms).filter((f) => f !== charge).length;
  });
  expect(decoyForms).toBeGreaterThan(0);
  // Submitting each other form (search, code lookup, note) is the page's business.
  const held = await ctx.frame.evaluate(() => {
    const charge = document.querySelector('[data-cg-role="code"]')?.closest('form');
    let reached = 0;
    for (const form of Array.from(document.forms)) {
      if (form === charge) continue;
      const count = (e: Event) => {
        e.preventDefault();
        reached++;
      };
      form.addEventListener('submit', count, { once: true });
      form.requestSubmit();
    }
    return reached;
  });
  expect(held).toBe(decoyForms);
  expect(await guardShown(ctx.frame)).toBe(false);
  expect((await hooks(ctx.frame)).claim.lines).toHaveLength(2);
});
