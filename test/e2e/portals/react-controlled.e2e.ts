import { expect, test } from 'vitest';
import { clickFix, hooks, hooksWhen, submitAnyway, submits } from '../support/portal';
import { portalSuite } from '../support/suite';

const ctx = portalSuite({
  page: 'react-controlled.html',
  deep: true,
  fix: { rule: 'modifier/discipline-missing', field: '[name="lines.2.mods"]', value: 'GP' },
});

test("a one-click fix is accepted by the page's own state (it survives the page's re-render)", async () => {
  await ctx.reload();
  await clickFix(ctx.frame, 'modifier/discipline-missing');
  await expect.poll(() => ctx.frame.locator('[name="lines.2.mods"]').inputValue()).toBe('GP');
  // Adding a line makes the page render every row from its state: an ignored write would revert.
  await ctx.frame.locator('#add-line').click();
  await expect.poll(() => ctx.frame.locator('[name="lines.3.code"]').count()).toBe(1);
  expect(await ctx.frame.locator('[name="lines.2.mods"]').inputValue()).toBe('GP');
  const h = await hooks(ctx.frame);
  expect(h.findings.some((f) => f.rule === 'modifier/discipline-missing' && f.line === 2)).toBe(false);
});

test("the page's own scripts keep working: typing, add line, remove line, submit", async () => {
  await ctx.reload();
  await ctx.frame.locator('[name="lines.0.minutes"]').fill('38');
  await hooksWhen(ctx.frame, (h) => h.claim.lines[0]?.minutes === '38');
  await ctx.frame.locator('#add-line').click();
  await ctx.frame.locator('[name="lines.3.code"]').fill('97112');
  await ctx.frame.locator('[name="lines.3.mods"]').fill('GP');
  await hooksWhen(ctx.frame, (h) => h.claim.lines.length === 4);
  await ctx.frame.locator('.remove').last().click();
  await hooksWhen(ctx.frame, (h) => h.claim.lines.length === 3);
  expect((await hooks(ctx.frame)).claim.lines.length).toBe(3);
  await ctx.submit().click();
  await submitAnyway(ctx.frame);
  expect(await submits(ctx.frame)).toBe(1);
  await expect.poll(() => ctx.frame.locator('.status').textContent()).toBe('Submitted');
});
