import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchBrowser } from '../../support/browser';
import { type FixtureServer, startFixtureServer } from '../../support/server';

/** The extension's own chrome.* as seen inside service-worker evaluate() calls. */
declare const chrome: {
  tabs: {
    query(q: { url?: string }): Promise<{ id?: number }[]>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; frameIds: number[] };
      files: string[];
    }): Promise<unknown>;
  };
  storage: { local: { get(keys?: string | null): Promise<Record<string, unknown>> } };
};

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

/** What the popup's "Teach a field" does: inject the picker into the tab's top frame. */
async function startTeaching(url: string) {
  await browser.serviceWorker!.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    await chrome.scripting.executeScript({
      target: { tabId: tab!.id!, frameIds: [0] },
      files: ['/teach.js'],
    });
  }, url);
}

const role = (page: import('playwright-core').Page, selector: string) =>
  page.locator(selector).getAttribute('data-cg-role');

test('a field the heuristics miss is taught by pointing at it, read at once and after reload', async () => {
  const url = server.url('portals/teach-opaque.html');
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-cg-loaded]');
  await page.fill('#w_a', '97110');
  await page.fill('#w_c', '2');
  // The page means nothing to the heuristics.
  await page.waitForTimeout(500);
  expect(await page.locator('[data-cg-role]').count()).toBe(0);

  const clicksBefore = await page.locator('#page-clicks').textContent();
  await startTeaching(url);
  const picker = page.locator('charge-guard-teach');
  await picker.locator('.bar').waitFor();

  // Point at field A: the click is the picker's, not the page's.
  await page.click('#w_a');
  expect(await page.locator('#page-clicks').textContent()).toBe(clicksBefore);
  await picker.getByLabel('Role').selectOption('code');
  await picker.getByLabel('Service line (1 = first line)').fill('1');
  await picker.getByRole('button', { name: 'Save field' }).click();
  await expect.poll(() => picker.locator('.bar').textContent()).toContain('Saved');

  await page.click('#w_c');
  await picker.getByLabel('Role').selectOption('units');
  await picker.getByRole('button', { name: 'Save field' }).click();
  await expect.poll(() => picker.locator('.bar').textContent()).toContain('Units, line 1');

  // Escape ends teaching; the page never saw a click.
  await page.keyboard.press('Escape');
  await expect.poll(() => picker.count()).toBe(0);
  expect(await page.locator('#page-clicks').textContent()).toBe(clicksBefore);

  // Read at once (settings change → re-read) ...
  await expect.poll(() => role(page, '#w_a'), { timeout: 5_000 }).toBe('code');
  expect(await role(page, '#w_c')).toBe('units');
  // ... and after a reload.
  await page.reload();
  await page.fill('#w_a', '97110');
  await expect.poll(() => role(page, '#w_a'), { timeout: 5_000 }).toBe('code');
  expect(await role(page, '#w_c')).toBe('units');
  expect(await role(page, '#w_b')).toBeNull();

  // Stored: selectors and roles only, never what was typed.
  const stored = JSON.stringify(
    await browser.serviceWorker!.evaluate(() => chrome.storage.local.get('settings')),
  );
  expect(stored).toContain('#w_a');
  expect(stored).not.toContain('97110');
  await page.close();
});
