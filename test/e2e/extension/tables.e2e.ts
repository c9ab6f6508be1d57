import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchBrowser } from '../../support/browser';
import { type FixtureServer, REPO_ROOT, startFixtureServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CMS = join(REPO_ROOT, 'test/fixtures/cms');
const PAIR = 'ncci/pair-needs-modifier';

async function loadPtp(files: string[], label: string) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const card = options.locator('[data-table="ncci"]');
  await card.locator('input[type="file"]').setInputFiles(files.map((f) => join(CMS, f)));
  await card.getByLabel('Quarter / version label').fill(label);
  await card.getByRole('button', { name: /^Load/ }).click();
  await expect.poll(() => card.locator('[data-version]').textContent(), { timeout: 10_000 }).toBe(label);
  await options.close();
}

/** Rule ids the overlay shows on the page (the e2e build's data-cg-findings). */
async function shownRules(page: Page): Promise<string[]> {
  const host = await page.waitForSelector('charge-guard-overlay[data-cg-findings]', { state: 'attached' });
  return (JSON.parse((await host.getAttribute('data-cg-findings')) ?? '[]') as { rule: string }[]).map(
    (f) => f.rule,
  );
}

test('a loaded PTP file replaces the built-in pairs, and its pair finding carries the quarter', async () => {
  const page = await browser.context.newPage();
  // 97140 and 97530 on one date, no distinct-service modifier on 97530.
  await page.goto(server.url('portals/react-controlled.html'));
  await expect.poll(() => shownRules(page), { timeout: 10_000 }).toContain(PAIR);

  // A file without that pair: the loaded table is the one in force, so the finding goes.
  await loadPtp(['ccipra-v321r0-f2.txt'], '2026 Q1 part 2 only');
  await page.reload();
  await expect.poll(() => shownRules(page), { timeout: 10_000 }).not.toContain(PAIR);

  // The full file (both parts): the pair is back, quoting the loaded quarter.
  await loadPtp(['ccipra-v321r0-f1.txt', 'ccipra-v321r0-f2.txt'], '2026 Q1 test');
  await page.reload();
  await expect.poll(() => shownRules(page), { timeout: 10_000 }).toContain(PAIR);
  const item = page.locator(`charge-guard-overlay [data-rule="${PAIR}"]`).first();
  await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('data 2026 Q1 test');
  await page.close();
});
