import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickFix, hooks, hooksWhen } from '../support/portal';
import { portalSuite } from '../support/suite';

/** This page's data is clean; removing line 1's GP makes an error the guard can hold. */
async function dropDiscipline(frame: Frame | Page) {
  await frame.locator('[data-cg-role="modifier"][data-cg-line="0"]').fill('');
}

const ctx = portalSuite({ page: 'web-components.html', deep: true, makeError: dropDiscipline });

test('clean data shows no errors (G35.A is the FY2026 MS code; 97164 untimed without minutes)', async () => {
  const h = await ctx.reload();
  expect(h.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('fields inside nested shadow roots are fixed in place', async () => {
  await ctx.reload();
  await dropDiscipline(ctx.frame);
  await hooksWhen(ctx.frame, (h) => h.findings.some((f) => f.rule === 'modifier/discipline-missing'));
  await clickFix(ctx.frame, 'modifier/discipline-missing');
  await expect
    .poll(() => ctx.frame.locator('[data-cg-role="modifier"][data-cg-line="0"]').inputValue())
    .toBe('GP');
  await hooksWhen(ctx.frame, (x) => !x.findings.some((f) => f.rule === 'modifier/discipline-missing'));
  expect((await hooks(ctx.frame)).findings.some((f) => f.severity === 'error')).toBe(false);
});
