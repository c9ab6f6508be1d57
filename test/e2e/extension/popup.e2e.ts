import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchBrowser } from '../../support/browser';

/** The extension's own chrome.* as seen inside service-worker evaluate() calls. */
declare const chrome: {
  storage: {
    local: {
      get(keys?: string | null): Promise<{ settings?: Record<string, unknown> } & Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ viewport: { width: 400, height: 700 } });
});
afterAll(async () => {
  await browser?.close();
});

const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

test('CMS example 3 (Pub. 100-04 ch. 5 §20.2): 97110 33 min + 97140 7 min, CMS and AMA side by side', async () => {
  const page = await browser.context.newPage();
  await page.goto(popupUrl());
  // Keyboard first: the code field has focus, Enter moves on and adds the next row.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? ''))
    .toBe('code');
  await page.keyboard.type('97110');
  await page.keyboard.press('Enter');
  await page.keyboard.type('33');
  await page.keyboard.press('Enter');
  await page.keyboard.type('97140');
  await page.keyboard.press('Enter');
  await page.keyboard.type('7');

  const units = (method: string, code: string) =>
    page.locator(`td[data-method="${method}"][data-code="${code}"]`).textContent();
  await expect.poll(() => units('cms', '97140')).toBe('1');
  expect(await units('cms', '97110')).toBe('2');
  expect(await units('ama', '97110')).toBe('2');
  expect(await units('ama', '97140')).toBe('0');
  expect(await page.locator('[data-total="minutes"]').textContent()).toBe('40');
  expect(await page.locator('.copy-preview').textContent()).toBe('97110 x2, 97140 x1 — 40 timed min (CMS)');

  // Every input has an accessible name.
  expect(await page.getByLabel('Code, row 2').inputValue()).toBe('97140');
  expect(await page.getByLabel('Minutes, row 1').inputValue()).toBe('33');
  await page.close();
});

test('the preferred method is remembered; the minutes never are', async () => {
  const page = await browser.context.newPage();
  await page.goto(popupUrl());
  await page.getByLabel('Code, row 1').fill('97110');
  await page.getByLabel('Minutes, row 1').fill('38');
  await page.locator('.segmented label', { hasText: 'AMA' }).click();
  await expect.poll(() => page.locator('.copy-preview').getAttribute('data-copy')).toBe('ama');
  await page.reload();
  // The first read of the browser's managed storage can take seconds in a fresh profile.
  await expect
    .poll(() => page.locator('input[name="method"][value="ama"]').isChecked(), { timeout: 10_000 })
    .toBe(true);
  expect(await page.getByLabel('Minutes, row 1').inputValue()).toBe('');
  const stored = await browser.serviceWorker!.evaluate(() => chrome.storage.local.get(null));
  expect(JSON.stringify(stored)).not.toContain('38');
  expect(JSON.stringify(stored)).toContain('"unitMethod":"ama"');
  await page.close();
});

test('on a page that cannot be checked, the popup says so and offers no permission prompt', async () => {
  const page = await browser.context.newPage();
  await page.goto(popupUrl());
  await expect.poll(() => page.locator('.site').textContent()).toContain('Open your EHR or payer portal');
  expect(await page.getByRole('button', { name: 'Check this site' }).count()).toBe(0);
  await page.close();
});
