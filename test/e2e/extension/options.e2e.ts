import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionBrowser, launchBrowser } from '../../support/browser';
import { REPO_ROOT } from '../../support/server';

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
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;

test('options round-trip: add a site, change its payer profile, reload, it is still there', async () => {
  const page = await browser.context.newPage();
  await page.goto(optionsUrl());
  await page.getByLabel('Add a site').fill('https://portal.example-ehr.com/charges/123?mrn=1');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const profile = page.getByLabel('Payer profile for portal.example-ehr.com');
  await profile.selectOption('medicaid');
  await page.reload();
  await expect
    .poll(() => page.getByLabel('Payer profile for portal.example-ehr.com').inputValue())
    .toBe('medicaid');
  expect(await page.getByLabel('Check charges on portal.example-ehr.com').isChecked()).toBe(true);
  // Only the hostname was kept from the pasted address.
  const stored = await browser.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'));
  expect(JSON.stringify(stored)).not.toContain('mrn');
  await page.close();
});

test('a custom profile copied from a built-in can be picked for a site', async () => {
  const page = await browser.context.newPage();
  await page.goto(optionsUrl());
  await page
    .locator('[data-profile="commercial"]')
    .getByRole('button', { name: 'Copy to customise' })
    .click();
  await expect.poll(() => page.locator('[data-profile="commercial-copy"]').count()).toBe(1);
  await page
    .getByLabel('Severity of modifier/discipline-missing for Commercial (copy)')
    .selectOption('error');
  await page.getByLabel('Payer profile for portal.example-ehr.com').selectOption('commercial-copy');
  await page.reload();
  await expect
    .poll(() => page.getByLabel('Payer profile for portal.example-ehr.com').inputValue())
    .toBe('commercial-copy');
  const stored = (await browser.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'))) as {
    settings: { customProfiles: { id: string; severity: Record<string, string> }[] };
  };
  expect(stored.settings.customProfiles[0]?.severity['modifier/discipline-missing']).toBe('error');
  await page.close();
});

test('a rejected import names the field and changes nothing; a good one replaces the settings', async () => {
  const page = await browser.context.newPage();
  await page.goto(optionsUrl());
  const before = await browser.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'));
  const input = page.locator('#transfer input[type="file"]');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ sites: { 'portal.x.com': { enabled: true, profile: 'foo' } } })),
  });
  await expect
    .poll(() => page.locator('[data-import="rejected"]').textContent())
    .toContain('sites["portal.x.com"].profile: unknown profile "foo"');
  expect(await browser.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'))).toEqual(before);

  const v1 = await readFile(join(REPO_ROOT, 'src/settings/testdata/settings-v1.json'));
  await input.setInputFiles({ name: 'clinic.json', mimeType: 'application/json', buffer: v1 });
  await expect.poll(() => page.locator('[data-import]').getAttribute('data-import')).toBe('ok');
  await expect
    .poll(() => page.locator('[data-site="portal.example-ehr.com"] select').inputValue())
    .toBe('clinic-bcbs');
  await page.close();
});

test('a stored value that fails validation is reported as repaired, the rest kept', async () => {
  // (Managed policy needs root-owned browser policy files, so the locked view is covered by the
  // unit tests of the merge with a fake managed area, not here.)
  await browser.serviceWorker!.evaluate(() =>
    chrome.storage.local
      .get('settings')
      .then(({ settings }) =>
        chrome.storage.local.set({ settings: { ...settings, unitMethod: 'midpoint' } }),
      ),
  );
  const page = await browser.context.newPage();
  await page.goto(optionsUrl());
  await expect.poll(() => page.locator('[data-repairs]').textContent()).toContain('unitMethod');
  expect(await page.getByLabel('Payer profile for portal.example-ehr.com').inputValue()).toBe('clinic-bcbs');
  await page.close();
});
