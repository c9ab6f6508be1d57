import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pick, summarize } from '../../../src/page/testing/summarize';
import type { PageReading } from '../../../src/page/types';
import { type ExtensionBrowser, launchBrowser } from '../../support/browser';
import { type FixtureServer, startFixtureServer } from '../../support/server';
import {
  clickFix,
  coreRules,
  countSubmits,
  guardShown,
  HOST,
  type Hooks,
  hooks,
  hooksWhen,
  readSidecar,
  roleCounts,
  ruleSet,
  type Sidecar,
  submitAnyway,
  submits,
} from './portal';

export interface PortalCase {
  /** Fixture page under test/fixtures/portals/. */
  page: string;
  /** Sidecar name without `.expected.json` (defaults to the page's name). */
  sidecar?: string;
  /** The frame holding the charge fields (nested-frame pages); the page itself by default. */
  frame?(page: Page): Promise<Frame | Page>;
  /** The page's submit control as a CSS selector; by default the element showing the sidecar's `submitText`. */
  submit?: string;
  /** A one-click fix to try: the rule, the field it writes and the value it should hold after. */
  fix?: { rule: string; field: string; value: string | RegExp };
  /** Pages that submit from a click handler rather than a form: the control whose clicks count as submits. */
  clickSubmit?: string;
  /** Also run the Review and fail-open checks (they exercise the same code on every page; run them where the submit mechanics differ). */
  deep?: boolean;
  /** For pages whose data has no error: an edit that makes one, so the submit guard has something to hold. */
  makeError?(frame: Frame | Page): Promise<void>;
}

export interface PortalContext {
  page: Page;
  /** The page's submit control, as a user clicks it. */
  submit(): Locator;
  frame: Frame | Page;
  server: FixtureServer;
  sidecar: Sidecar;
  /** Loads the fixture again (fresh page state) and waits for the overlay. */
  reload(): Promise<Hooks>;
}

/** The sidecar's claim in its own terms, compared with what the overlay host says it read. */
function expectClaimMatches(claim: Hooks['claim'], sidecar: Sidecar): void {
  const actual = summarize({ claim, bindings: [], submitControls: [], forms: [] } as unknown as PageReading);
  expect(actual.lines.map((l, i) => pick(l, sidecar.lines[i] ?? {}))).toEqual(sidecar.lines);
  const keys = { diagnoses: 1, placeOfService: 1, dateOfService: 1, payer: 1 };
  expect(pick(actual, keys)).toEqual(
    pick(
      {
        diagnoses: sidecar.diagnoses ?? [],
        placeOfService: sidecar.placeOfService,
        dateOfService: sidecar.dateOfService,
        payer: sidecar.payer,
      },
      keys,
    ),
  );
}

/**
 * The checks every fixture gets (issue 3): fields found, claim read, findings shown, a fix,
 * the submit guard, fail-open. Returns the context for the fixture's own extra tests, one
 * browser per file and one page reused.
 */
export function portalSuite(c: PortalCase): PortalContext {
  const ctx = {} as PortalContext;
  let browser: ExtensionBrowser;

  ctx.submit = () =>
    c.submit
      ? ctx.frame.locator(c.submit).first()
      : ctx.frame.getByText(ctx.sidecar.submitText ?? '', { exact: true });
  const reloadWithError = async () => {
    const h = await ctx.reload();
    if (!c.makeError) return h;
    await c.makeError(ctx.frame);
    return hooksWhen(ctx.frame, (x) => x.findings.some((f) => f.severity === 'error'));
  };
  ctx.reload = async () => {
    await ctx.page.goto(ctx.server.url(`portals/${c.page}`));
    ctx.frame = c.frame ? await c.frame(ctx.page) : ctx.page;
    const h = await hooks(ctx.frame);
    await countSubmits(ctx.frame, c.clickSubmit);
    return h;
  };

  beforeAll(async () => {
    ctx.server = await startFixtureServer();
    // On a busy machine the extension's service worker can be slow to show up: one retry.
    browser = await launchBrowser().catch(() => launchBrowser());
    ctx.page = await browser.context.newPage();
    ctx.page.setDefaultTimeout(5_000);
    ctx.sidecar = await readSidecar(c.sidecar ?? c.page.replace(/\.html$/, ''));
    await ctx.reload();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx.server?.close();
  });

  test('finds the fields its sidecar names, and nothing else', async () => {
    expect(await roleCounts(ctx.frame)).toEqual(ctx.sidecar.roles);
    expect(await ctx.frame.locator(HOST).count()).toBe(1);
  });

  test('the overlay host carries the claim it read', async () => {
    expectClaimMatches((await hooks(ctx.frame)).claim, ctx.sidecar);
  });

  test("shows the core's findings for that claim, the page's planted faults among them", async () => {
    const h = await hooks(ctx.frame);
    const shown = ruleSet(h.findings);
    expect(shown).toEqual(coreRules(h.claim));
    for (const rule of ctx.sidecar.mustFind ?? []) expect(shown).toContain(rule);
    for (const rule of ctx.sidecar.mustNotFind ?? []) expect(shown).not.toContain(rule);
  });

  if (c.fix) {
    const fix = c.fix;
    test(`one-click fix for ${fix.rule} writes the page field and clears the finding`, async () => {
      const before = (await hooks(ctx.frame)).findings.filter((f) => f.rule === fix.rule).length;
      expect(before).toBeGreaterThan(0);
      await clickFix(ctx.frame, fix.rule);
      const field = ctx.frame.locator(fix.field).first();
      if (typeof fix.value === 'string') await expect.poll(() => field.inputValue()).toBe(fix.value);
      else await expect.poll(() => field.inputValue()).toMatch(fix.value);
      await hooksWhen(ctx.frame, (h) => h.findings.filter((f) => f.rule === fix.rule).length === before - 1);
    });
  }

  test('submit guard: holds the first submit with open errors, releases it exactly once', async () => {
    const h = await reloadWithError();
    expect(h.findings.some((f) => f.severity === 'error')).toBe(true);
    await ctx.submit().click();
    expect(await guardShown(ctx.frame)).toBe(true);
    expect(await submits(ctx.frame)).toBe(0);
    // Focus moved into the panel, to the guard's heading.
    expect(
      await ctx.frame.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.id, HOST),
    ).toBe('cg-guard-title');
    // A page script cannot press "Submit anyway" for the user.
    await ctx.frame.evaluate((tag) => {
      const button = document
        .querySelector(tag)
        ?.shadowRoot?.querySelector('[data-cg-guard="submit-anyway"]');
      if (!(button instanceof HTMLElement)) throw new Error('no Submit anyway button');
      button.click();
    }, HOST);
    expect(await submits(ctx.frame)).toBe(0);
    await submitAnyway(ctx.frame, 'Payer contract allows it');
    expect(await submits(ctx.frame)).toBe(1);
    await ctx.page.waitForTimeout(150);
    expect(await submits(ctx.frame)).toBe(1);
    expect(await guardShown(ctx.frame)).toBe(false);
  });

  if (!c.deep) return ctx;

  test('submit guard: Review keeps the submit and goes to the first error', async () => {
    await reloadWithError();
    await ctx.submit().click();
    await ctx.frame.locator(`${HOST} [data-cg-guard="review"]`).click();
    expect(await submits(ctx.frame)).toBe(0);
    expect(await guardShown(ctx.frame)).toBe(false);
    const focused = await ctx.frame.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-cg-role') ?? null;
    });
    expect(focused).not.toBeNull();
  });

  test('fail open: with the core failing, no overlay and the submit goes straight through', async () => {
    await reloadWithError();
    const units = await ctx.frame.locator('[data-cg-role="units"]').first().elementHandle();
    await ctx.frame.evaluate(() => document.documentElement.setAttribute('data-cg-fault', 'core'));
    // Any page change makes the extension re-check, and the failing core removes the overlay.
    await units!.press('End');
    await units!.type(' ');
    await expect.poll(() => ctx.frame.locator(HOST).count()).toBe(0);
    await ctx.submit().click();
    expect(await submits(ctx.frame)).toBe(1);
    // The next change retries, and with the core back the overlay returns.
    await ctx.frame.evaluate(() => document.documentElement.removeAttribute('data-cg-fault'));
    await units!.press('End');
    await units!.press('Backspace');
    await hooks(ctx.frame);
  });

  return ctx;
}
