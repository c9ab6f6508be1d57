import { expect, test } from 'vitest';
import { guardShown, HOST, hooksWhen, submitAnyway, submits } from '../support/portal';
import { portalSuite } from '../support/suite';

const ctx = portalSuite({
  page: 'cms1500.html',
  deep: true,
  fix: {
    rule: 'modifier/discipline-missing',
    field: '[data-cg-role="modifier"][data-cg-line="1"]',
    value: 'GO',
  },
});

test('the units fix sets the units the minutes support', async () => {
  await ctx.reload();
  await ctx.frame.locator(`${HOST} .cg-toggle`).click();
  await ctx.frame.locator(`${HOST} .cg-panel [data-cg-fix="units/exceeds-minutes"]`).first().click();
  await hooksWhen(ctx.frame, (h) => !h.findings.some((f) => f.rule === 'units/exceeds-minutes'));
  const units = Number(await ctx.frame.locator('[data-cg-role="units"][data-cg-line="2"]').inputValue());
  expect(units).toBeLessThan(3);
});

test('Enter in a charge field is held too, and released exactly once', async () => {
  await ctx.reload();
  await ctx.frame.locator('[data-cg-role="code"][data-cg-line="0"]').press('Enter');
  expect(await guardShown(ctx.frame)).toBe(true);
  expect(await submits(ctx.frame)).toBe(0);
  await submitAnyway(ctx.frame);
  expect(await submits(ctx.frame)).toBe(1);
  await expect.poll(() => ctx.frame.locator('#status').textContent()).toBe('Submitted');
});

test("the page's own scripts keep working: totals follow typing, Save draft is never held", async () => {
  await ctx.reload();
  const charge = ctx.frame.locator('[data-cg-role="charge"][data-cg-line="0"]');
  await charge.fill('120.00');
  await expect.poll(() => ctx.frame.locator('#total_charge').inputValue()).toBe('327.54');
  await ctx.frame.locator('#save-draft').click();
  expect(await ctx.frame.locator('#status').textContent()).toBe('Draft saved');
  expect(await guardShown(ctx.frame)).toBe(false);
});

test('with every error fixed, submit goes straight through', async () => {
  await ctx.reload();
  await ctx.frame.locator('[data-cg-role="modifier"][data-cg-line="1"]').first().fill('GO');
  await ctx.frame.locator('[data-cg-role="units"][data-cg-line="2"]').fill('2');
  await hooksWhen(ctx.frame, (h) => !h.findings.some((f) => f.severity === 'error'));
  await ctx.submit().click();
  expect(await submits(ctx.frame)).toBe(1);
  expect(await guardShown(ctx.frame)).toBe(false);
});

test('the payer switcher re-checks under the chosen profile, for this page only', async () => {
  await ctx.reload();
  await ctx.frame.locator(`${HOST} .cg-toggle`).click();
  expect(await ctx.frame.locator(`${HOST} [data-cg-profile-select]`).inputValue()).toBe('medicare');
  await ctx.frame.locator(`${HOST} [data-cg-profile-select]`).selectOption('commercial');
  // Commercial payers: a missing GP/GO/GN is a warning, not an error (core profile data).
  await hooksWhen(ctx.frame, (h) =>
    h.findings.some((f) => f.rule === 'modifier/discipline-missing' && f.severity === 'warning'),
  );
  await ctx.reload();
  await ctx.frame.locator(`${HOST} .cg-toggle`).click();
  expect(await ctx.frame.locator(`${HOST} [data-cg-profile-select]`).inputValue()).toBe('medicare');
});

/** The page reloaded in a window short enough to scroll, with its units badge shown. */
async function reloadShort() {
  await ctx.reload();
  await ctx.page.setViewportSize({ width: 1280, height: 560 });
  return ctx.frame.locator(`${HOST} [data-cg-badge~="units/exceeds-minutes"]`);
}

test('badges follow their field when the page scrolls', async () => {
  const badge = await reloadShort();
  const field = ctx.frame.locator('[data-cg-role="units"][data-cg-line="2"]');
  const gap = async () => ((await badge.boundingBox())?.y ?? 0) - ((await field.boundingBox())?.y ?? 0);
  await expect.poll(() => badge.count()).toBe(1);
  const before = await gap();
  const fieldTop = (await field.boundingBox())?.y ?? 0;
  // Read in the first frame after the scroll: the badges' layer moves with the page at once,
  // before the overlay looks at the page again.
  const gapInScrollFrame = await ctx.frame.evaluate(async (host) => {
    window.scrollBy(0, 120);
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const badgeBox = document
      .querySelector(host)
      ?.shadowRoot?.querySelector('[data-cg-badge~="units/exceeds-minutes"]')
      ?.getBoundingClientRect();
    const fieldBox = document
      .querySelector('[data-cg-role="units"][data-cg-line="2"]')
      ?.getBoundingClientRect();
    return (badgeBox?.y ?? Number.NaN) - (fieldBox?.y ?? Number.NaN);
  }, HOST);
  expect(fieldTop - ((await field.boundingBox())?.y ?? 0)).toBeGreaterThan(50); // the page did scroll
  expect(gapInScrollFrame).toBeCloseTo(before, 0);
  await expect.poll(gap).toBeCloseTo(before, 0);
  await ctx.page.setViewportSize({ width: 1280, height: 900 });
});

test('a badge at a field that stays put on screen (position: fixed) stays with it while the page scrolls', async () => {
  const badge = await reloadShort();
  await expect.poll(() => badge.count()).toBe(1);
  const gapAfterScroll = (by: number) =>
    ctx.frame.evaluate(
      async ({ host, by }) => {
        window.scrollBy(0, by);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const wrap = document
          .querySelector(host)
          ?.shadowRoot?.querySelector('[data-cg-badge~="units/exceeds-minutes"]');
        const field = document.querySelector('[data-cg-role="units"][data-cg-line="2"]');
        return (
          (wrap?.getBoundingClientRect().y ?? Number.NaN) - (field?.getBoundingClientRect().y ?? Number.NaN)
        );
      },
      { host: HOST, by },
    );
  await ctx.frame.evaluate(() => {
    const field = document.querySelector<HTMLElement>('[data-cg-role="units"][data-cg-line="2"]')!;
    Object.assign(field.style, { position: 'fixed', top: '200px', left: '400px' });
  });
  // Looks after two scrolls: the first sees the field's new place, the second that it stayed put.
  for (const by of [30, 30]) {
    await gapAfterScroll(by);
    await ctx.page.waitForTimeout(250);
  }
  const settledGap = await gapAfterScroll(0);
  expect(await gapAfterScroll(60)).toBeCloseTo(settledGap, 0); // in the scroll's own frame, before any look
  await ctx.page.setViewportSize({ width: 1280, height: 900 });
});

test("after the page scrolled, a badge's tip still shows above the panel", async () => {
  const badge = await reloadShort();
  await expect.poll(() => badge.count()).toBe(1);
  await ctx.frame.evaluate(() => window.scrollBy(0, 40));
  // The layer of badges is shifted now (a stacking context of its own); the panel is drawn after it.
  const onTop = await ctx.frame.evaluate(async (host) => {
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const shadow = document.querySelector(host)?.shadowRoot;
    const wrap = shadow?.querySelector('[data-cg-badge~="units/exceeds-minutes"]');
    const panel = shadow?.querySelector<HTMLElement>('.cg-panel');
    if (!shadow || !wrap || !panel) return 'no badge or panel';
    if (!(shadow.querySelector('.cg-marks') as HTMLElement).style.transform) return 'layer not shifted';
    wrap.querySelector<HTMLElement>('button')?.focus(); // focus-within shows the tip
    const tip = wrap.querySelector('.cg-tip')!.getBoundingClientRect();
    const x = tip.left + tip.width / 2;
    const y = tip.top + tip.height / 2;
    // Put the panel right under the middle of the tip, as a dragged panel or a small window may.
    Object.assign(panel.style, { left: `${x - 20}px`, top: `${y - 20}px`, right: 'auto', bottom: 'auto' });
    const hit = shadow.elementFromPoint(x, y);
    return hit && wrap.querySelector('.cg-tip')!.contains(hit) ? 'tip' : (hit?.className ?? 'nothing');
  }, HOST);
  await ctx.page.setViewportSize({ width: 1280, height: 900 });
  expect(onTop).toBe('tip');
});

test('the overlay is reachable from the keyboard: Tab from the page reaches a badge, then the panel', async () => {
  await ctx.reload();
  await ctx.submit().focus();
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await ctx.page.keyboard.press('Tab');
    const where = await ctx.frame.evaluate((tag) => {
      const own = document.querySelector(tag)?.shadowRoot?.activeElement;
      return own ? (own.classList.contains('cg-toggle') ? 'toggle' : own.className) : null;
    }, HOST);
    if (where) reached.push(where);
    if (where === 'toggle') break;
  }
  expect(reached.some((c) => c.includes('cg-badge'))).toBe(true);
  expect(reached).toContain('toggle');
});
