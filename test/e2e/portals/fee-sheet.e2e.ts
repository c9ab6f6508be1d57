import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { HOST } from '../support/portal';
import { portalSuite } from '../support/suite';

/** The innermost frame (outer page → srcdoc shell → fee-sheet-lines.html) holds the charges. */
async function linesFrame(page: Page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().endsWith('fee-sheet-lines.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the fee-sheet lines frame never loaded');
}

const ctx = portalSuite({
  page: 'fee-sheet.html',
  frame: linesFrame,
  deep: true,
  fix: { rule: 'units/exceeds-minutes', field: '[name="svc[0][units]"]', value: '2' },
});

test('the outer page and the srcdoc shell have no charge fields: no overlay, no marks there', async () => {
  await ctx.reload();
  const others = ctx.page.frames().filter((f) => f !== ctx.frame);
  expect(others.length).toBe(2);
  for (const frame of others) {
    expect(await frame.locator(HOST).count()).toBe(0);
    expect(await frame.locator('[data-cg-role]').count()).toBe(0);
  }
});
